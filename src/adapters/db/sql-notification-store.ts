import { and, asc, desc, eq, inArray, isNull, lte, sql, type SQL } from "drizzle-orm";
import type { Caller, CallerRole } from "../../domain/caller.js";
import {
  statusAfterEvent,
  type Notification,
  type NotificationScope,
  type RecordedEvent,
} from "../../domain/notification.js";
import type { CertificateType } from "../../domain/registry-types.js";
import type {
  DueDelivery,
  EventPosition,
  EventToNotify,
  NotificationStore,
  Webhook,
  WebhookDelivery,
  DeliveryStatus,
} from "../../application/ports/notification-store.js";
import type { Database } from "./open-database.js";
import {
  authorities,
  batches,
  certificates,
  chainEvents,
  documents,
  indexerState,
  notifierState,
  watches,
  webhookDeliveries,
  webhooks,
} from "./schema.js";

type EventRow = typeof chainEvents.$inferSelect;
type WebhookRow = typeof webhooks.$inferSelect;
type DeliveryRow = typeof webhookDeliveries.$inferSelect;

/** Rows per INSERT: well under PostgreSQL's 65 535 bind parameters. */
const INSERT_CHUNK = 1_000;

/** Events that set a certificate's status: the ones a drawdown's status is read from. */
const STATUS_EVENTS = [
  "CertificateIssued",
  "BatchLeafRecorded",
  "CertificateSuspended",
  "CertificateReinstated",
  "CertificateRevoked",
  "CertificateSuperseded",
  "CertificateAccepted",
  "CertificateRejected",
  "CertificateExhausted",
];

const after = (position: EventPosition): SQL =>
  sql`(${chainEvents.blockNumber}, ${chainEvents.logIndex}) > (${position.blockNumber}, ${position.logIndex})`;

function recordedEvent(row: EventRow): RecordedEvent {
  return {
    blockNumber: row.blockNumber,
    logIndex: row.logIndex,
    blockTime: row.blockTime,
    transactionHash: row.transactionHash,
    name: row.name,
    ...(row.certificateId !== null && { certificateId: row.certificateId }),
    ...(row.batchRoot !== null && { batchRoot: row.batchRoot }),
    ...(row.authorityId !== null && { authorityId: row.authorityId }),
    args: row.args,
  };
}

function webhookOf(row: WebhookRow): Webhook {
  const owner: Caller = {
    subject: row.owner,
    role: row.role as CallerRole,
    ...(row.authorityId !== null && { authorityId: row.authorityId }),
    ...(row.country !== null && { country: row.country }),
  };
  return { id: row.id, owner, url: row.url, secret: row.secret, createdAt: row.createdAt };
}

function deliveryOf(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    webhookId: row.webhookId,
    eventId: row.eventId,
    payload: row.payload as unknown as Notification,
    status: row.status as DeliveryStatus,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    ...(row.lastError !== null && { lastError: row.lastError }),
    ...(row.deliveredAt !== null && { deliveredAt: row.deliveredAt }),
  };
}

function groupBy<K, V>(rows: readonly V[], key: (row: V) => K): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/** The notifier's cursor, webhooks, their deliveries and watches in SQL, over the chain index. */
export function createSqlNotificationStore(db: Database): NotificationStore {
  /** Issuer, countries, batch and watchers of each certificate and batch the events name. */
  async function scopesOf(events: readonly RecordedEvent[]) {
    const ids = [...new Set(events.flatMap((e) => (e.certificateId ? [e.certificateId] : [])))];
    const roots = [...new Set(events.flatMap((e) => (!e.certificateId && e.batchRoot ? [e.batchRoot] : [])))];
    const [certRows, batchRows] = await Promise.all([
      ids.length > 0 ? db.select().from(certificates).where(inArray(certificates.id, ids)) : [],
      roots.length > 0 ? db.select().from(batches).where(inArray(batches.root, roots)) : [],
    ]);
    const issuers = [...new Set([...certRows.map((r) => r.issuer), ...batchRows.map((r) => r.issuer)])];
    const [authorityRows, certificateWatches, batchWatches] = await Promise.all([
      issuers.length > 0 ? db.select().from(authorities).where(inArray(authorities.id, issuers)) : [],
      ids.length > 0 ? db.select().from(watches).where(inArray(watches.certificateId, ids)) : [],
      roots.length > 0 ? batchWatchers(roots) : [],
    ]);
    const countries = new Map(authorityRows.map((r) => [r.id, r.country]));
    const watchersOf = (rows: { owner: string }[] | undefined) => (rows ?? []).map((r) => r.owner);
    const byCertificate = groupBy(certificateWatches, (r) => r.certificateId);
    const byBatch = groupBy(batchWatches, (r) => r.root);
    const scopes = new Map<string, NotificationScope>();
    for (const r of certRows) {
      scopes.set(r.id, {
        issuer: r.issuer,
        ...(countries.has(r.issuer) && { issuerCountry: countries.get(r.issuer) }),
        certificateType: r.certificateType as CertificateType,
        exportCountry: r.exportCountry,
        importCountry: r.importCountry,
        ...(r.batchRoot !== null && { batchRoot: r.batchRoot }),
        watchers: watchersOf(byCertificate.get(r.id)),
      });
    }
    for (const r of batchRows) {
      scopes.set(r.root, {
        issuer: r.issuer,
        ...(countries.has(r.issuer) && { issuerCountry: countries.get(r.issuer) }),
        watchers: [...new Set(watchersOf(byBatch.get(r.root)))],
      });
    }
    return scopes;
  }

  /** Watchers of a batch's members: those with a record of their own, and those this gateway anchored. */
  async function batchWatchers(roots: string[]): Promise<{ root: string; owner: string }[]> {
    const [recorded, anchored] = await Promise.all([
      db
        .select({ root: sql<string>`${certificates.batchRoot}`, owner: watches.owner })
        .from(watches)
        .innerJoin(certificates, eq(certificates.id, watches.certificateId))
        .where(inArray(certificates.batchRoot, roots)),
      db
        .select({ root: sql<string>`${documents.batchRoot}`, owner: watches.owner })
        .from(watches)
        .innerJoin(documents, eq(documents.certificateId, watches.certificateId))
        .where(inArray(documents.batchRoot, roots)),
    ]);
    return [...recorded, ...anchored];
  }

  /** For events that keep the status (drawdowns): the status the last status-setting event before each left. */
  async function statusesBefore(events: readonly RecordedEvent[]) {
    const keeping = events.flatMap((event) =>
      event.certificateId && !statusAfterEvent(event.name) ? [{ event, certificateId: event.certificateId }] : [],
    );
    const statuses = new Map<RecordedEvent, ReturnType<typeof statusAfterEvent>>();
    if (keeping.length === 0) return statuses;
    const rows = await db
      .select({
        certificateId: chainEvents.certificateId,
        blockNumber: chainEvents.blockNumber,
        logIndex: chainEvents.logIndex,
        name: chainEvents.name,
      })
      .from(chainEvents)
      .where(
        and(
          inArray(chainEvents.certificateId, [...new Set(keeping.map((k) => k.certificateId))]),
          inArray(chainEvents.name, STATUS_EVENTS),
          lte(chainEvents.blockNumber, keeping[keeping.length - 1].event.blockNumber),
        ),
      )
      .orderBy(asc(chainEvents.blockNumber), asc(chainEvents.logIndex));
    const byCertificate = groupBy(rows, (r) => r.certificateId);
    for (const { event, certificateId } of keeping) {
      const before = (byCertificate.get(certificateId) ?? []).filter(
        (r) =>
          r.blockNumber < event.blockNumber || (r.blockNumber === event.blockNumber && r.logIndex < event.logIndex),
      );
      if (before.length > 0) statuses.set(event, statusAfterEvent(before[before.length - 1].name));
    }
    return statuses;
  }

  return {
    async cursor(name) {
      const [row] = await db.select().from(notifierState).where(eq(notifierState.name, name));
      return row && { blockNumber: row.blockNumber, logIndex: row.logIndex };
    },

    async startCursor(name, position) {
      await db
        .insert(notifierState)
        .values({ name, ...position })
        .onConflictDoNothing({ target: notifierState.name });
      const [row] = await db.select().from(notifierState).where(eq(notifierState.name, name));
      return { blockNumber: row.blockNumber, logIndex: row.logIndex };
    },

    async lastIndexedEvent() {
      const [indexed] = await db.select({ blockNumber: indexerState.blockNumber }).from(indexerState).limit(1);
      if (!indexed) return undefined;
      const [last] = await db
        .select({ blockNumber: chainEvents.blockNumber, logIndex: chainEvents.logIndex })
        .from(chainEvents)
        .orderBy(desc(chainEvents.blockNumber), desc(chainEvents.logIndex))
        .limit(1);
      return last ?? { blockNumber: 0, logIndex: -1 };
    },

    async eventsAfter(position, limit) {
      const [bound] = await db
        .select({ blockNumber: chainEvents.blockNumber })
        .from(chainEvents)
        .where(after(position))
        .orderBy(asc(chainEvents.blockNumber), asc(chainEvents.logIndex))
        .offset(limit - 1)
        .limit(1);
      const rows = await db
        .select()
        .from(chainEvents)
        .where(and(after(position), bound && lte(chainEvents.blockNumber, bound.blockNumber)))
        .orderBy(asc(chainEvents.blockNumber), asc(chainEvents.logIndex));
      const events = rows.map(recordedEvent);
      const [scopes, statuses] = await Promise.all([scopesOf(events), statusesBefore(events)]);
      return events.map((event): EventToNotify => {
        const scope = scopes.get(event.certificateId ?? event.batchRoot ?? "");
        const statusBefore = statuses.get(event);
        return { event, ...(scope && { scope }), ...(statusBefore && { statusBefore }) };
      });
    },

    async activeWebhooks() {
      const rows = await db.select().from(webhooks).where(isNull(webhooks.removedAt)).orderBy(asc(webhooks.createdAt));
      return rows.map(webhookOf);
    },

    async recordNotified(name, upTo, deliveries) {
      await db.transaction(async (tx) => {
        for (let i = 0; i < deliveries.length; i += INSERT_CHUNK) {
          await tx
            .insert(webhookDeliveries)
            .values(
              deliveries.slice(i, i + INSERT_CHUNK).map((d) => ({
                webhookId: d.webhookId,
                eventId: d.notification.id,
                payload: d.notification as unknown as Record<string, unknown>,
                status: "PENDING",
              })),
            )
            .onConflictDoNothing({ target: [webhookDeliveries.webhookId, webhookDeliveries.eventId] });
        }
        await tx
          .insert(notifierState)
          .values({ name, ...upTo })
          .onConflictDoUpdate({
            target: notifierState.name,
            set: { blockNumber: upTo.blockNumber, logIndex: upTo.logIndex },
            // Another instance may have moved it further meanwhile: never move it back.
            setWhere: sql`(${notifierState.blockNumber}, ${notifierState.logIndex}) < (${upTo.blockNumber}, ${upTo.logIndex})`,
          });
      });
    },

    async addWebhook(webhook, maxPerOwner) {
      return db.transaction(async (tx) => {
        // Two registrations at once by one owner must not both pass the count.
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`webhooks:${webhook.owner.subject}`}))`);
        const [{ count }] = await tx
          .select({ count: sql<number>`count(*)::int` })
          .from(webhooks)
          .where(and(eq(webhooks.owner, webhook.owner.subject), isNull(webhooks.removedAt)));
        if (count >= maxPerOwner) return false;
        await tx.insert(webhooks).values({
          id: webhook.id,
          owner: webhook.owner.subject,
          role: webhook.owner.role,
          authorityId: webhook.owner.authorityId ?? null,
          country: webhook.owner.country ?? null,
          url: webhook.url,
          secret: webhook.secret,
          createdAt: webhook.createdAt,
        });
        return true;
      });
    },

    async webhooks(owner) {
      const rows = await db
        .select()
        .from(webhooks)
        .where(and(eq(webhooks.owner, owner), isNull(webhooks.removedAt)))
        .orderBy(asc(webhooks.createdAt), asc(webhooks.id));
      return rows.map(webhookOf);
    },

    async webhook(id) {
      const [row] = await db
        .select()
        .from(webhooks)
        .where(and(eq(webhooks.id, id), isNull(webhooks.removedAt)));
      return row && webhookOf(row);
    },

    async removeWebhook(id, at) {
      await db.transaction(async (tx) => {
        await tx.update(webhooks).set({ removedAt: at }).where(eq(webhooks.id, id));
        await tx
          .update(webhookDeliveries)
          .set({ status: "FAILED", lastError: "The webhook was removed before this delivery succeeded." })
          .where(and(eq(webhookDeliveries.webhookId, id), eq(webhookDeliveries.status, "PENDING")));
      });
    },

    async deliveries(owner, options) {
      const rows = await db
        .select({ delivery: webhookDeliveries })
        .from(webhookDeliveries)
        .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
        .where(
          and(
            eq(webhooks.owner, owner),
            options.webhookId !== undefined ? eq(webhookDeliveries.webhookId, options.webhookId) : undefined,
          ),
        )
        .orderBy(desc(webhookDeliveries.id))
        .limit(options.limit);
      return rows.map((r) => deliveryOf(r.delivery));
    },

    async claimDueDeliveries(now, leaseUntil, limit) {
      const due = db
        .select({ id: webhookDeliveries.id })
        .from(webhookDeliveries)
        .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
        .where(
          and(
            eq(webhookDeliveries.status, "PENDING"),
            lte(webhookDeliveries.nextAttemptAt, now),
            isNull(webhooks.removedAt),
          ),
        )
        .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.id))
        .limit(limit)
        // Several deliverers (gateway instances) take disjoint sets.
        .for("update", { of: webhookDeliveries, skipLocked: true });
      const claimed = await db
        .update(webhookDeliveries)
        .set({ nextAttemptAt: leaseUntil })
        .where(inArray(webhookDeliveries.id, due))
        .returning({ id: webhookDeliveries.id });
      if (claimed.length === 0) return [];
      const rows = await db
        .select({ delivery: webhookDeliveries, url: webhooks.url, secret: webhooks.secret })
        .from(webhookDeliveries)
        .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
        .where(
          inArray(
            webhookDeliveries.id,
            claimed.map((c) => c.id),
          ),
        )
        .orderBy(asc(webhookDeliveries.id));
      return rows.map((r): DueDelivery => ({ ...deliveryOf(r.delivery), url: r.url, secret: r.secret }));
    },

    async updateDelivery(id, patch) {
      await db
        .update(webhookDeliveries)
        .set({
          ...(patch.status !== undefined && { status: patch.status }),
          ...(patch.attempts !== undefined && { attempts: patch.attempts }),
          ...(patch.nextAttemptAt !== undefined && { nextAttemptAt: patch.nextAttemptAt }),
          ...(patch.lastError !== undefined && { lastError: patch.lastError }),
          ...(patch.deliveredAt !== undefined && { deliveredAt: patch.deliveredAt }),
        })
        .where(eq(webhookDeliveries.id, id));
    },

    async watch(certificateId, owner) {
      await db.insert(watches).values({ certificateId, owner }).onConflictDoNothing();
    },
  };
}
