import type { Caller } from "../domain/caller.js";
import { ValidationError } from "../domain/errors.js";
import type { GatewayContext } from "./gateway-context.js";
import { ownedWebhook } from "./owned-webhook.js";
import type { WebhookDelivery } from "./ports/notification-store.js";

/** The caller's most recent deliveries, newest first, with status, attempts and the last error: of one webhook, or all. */
export async function webhookDeliveries(
  ctx: Pick<GatewayContext, "notifications">,
  input: { caller: Caller; webhookId?: string; limit?: number },
): Promise<WebhookDelivery[]> {
  const limit = input.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
    throw new ValidationError(`Ask for 1 to 500 deliveries at a time, not ${limit}.`);
  }
  if (input.webhookId !== undefined) await ownedWebhook(ctx, input.caller, input.webhookId);
  return ctx.notifications.deliveries(input.caller.subject, {
    ...(input.webhookId !== undefined && { webhookId: input.webhookId }),
    limit,
  });
}
