import type { IndexedCertificate } from "../../application/ports/registry-index.js";
import type { certificates } from "./schema.js";

/** A `certificates` row as the application sees it (quantities back to bigint). */
export function certificateFromRow(row: typeof certificates.$inferSelect): IndexedCertificate {
  return {
    id: row.id,
    issuer: row.issuer,
    keyAddress: row.keyAddress ?? undefined,
    numberHash: row.numberHash,
    digest: row.digest,
    certificateType: row.certificateType,
    exportCountry: row.exportCountry,
    importCountry: row.importCountry,
    validUntil: row.validUntil,
    quantity: BigInt(row.quantity),
    unit: row.unit,
    cid: row.cid ?? undefined,
    status: row.status,
    consumed: BigInt(row.consumed),
    supersededBy: row.supersededBy ?? undefined,
    supersedes: row.supersedes ?? undefined,
    batchRoot: row.batchRoot ?? undefined,
    issuedBlock: row.issuedBlock,
    issuedAt: row.issuedAt,
  };
}
