import { and, eq, inArray, or } from "drizzle-orm";
import type { DirectoryEntry, KeyDirectory, RecipientRole } from "../../application/ports/key-directory.js";
import type { Database } from "./open-database.js";
import { recipientKeys } from "./schema.js";

export function createSqlKeyDirectory(db: Database): KeyDirectory {
  return {
    async add(entry) {
      const row = {
        kid: entry.kid,
        role: entry.role,
        authorityId: entry.authorityId ?? null,
        country: entry.country ?? null,
        publicJwk: entry.publicJwk,
      };
      await db.insert(recipientKeys).values(row).onConflictDoUpdate({ target: recipientKeys.kid, set: row });
    },

    async recipientsFor({ issuer, importCountry, kind }) {
      const importingRole: RecipientRole = kind === "COO" ? "CUSTOMS" : "NPPO";
      const rows = await db
        .select()
        .from(recipientKeys)
        .where(
          or(
            and(eq(recipientKeys.role, "ISSUER"), eq(recipientKeys.authorityId, issuer)),
            and(eq(recipientKeys.role, importingRole), eq(recipientKeys.country, importCountry)),
            eq(recipientKeys.role, "AUDITOR"),
          ),
        )
        .orderBy(recipientKeys.kid);
      return rows.map(entryOf);
    },

    async entries(kids) {
      if (kids.length === 0) return [];
      const rows = await db
        .select()
        .from(recipientKeys)
        .where(inArray(recipientKeys.kid, [...kids]));
      return rows.map(entryOf);
    },
  };
}

function entryOf(r: typeof recipientKeys.$inferSelect): DirectoryEntry {
  return {
    kid: r.kid,
    role: r.role as RecipientRole,
    publicJwk: r.publicJwk,
    ...(r.authorityId !== null && { authorityId: r.authorityId }),
    ...(r.country !== null && { country: r.country }),
  };
}
