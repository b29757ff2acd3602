import type { Caller } from "../domain/caller.js";
import type { GatewayContext } from "./gateway-context.js";
import { ownedWebhook } from "./owned-webhook.js";

/** Removes one of the caller's webhooks: nothing more is sent to it, its pending deliveries fail. */
export async function removeWebhook(
  ctx: Pick<GatewayContext, "notifications" | "clock">,
  input: { caller: Caller; id: string },
): Promise<void> {
  const webhook = await ownedWebhook(ctx, input.caller, input.id);
  await ctx.notifications.removeWebhook(webhook.id, ctx.clock.now());
}
