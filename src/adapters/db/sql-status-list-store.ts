import { and, count, desc, eq, sql } from "drizzle-orm";
import type { StatusListEntry, StatusListStore } from "../../application/ports/status-list-store.js";
import type { StatusPurpose } from "../../domain/credentials/status-list-entry.js";
import { ConflictError } from "../../domain/errors.js";
import type { Database } from "./open-database.js";
import { statusListEntries } from "./schema.js";

/** Draws before giving up; with lists at most a quarter full, 32 misses in a row do not happen. */
const MAX_DRAWS = 32;

function toEntry(row: typeof statusListEntries.$inferSelect): StatusListEntry {
  return {
    certificateId: row.certificateId,
    purpose: row.purpose as StatusPurpose,
    listId: row.listId,
    position: row.position,
  };
}

/** Status list positions in SQL; list ids are "1", "2", … per purpose, the newest taking new entries. */
export function createSqlStatusListStore(db: Database): StatusListStore {
  async function existing(certificateId: string, purpose: StatusPurpose): Promise<StatusListEntry | undefined> {
    const [row] = await db
      .select()
      .from(statusListEntries)
      .where(and(eq(statusListEntries.certificateId, certificateId), eq(statusListEntries.purpose, purpose)));
    return row ? toEntry(row) : undefined;
  }

  async function openList(purpose: StatusPurpose, capacity: number): Promise<string> {
    const listNumber = sql<number>`cast(${statusListEntries.listId} as integer)`;
    const [newest] = await db
      .select({ listNumber, entries: count() })
      .from(statusListEntries)
      .where(eq(statusListEntries.purpose, purpose))
      .groupBy(statusListEntries.listId)
      .orderBy(desc(listNumber))
      .limit(1);
    if (!newest) return "1";
    const number = Number(newest.listNumber);
    return String(newest.entries < capacity ? number : number + 1);
  }

  return {
    async assign({ certificateId, purpose, capacity, drawPosition }) {
      for (let draw = 0; draw < MAX_DRAWS; draw++) {
        const found = await existing(certificateId, purpose);
        if (found) return found;
        const row = { certificateId, purpose, listId: await openList(purpose, capacity), position: drawPosition() };
        // Nothing is inserted when the certificate got an entry meanwhile (read above) or the position is taken (draw again).
        const [inserted] = await db.insert(statusListEntries).values(row).onConflictDoNothing().returning();
        if (inserted) return toEntry(inserted);
      }
      throw new ConflictError(
        `No free ${purpose} status list position was found for certificate ${certificateId}: try again.`,
        { certificateId, purpose },
      );
    },

    async entries(listId, purpose) {
      const rows = await db
        .select()
        .from(statusListEntries)
        .where(and(eq(statusListEntries.listId, listId), eq(statusListEntries.purpose, purpose)));
      return rows.map(toEntry);
    },
  };
}
