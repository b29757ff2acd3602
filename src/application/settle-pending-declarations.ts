import { refusalError } from "./chain-refusal.js";
import type { GatewayContext } from "./gateway-context.js";
import { writeRefusalReason } from "./refusal-reason.js";

/** Declarations looked at per call: a backlog is worked off over several. */
const BATCH = 500;

/**
 * Brings PENDING drawdowns (sent without waiting) up to date with their chain actions: RECORDED
 * once confirmed, REFUSED with the registry's reason once refused; still PENDING while the chain
 * has not answered. Run before the declaration log is read (the auditor's reports), so that an
 * over-draw sent without waiting is reported like any other. Resolves to how many it settled.
 */
export async function settlePendingDeclarations(ctx: Pick<GatewayContext, "declarations" | "outbox">): Promise<number> {
  let settled = 0;
  for (const declaration of await ctx.declarations.pending(BATCH)) {
    const entry = declaration.outboxKey ? await ctx.outbox.byKey(declaration.outboxKey) : undefined;
    if (entry?.status === "CONFIRMED") {
      await ctx.declarations.settle(declaration.id, "RECORDED");
      settled++;
    } else if (entry?.status === "FAILED") {
      await ctx.declarations.settle(declaration.id, "REFUSED", writeRefusalReason(refusalError(entry)));
      settled++;
    }
  }
  return settled;
}
