import type { GatewayContext } from "./gateway-context.js";
import { requestKey } from "./request-key.js";
import { submitChainAction, type ActionOutcome } from "./submit-chain-action.js";

/** The accreditor puts a suspended authority back in force. */
export function reinstateAuthority(
  ctx: GatewayContext,
  input: { accreditor: string; authorityId: number; requestId?: string; wait?: boolean },
): Promise<ActionOutcome> {
  return submitChainAction(ctx, {
    idempotencyKey: requestKey(ctx, `reinstate-authority:${input.authorityId}`, input.requestId),
    action: { action: "ReinstateAuthority", authorityId: input.authorityId },
    signer: input.accreditor,
    wait: input.wait,
  });
}
