import { UnavailableError } from "../../domain/errors.js";
import type { WebhookTransport } from "../../application/ports/webhook-transport.js";
import { webhookSignature } from "./webhook-signature.js";

/**
 * Webhook deliveries over HTTP with the global fetch. Redirects are not followed (a 3xx is a
 * failed attempt): the registered URL is the only place a delivery goes.
 */
export function createFetchWebhookTransport(options: { timeoutMs?: number } = {}): WebhookTransport {
  const timeoutMs = options.timeoutMs ?? 5_000;
  return {
    async post(request) {
      let response: Response;
      try {
        response = await fetch(request.url, {
          method: "POST",
          redirect: "manual",
          signal: AbortSignal.timeout(timeoutMs),
          headers: {
            "content-type": "application/json",
            "user-agent": "tradeseal-webhooks",
            "tradeseal-event-id": request.eventId,
            "tradeseal-signature": webhookSignature(request.secret, request.timestamp, request.body),
          },
          body: request.body,
        });
      } catch (error) {
        const reason = error instanceof Error ? (causeOf(error) ?? error.message) : String(error);
        throw new UnavailableError(
          `No answer from ${request.url} (${reason}); the delivery is retried later, check that the endpoint is up.`,
          { url: request.url },
          { cause: error },
        );
      }
      // The answer's body is not used: release the connection.
      await response.body?.cancel().catch(() => undefined);
      return { status: response.status };
    },
  };
}

/** fetch reports "fetch failed"; the reason (ECONNREFUSED, timeout) is in its cause. */
function causeOf(error: Error): string | undefined {
  if (error.name === "TimeoutError") return "timed out";
  const cause = error.cause;
  if (cause instanceof Error) return "code" in cause && typeof cause.code === "string" ? cause.code : cause.message;
  return undefined;
}
