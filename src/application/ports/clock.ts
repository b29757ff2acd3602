/** Time and waiting, injected so tests and the bench control them. */
export interface Clock {
  now(): Date;
  sleep(ms: number): Promise<void>;
}

/**
 * Named points in a chain write's life ("stored", "sent", "confirmed"): the composition root may
 * observe them, e.g. to count or trace; fault tests stop the process there.
 */
export type Checkpoint = (point: "stored" | "sent" | "confirmed", idempotencyKey: string) => void | Promise<void>;
