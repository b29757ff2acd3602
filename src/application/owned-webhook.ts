import type { Caller } from "../domain/caller.js";
import { ForbiddenError, NotFoundError } from "../domain/errors.js";
import type { GatewayContext } from "./gateway-context.js";
import type { Webhook } from "./ports/notification-store.js";

/** The webhook, if it exists and the caller registered it. */
export async function ownedWebhook(
  ctx: Pick<GatewayContext, "notifications">,
  caller: Caller,
  id: string,
): Promise<Webhook> {
  const webhook = await ctx.notifications.webhook(id);
  if (!webhook) throw new NotFoundError(`No webhook "${id}"; list yours to find its id.`, { id });
  if (webhook.owner.subject !== caller.subject) {
    throw new ForbiddenError(
      `Webhook "${id}" is someone else's; only the one who registered it may see or remove it.`,
      {
        id,
      },
    );
  }
  return webhook;
}
