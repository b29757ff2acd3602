/** What the store says about a request sent with an `Idempotency-Key`. */
export type IdempotencyClaim =
  | { state: "new" }
  | { state: "replay"; status: number; body: unknown }
  | { state: "in-flight" }
  | { state: "mismatch" };

/** Remembers the first answer to each (caller, Idempotency-Key), so retries get it again. */
export interface IdempotencyStore {
  /** Claims the key for this request (by its hash), or says what is already known of it. */
  claim(key: string, requestHash: string): Promise<IdempotencyClaim>;
  /** Keeps the answer a claimed request got. */
  complete(key: string, status: number, body: unknown): Promise<void>;
  /** Frees a claim whose request failed before anything changed, so it can be retried. */
  release(key: string): Promise<void>;
}
