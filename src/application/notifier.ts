import type { Caller } from "../domain/caller.js";
import { notificationFor } from "../domain/notification-audience.js";
import { notificationOf, type Notification, type NotificationScope } from "../domain/notification.js";
import { SerialPasses } from "./serial-passes.js";
import type { Clock } from "./ports/clock.js";
import type { EventPosition, EventToNotify, NotificationStore } from "./ports/notification-store.js";

export interface NotifierOptions {
  store: NotificationStore;
  clock: Clock;
  /** The cursor's name in the database: gateway instances sharing a database share it. Default "notifier". */
  name?: string;
  /**
   * Where a database without a cursor starts: "latest" (default) notifies the events indexed from
   * then on; "beginning" every event the index holds.
   */
  startAt?: "latest" | "beginning";
  /** Events read per pass; a pass reads whole blocks, so it may read more. Default 500. */
  pageSize?: number;
}

/** Receives, in chain order, the notifications its caller may receive. */
export type NotificationListener = (notification: Notification) => void;

interface Made {
  notification: Notification;
  scope: NotificationScope;
}

/**
 * Turns the indexed events that change a certificate or batch into notifications: queues a
 * delivery for every webhook whose owner may receive each, and hands them to this process's live
 * listeners. It follows the index (never the chain), from a cursor kept in the database; queuing
 * and moving the cursor are one transaction, so a crash neither loses nor repeats a delivery.
 *
 * Several gateway instances may run one each over a shared database: each follows the events
 * for its own listeners, and a webhook still gets each event once (deliveries are unique per
 * webhook and event; the shared cursor only moves forward). Within a process, passes never overlap.
 */
export class Notifier {
  private readonly store: NotificationStore;
  private readonly name: string;
  private readonly startAt: "latest" | "beginning";
  private readonly pageSize: number;
  private readonly listeners = new Set<{ caller: Caller; listener: NotificationListener }>();
  private readonly passes: SerialPasses;
  /** The last event this instance has notified (its listeners' position; the database's may be ahead). */
  private position?: EventPosition;

  constructor(options: NotifierOptions) {
    this.store = options.store;
    this.name = options.name ?? "notifier";
    this.startAt = options.startAt ?? "latest";
    this.pageSize = options.pageSize ?? 500;
    this.passes = new SerialPasses(options.clock, () => this.pass());
  }

  /**
   * Hands `listener` every later notification `caller` may receive (in full, or its status only
   * for a certificate the caller watches). Returns the function that ends the subscription.
   */
  subscribe(caller: Caller, listener: NotificationListener): () => void {
    const subscription = { caller, listener };
    this.listeners.add(subscription);
    return () => this.listeners.delete(subscription);
  }

  /**
   * What `caller` may receive of the events after `after`, up to the last this instance has
   * handed its listeners: what a client that lost its stream missed (server-sent events'
   * Last-Event-ID). At most `limit`; `complete` is false when more were left.
   */
  async missedSince(
    caller: Caller,
    after: EventPosition,
    limit: number,
  ): Promise<{ notifications: Notification[]; complete: boolean }> {
    const upTo = this.position;
    const notifications: Notification[] = [];
    let from = after;
    while (upTo && isBefore(from, upTo)) {
      const page = await this.store.eventsAfter(from, this.pageSize);
      if (page.length === 0) break;
      for (const { notification, scope } of notificationsOf(page)) {
        if (isBefore(upTo, positionOf(notification.id))) return { notifications, complete: true };
        const visible = notificationFor(caller, notification, scope);
        if (!visible) continue;
        if (notifications.length === limit) return { notifications, complete: false };
        notifications.push(visible);
      }
      const last = page[page.length - 1].event;
      from = { blockNumber: last.blockNumber, logIndex: last.logIndex };
    }
    return { notifications, complete: true };
  }

  /** One pass over the events indexed since the last; resolves to how many events it read. */
  runOnce(): Promise<number> {
    return this.passes.runOnce();
  }

  /** Runs passes until `stop()`: at once while events keep coming, else every `idleMs`. */
  start(idleMs = 500): void {
    this.passes.start(idleMs);
  }

  async stop(): Promise<void> {
    await this.passes.stop();
  }

  private async pass(): Promise<number> {
    this.position ??= await this.startingPoint();
    if (!this.position) return 0;
    const page = await this.store.eventsAfter(this.position, this.pageSize);
    if (page.length === 0) return 0;
    const made = notificationsOf(page);
    const webhooks = made.length > 0 ? await this.store.activeWebhooks() : [];
    const deliveries = made.flatMap(({ notification, scope }) =>
      webhooks.flatMap((webhook) => {
        const payload = notificationFor(webhook.owner, notification, scope);
        return payload ? [{ webhookId: webhook.id, notification: payload }] : [];
      }),
    );
    const { blockNumber, logIndex } = page[page.length - 1].event;
    await this.store.recordNotified(this.name, { blockNumber, logIndex }, deliveries);
    this.position = { blockNumber, logIndex };
    for (const item of made) this.emit(item);
    return page.length;
  }

  /**
   * The stored cursor, or a new one: where the index stands now (or the beginning). Undefined while
   * the index has indexed nothing: starting then would notify the whole history as it catches up.
   */
  private async startingPoint(): Promise<EventPosition | undefined> {
    const stored = await this.store.cursor(this.name);
    if (stored) return stored;
    const start = this.startAt === "beginning" ? { blockNumber: 0, logIndex: -1 } : await this.store.lastIndexedEvent();
    return start && this.store.startCursor(this.name, start);
  }

  private emit({ notification, scope }: Made): void {
    for (const { caller, listener } of this.listeners) {
      const visible = notificationFor(caller, notification, scope);
      if (!visible) continue;
      try {
        listener(visible);
      } catch {
        // One listener failing (a stream closed under it) must not keep the others from theirs.
      }
    }
  }
}

/** The position a notification's id (`<block>-<logIndex>`) names. */
export function positionOf(id: string): EventPosition {
  const [blockNumber, logIndex] = id.split("-").map(Number);
  return { blockNumber, logIndex };
}

/** Whether `a` comes before `b` in chain order. */
export function isBefore(a: EventPosition, b: EventPosition): boolean {
  return a.blockNumber < b.blockNumber || (a.blockNumber === b.blockNumber && a.logIndex < b.logIndex);
}

function notificationsOf(page: readonly EventToNotify[]): Made[] {
  const made: Made[] = [];
  page.forEach(({ event, scope, statusBefore }, i) => {
    if (!scope) return;
    const notification = notificationOf(event, { scope, next: page[i + 1]?.event, statusBefore });
    if (notification) made.push({ notification, scope });
  });
  return made;
}
