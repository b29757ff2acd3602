import type { GatewayContext } from "../application/gateway-context.js";
import type { TokenVerifier } from "../application/ports/token-verifier.js";
import type { Caller } from "../domain/caller.js";

export interface HttpConfig {
  /** The gateway's public base URL, for links in answers (no trailing slash). */
  publicUrl: string;
  /** Largest body accepted on single-document endpoints, bytes. */
  bodyLimitBytes: number;
  /** Largest body accepted by the batch endpoint, bytes. */
  batchBodyLimitBytes: number;
  /** Requests per client address per window; false turns limiting off (benchmarks). */
  rateLimit: { windowMs: number; limit: number } | false;
  /** Where the portal's built files are served from, if any. */
  portalDirectory?: string;
}

/** One status change as the live stream and webhooks carry it. */
export interface LiveNotification {
  id: string;
  type: string;
  certificateId?: string;
  status: string;
}

/** The notifier's live side: the server-sent events stream listens here. */
export interface LiveEvents {
  /** Hands the listener, in chain order, what the caller may receive. */
  subscribe(caller: Caller, listener: (notification: LiveNotification) => void): () => void;
  /** What the caller may receive of the events after `after` that were already handed out (at most `limit`). */
  missedSince(
    caller: Caller,
    after: { blockNumber: number; logIndex: number },
    limit: number,
  ): Promise<{ notifications: LiveNotification[]; complete: boolean }>;
}

export interface HttpDeps {
  ctx: GatewayContext;
  tokens: TokenVerifier;
  config: HttpConfig;
  events?: LiveEvents;
  /** Where unexpected errors go (default: console.error). */
  log?: (message: string, error: unknown) => void;
}
