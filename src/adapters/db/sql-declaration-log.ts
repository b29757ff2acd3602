import { and, asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { DeclarationLog, DeclarationOutcome, DeclarationRecord } from "../../application/ports/declaration-log.js";
import type { Database } from "./open-database.js";
import { declarations } from "./schema.js";

/** A `declarations` row as the application sees it. */
export function declarationFromRow(row: typeof declarations.$inferSelect): DeclarationRecord {
  return {
    id: row.id,
    certificateId: row.certificateId,
    authorityId: row.authorityId,
    country: row.country,
    reference: row.reference,
    declarationHash: row.declarationHash,
    amount: row.amount,
    ...(row.invoiceValue !== null && { invoiceValue: row.invoiceValue }),
    ...(row.invoiceCurrency !== null && { invoiceCurrency: row.invoiceCurrency }),
    outcome: row.outcome as DeclarationOutcome,
    ...(row.reason !== null && { reason: row.reason }),
    ...(row.outboxKey !== null && { outboxKey: row.outboxKey }),
    createdAt: row.createdAt,
  };
}

/** The declarations table: one row per drawdown attempt. */
export function createSqlDeclarationLog(db: Database): DeclarationLog {
  return {
    async open(declaration) {
      return db.transaction(async (tx) => {
        const [same] = await tx
          .select()
          .from(declarations)
          .where(
            and(
              eq(declarations.certificateId, declaration.certificateId),
              eq(declarations.authorityId, declaration.authorityId),
              eq(declarations.declarationHash, declaration.declarationHash),
              eq(declarations.amount, declaration.amount),
              inArray(declarations.outcome, ["PENDING", "RECORDED"]),
            ),
          )
          .orderBy(desc(declarations.id))
          .limit(1);
        if (same) return declarationFromRow(same);
        const [row] = await tx
          .insert(declarations)
          .values({
            ...declaration,
            invoiceValue: declaration.invoiceValue ?? null,
            invoiceCurrency: declaration.invoiceCurrency ?? null,
            outboxKey: declaration.outboxKey ?? null,
            outcome: "PENDING",
          })
          .returning();
        return declarationFromRow(row);
      });
    },

    async settle(id, outcome, reason) {
      await db
        .update(declarations)
        .set({ outcome, reason: reason ?? null })
        .where(eq(declarations.id, id));
    },

    async pending(limit) {
      const rows = await db
        .select()
        .from(declarations)
        .where(and(eq(declarations.outcome, "PENDING"), isNotNull(declarations.outboxKey)))
        .orderBy(asc(declarations.id))
        .limit(limit);
      return rows.map(declarationFromRow);
    },

    async forCertificate(certificateId) {
      const rows = await db
        .select()
        .from(declarations)
        .where(eq(declarations.certificateId, certificateId))
        .orderBy(asc(declarations.id));
      return rows.map(declarationFromRow);
    },
  };
}
