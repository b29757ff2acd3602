import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { UnavailableError } from "../../domain/errors.js";
import type { WebhookTransport } from "../../application/ports/webhook-transport.js";
import { publicAddressGuard } from "./public-address-guard.js";
import { webhookSignature } from "./webhook-signature.js";

export interface HttpWebhookTransportOptions {
  timeoutMs?: number;
  /**
   * Deliver to loopback, private and link-local addresses too. Off by default: a webhook URL is
   * given by a caller, and must not reach the gateway's own network (metadata services, admin ports).
   */
  allowPrivateAddresses?: boolean;
}

/**
 * Webhook deliveries over HTTP(S). Redirects are not followed (a 3xx is a failed attempt): the
 * registered URL is the only place a delivery goes. The address a host name resolves to is
 * checked when the connection is made, so a name that later resolves elsewhere cannot slip by.
 */
export function createHttpWebhookTransport(options: HttpWebhookTransportOptions = {}): WebhookTransport {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const guard = publicAddressGuard(options.allowPrivateAddresses ?? false);
  return {
    async post(delivery) {
      const url = new URL(delivery.url);
      const refused = guard.refusedLiteral(url.hostname);
      if (refused) throw unreachable(delivery.url, refused);
      const send = url.protocol === "https:" ? httpsRequest : httpRequest;
      const response = await new Promise<IncomingMessage>((resolve, reject) => {
        const outgoing = send(url, {
          method: "POST",
          lookup: guard.lookup,
          timeout: timeoutMs,
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(delivery.body),
            "user-agent": "tradeseal-webhooks",
            "tradeseal-event-id": delivery.eventId,
            "tradeseal-signature": webhookSignature(delivery.secret, delivery.timestamp, delivery.body),
          },
        });
        outgoing.once("response", resolve);
        outgoing.once("timeout", () => outgoing.destroy(new Error("timed out")));
        outgoing.once("error", (error: NodeJS.ErrnoException) => reject(unreachable(delivery.url, reasonOf(error))));
        outgoing.end(delivery.body);
      });
      // The answer's body is not used: release the connection.
      response.resume();
      return { status: response.statusCode ?? 0 };
    },
  };
}

function reasonOf(error: NodeJS.ErrnoException): string {
  return error.code === "EPRIVATEADDRESS" ? error.message : (error.code ?? error.message);
}

function unreachable(url: string, reason: string): UnavailableError {
  return new UnavailableError(
    `No answer from ${url} (${reason}); the delivery is retried later, check that the endpoint is up and public.`,
    { url },
  );
}
