import { asc, eq, inArray } from "drizzle-orm";
import type { StoredTerms } from "../../application/chain-actions.js";
import type { DocumentRecord, DocumentRecords } from "../../application/ports/document-records.js";
import type { Database } from "./open-database.js";
import { documents } from "./schema.js";

function toRecord(row: typeof documents.$inferSelect): DocumentRecord {
  return {
    certificateId: row.certificateId,
    issuer: row.issuer,
    certificateNumber: row.certificateNumber,
    kind: row.kind as DocumentRecord["kind"],
    salt: row.salt,
    digest: row.digest,
    cid: row.cid,
    terms: row.terms as unknown as StoredTerms,
    batchRoot: row.batchRoot ?? undefined,
    proof: row.proof ?? undefined,
    ucr: row.ucr ?? undefined,
    facts: row.facts ?? undefined,
  };
}

export function createSqlDocumentRecords(db: Database): DocumentRecords {
  return {
    async get(certificateId) {
      const [row] = await db.select().from(documents).where(eq(documents.certificateId, certificateId));
      return row ? toRecord(row) : undefined;
    },
    async getMany(certificateIds) {
      const found: DocumentRecord[] = [];
      for (let i = 0; i < certificateIds.length; i += 1_000) {
        const slice = certificateIds.slice(i, i + 1_000);
        const rows = await db
          .select()
          .from(documents)
          .where(inArray(documents.certificateId, [...slice]));
        found.push(...rows.map(toRecord));
      }
      return found;
    },
    async byBatch(root) {
      const rows = await db
        .select()
        .from(documents)
        .where(eq(documents.batchRoot, root))
        .orderBy(asc(documents.createdAt), asc(documents.certificateId));
      return rows.map(toRecord);
    },
    async byUcr(ucr) {
      const rows = await db
        .select()
        .from(documents)
        .where(eq(documents.ucr, ucr))
        .orderBy(asc(documents.createdAt), asc(documents.certificateId));
      return rows.map(toRecord);
    },
  };
}
