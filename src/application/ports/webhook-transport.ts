/** One signed POST of a notification to a webhook. */
export interface WebhookRequest {
  url: string;
  /** The notification's id, sent as `Tradeseal-Event-Id`: receivers drop repeats by it. */
  eventId: string;
  /** The JSON body, exactly as signed. */
  body: string;
  /** The webhook's HMAC key. */
  secret: string;
  /** Unix seconds, signed with the body: receivers refuse old deliveries (replays). */
  timestamp: number;
}

/**
 * Sends webhook deliveries. Signature scheme (header `Tradeseal-Signature`):
 * `t=<timestamp>,v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`, the secret taken as the
 * UTF-8 text shown at registration. A receiver recomputes it over the raw body, compares in
 * constant time, and refuses a timestamp far from its clock.
 */
export interface WebhookTransport {
  /**
   * POSTs the body with its signature; resolves to the response's HTTP status, or rejects with an
   * UnavailableError when no answer came (refused, unreachable, timed out).
   */
  post(request: WebhookRequest): Promise<{ status: number }>;
}
