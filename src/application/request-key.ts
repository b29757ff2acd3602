import { hexlify } from "ethers";
import type { GatewayContext } from "./gateway-context.js";

/**
 * The idempotency key of an action that may rightly happen more than once (suspend, reinstate,
 * draw down …): the caller's request id when given, so a retried request is not applied twice,
 * otherwise a fresh random one.
 */
export function requestKey(ctx: Pick<GatewayContext, "randomBytes">, prefix: string, requestId?: string): string {
  return `${prefix}:${requestId ?? hexlify(ctx.randomBytes(16))}`;
}
