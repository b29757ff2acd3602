import type { Caller } from "../../domain/caller.js";
import type { Notification, NotificationScope, RecordedEvent, StatusName } from "../../domain/notification.js";

/** A place in the chain's event order. */
export interface EventPosition {
  blockNumber: number;
  logIndex: number;
}

/** An indexed event with what addressing its notification needs. */
export interface EventToNotify {
  event: RecordedEvent;
  /** Who the certificate or batch concerns; absent for events of neither (authorities, keys). */
  scope?: NotificationScope;
  /** The certificate's status before the event, for events that keep it (drawdowns). */
  statusBefore?: StatusName;
}

/** An endpoint that receives signed notifications, with the claims of the caller that registered it. */
export interface Webhook {
  id: string;
  owner: Caller;
  url: string;
  /** The HMAC-SHA256 key deliveries are signed with. */
  secret: string;
  createdAt: Date;
}

export type DeliveryStatus = "PENDING" | "DELIVERED" | "FAILED";

/** One notification for one webhook: kept until delivered, or given up after the last attempt. */
export interface WebhookDelivery {
  id: number;
  webhookId: string;
  eventId: string;
  payload: Notification;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError?: string;
  deliveredAt?: Date;
}

/** A delivery claimed for sending, with where to send it and the key to sign it with. */
export interface DueDelivery extends WebhookDelivery {
  url: string;
  secret: string;
}

export type DeliveryPatch = Partial<
  Pick<WebhookDelivery, "status" | "attempts" | "nextAttemptAt" | "lastError" | "deliveredAt">
>;

/** The notifier's and the webhooks' records: cursor, webhooks, deliveries and watches. */
export interface NotificationStore {
  /** Where the named notifier stands, if it has started. */
  cursor(name: string): Promise<EventPosition | undefined>;
  /**
   * Sets the named cursor unless one exists, and returns the cursor as it then stands (another
   * gateway instance may have set it first).
   */
  startCursor(name: string, position: EventPosition): Promise<EventPosition>;
  /** The last event the index holds; `{ blockNumber: 0, logIndex: -1 }` when it holds none; undefined until it has indexed a block. */
  lastIndexedEvent(): Promise<EventPosition | undefined>;
  /**
   * Indexed events after `position`, oldest first, with their scopes: at least `limit` events
   * when there are that many, always whole blocks, so a transaction's events come together.
   */
  eventsAfter(position: EventPosition, limit: number): Promise<EventToNotify[]>;
  /** Every webhook not removed. */
  activeWebhooks(): Promise<Webhook[]>;
  /**
   * Queues the deliveries (a webhook gets each event once, whoever queues it again) and moves the
   * named cursor to `upTo` unless it stands further already, in one transaction.
   */
  recordNotified(
    name: string,
    upTo: EventPosition,
    deliveries: readonly { webhookId: string; notification: Notification }[],
  ): Promise<void>;

  /** Adds the webhook unless its owner has `maxPerOwner` webhooks already; false then. */
  addWebhook(webhook: Webhook, maxPerOwner: number): Promise<boolean>;
  /** The owner's webhooks not removed, oldest first. */
  webhooks(owner: string): Promise<Webhook[]>;
  /** A webhook not removed. */
  webhook(id: string): Promise<Webhook | undefined>;
  /** Removes the webhook; its deliveries still pending fail. */
  removeWebhook(id: string, at: Date): Promise<void>;

  /** The owner's deliveries, newest first, optionally of one webhook. */
  deliveries(owner: string, options: { webhookId?: string; limit: number }): Promise<WebhookDelivery[]>;
  /**
   * Claims up to `limit` PENDING deliveries due at `now` (of webhooks not removed) by moving their
   * next attempt to `leaseUntil`: another deliverer does not take them meanwhile, and after a
   * crash they are due again then.
   */
  claimDueDeliveries(now: Date, leaseUntil: Date, limit: number): Promise<DueDelivery[]>;
  updateDelivery(id: number, patch: DeliveryPatch): Promise<void>;

  /** Records that `owner` wants to hear of the certificate's withdrawal; recording it twice is once. */
  watch(certificateId: string, owner: string): Promise<void>;
}
