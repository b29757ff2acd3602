import { TradesealError } from "../domain/errors.js";
import { definedOnly } from "./defined-only.js";
import { SerialPasses } from "./serial-passes.js";
import type { Clock } from "./ports/clock.js";
import type { DueDelivery, NotificationStore } from "./ports/notification-store.js";
import type { WebhookTransport } from "./ports/webhook-transport.js";

export interface WebhookDelivererOptions {
  store: NotificationStore;
  transport: WebhookTransport;
  clock: Clock;
  /** Attempts before a delivery is given up as FAILED. Default 12. */
  maxAttempts?: number;
  /** Delay after the first failed attempt; it doubles per attempt up to `maxRetryDelayMs`. Default 1 s, up to 1 h. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  /** Deliveries sent at once per pass. Default 20. */
  batchSize?: number;
  /**
   * How long a claimed delivery is held before another deliverer may take it: longer than a
   * request can last. Default 60 s.
   */
  leaseMs?: number;
}

/**
 * POSTs queued webhook deliveries, signed (see ports/webhook-transport.ts). Any 2xx answer
 * delivers; anything else, or no answer, is retried with exponential backoff and jitter until the
 * last attempt fails. Deliveries are rows, so they survive restarts; each pass claims the due
 * ones first, so several gateway instances never send one delivery at once. A delivery may still
 * arrive twice (a crash between sending and recording): receivers drop repeats by event id.
 */
export class WebhookDeliverer {
  private readonly options: Required<WebhookDelivererOptions>;
  private readonly passes: SerialPasses;

  constructor(options: WebhookDelivererOptions) {
    this.options = {
      maxAttempts: 12,
      retryDelayMs: 1_000,
      maxRetryDelayMs: 3_600_000,
      batchSize: 20,
      leaseMs: 60_000,
      // a setting given as undefined keeps its default
      ...definedOnly(options),
    };
    this.passes = new SerialPasses(options.clock, () => this.pass());
  }

  /** One pass over the due deliveries; resolves to how many it attempted. Never overlaps another pass. */
  runOnce(): Promise<number> {
    return this.passes.runOnce();
  }

  /** Runs passes until `stop()`: at once while deliveries are due, else every `idleMs`. */
  start(idleMs = 500): void {
    this.passes.start(idleMs);
  }

  async stop(): Promise<void> {
    await this.passes.stop();
  }

  private async pass(): Promise<number> {
    const { store, clock, leaseMs, batchSize } = this.options;
    const now = clock.now();
    const due = await store.claimDueDeliveries(now, new Date(now.getTime() + leaseMs), batchSize);
    await Promise.all(due.map((delivery) => this.attempt(delivery)));
    return due.length;
  }

  private async attempt(delivery: DueDelivery): Promise<void> {
    const { store, clock, maxAttempts } = this.options;
    const attempts = delivery.attempts + 1;
    const failure = await this.send(delivery);
    if (failure === undefined) {
      await store.updateDelivery(delivery.id, { status: "DELIVERED", attempts, deliveredAt: clock.now() });
      return;
    }
    const last = attempts >= maxAttempts;
    await store.updateDelivery(delivery.id, {
      attempts,
      lastError: last ? `${failure} Gave up after ${attempts} attempts.` : failure,
      ...(last ? { status: "FAILED" as const } : { nextAttemptAt: this.later(attempts) }),
    });
  }

  /** Sends the delivery once; resolves to why it failed, or undefined when the endpoint took it. */
  private async send(delivery: DueDelivery): Promise<string | undefined> {
    const { transport, clock } = this.options;
    try {
      const { status } = await transport.post({
        url: delivery.url,
        eventId: delivery.eventId,
        body: JSON.stringify(delivery.payload),
        secret: delivery.secret,
        timestamp: Math.floor(clock.now().getTime() / 1000),
      });
      if (status >= 200 && status < 300) return undefined;
      return `The endpoint answered HTTP ${status}; it must answer 2xx once it has the event.`;
    } catch (error) {
      return error instanceof TradesealError
        ? error.message
        : `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  /** Exponential backoff with jitter, so deliveries failing together do not retry in step. */
  private later(attempts: number): Date {
    const { retryDelayMs, maxRetryDelayMs, clock } = this.options;
    const delay = Math.min(maxRetryDelayMs, retryDelayMs * 2 ** (attempts - 1));
    return new Date(clock.now().getTime() + delay / 2 + Math.random() * (delay / 2));
  }
}
