import { ForbiddenError } from "../domain/errors.js";
import type { GatewayContext } from "./gateway-context.js";

/**
 * The signing key the gateway uses for an authority: the newest of its keys that is valid now
 * (per the index) and that this gateway's key ring holds. "Now" is the chain's, which judges the
 * key: the head block's time (block times can run ahead of the wall clock), or the wall clock
 * when the node cannot be reached (the action then waits in the outbox anyway).
 */
export async function authoritySigner(
  ctx: Pick<GatewayContext, "queries" | "keys" | "clock" | "chain">,
  authorityId: number,
): Promise<string> {
  const wall = Math.floor(ctx.clock.now().getTime() / 1000);
  const now = Math.max(
    wall,
    await ctx.chain.block("latest").then(
      (head) => head.timestamp,
      () => wall,
    ),
  );
  const held = new Set((await ctx.keys.addresses()).map((a) => a.toLowerCase()));
  const keys = await ctx.queries.signingKeys(authorityId);
  const usable = keys.find(
    (k) => k.endedBlock === undefined && k.validFrom <= now && now <= k.validUntil && held.has(k.address.toLowerCase()),
  );
  if (!usable) {
    throw new ForbiddenError(
      `This gateway holds no valid signing key of authority ${authorityId}: ask your accreditor to add or ` +
        "rotate a key into this gateway's key ring, then try again.",
      { authorityId },
    );
  }
  return usable.address;
}
