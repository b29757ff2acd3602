import type { Caller } from "../domain/caller.js";
import { ConflictError, ValidationError } from "../domain/errors.js";
import type { GatewayContext } from "./gateway-context.js";

/** Webhooks one token subject may have at once. */
export const MAX_WEBHOOKS_PER_OWNER = 20;

export interface RegisteredWebhook {
  id: string;
  url: string;
  /** The HMAC-SHA256 key of the deliveries' `Tradeseal-Signature`: shown this once only. */
  secret: string;
}

const base64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString("base64url");

/**
 * Registers an endpoint to receive, signed, the notifications the caller may receive (see
 * domain/notification-audience.ts), judged by the caller's claims as they are now.
 */
export async function registerWebhook(
  ctx: Pick<GatewayContext, "notifications" | "randomBytes" | "clock">,
  input: { caller: Caller; url: string },
): Promise<RegisteredWebhook> {
  const url = checkWebhookUrl(input.url);
  const webhook = {
    id: `wh_${base64url(ctx.randomBytes(16))}`,
    owner: input.caller,
    url,
    secret: base64url(ctx.randomBytes(32)),
    createdAt: ctx.clock.now(),
  };
  if (!(await ctx.notifications.addWebhook(webhook, MAX_WEBHOOKS_PER_OWNER))) {
    throw new ConflictError(
      `You have ${MAX_WEBHOOKS_PER_OWNER} webhooks already, the most one may have; remove one you no longer use first.`,
      { limit: MAX_WEBHOOKS_PER_OWNER },
    );
  }
  return { id: webhook.id, url, secret: webhook.secret };
}

function checkWebhookUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ValidationError(
      `"${text}" is not an absolute URL; give one such as https://example.org/tradeseal-events.`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ValidationError(`A webhook URL must start with https:// (or http://), not "${url.protocol}".`);
  }
  if (url.username || url.password) {
    throw new ValidationError(
      "Put no credentials in a webhook URL: deliveries are signed with the secret you get back, check that instead.",
    );
  }
  if (url.href.length > 2_048) throw new ValidationError("A webhook URL may be at most 2 048 characters long.");
  return url.href;
}
