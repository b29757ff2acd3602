import { eq } from "drizzle-orm";
import type { IdempotencyStore } from "../../application/ports/idempotency-store.js";
import type { Database } from "./open-database.js";
import { idempotentRequests } from "./schema.js";

export function createSqlIdempotencyStore(db: Database): IdempotencyStore {
  return {
    async claim(key, requestHash) {
      const inserted = await db
        .insert(idempotentRequests)
        .values({ key, requestHash })
        .onConflictDoNothing()
        .returning({ key: idempotentRequests.key });
      if (inserted.length > 0) return { state: "new" };
      const [row] = await db.select().from(idempotentRequests).where(eq(idempotentRequests.key, key));
      if (!row) return { state: "in-flight" };
      if (row.requestHash !== requestHash) return { state: "mismatch" };
      if (row.responseStatus === null) return { state: "in-flight" };
      return { state: "replay", status: row.responseStatus, body: row.responseBody };
    },
    async complete(key, status, body) {
      await db
        .update(idempotentRequests)
        .set({ responseStatus: status, responseBody: body })
        .where(eq(idempotentRequests.key, key));
    },
    async release(key) {
      await db.delete(idempotentRequests).where(eq(idempotentRequests.key, key));
    },
  };
}
