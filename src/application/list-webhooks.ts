import type { Caller } from "../domain/caller.js";
import type { GatewayContext } from "./gateway-context.js";

export interface WebhookSummary {
  id: string;
  url: string;
  createdAt: Date;
}

/** The caller's webhooks, oldest first; their secrets are never shown again. */
export async function listWebhooks(
  ctx: Pick<GatewayContext, "notifications">,
  input: { caller: Caller },
): Promise<WebhookSummary[]> {
  const webhooks = await ctx.notifications.webhooks(input.caller.subject);
  return webhooks.map(({ id, url, createdAt }) => ({ id, url, createdAt }));
}
