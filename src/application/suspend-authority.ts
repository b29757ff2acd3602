import type { GatewayContext } from "./gateway-context.js";
import { requestKey } from "./request-key.js";
import { submitChainAction, type ActionOutcome } from "./submit-chain-action.js";

/** The accreditor suspends an authority: its keys can no longer act until it is reinstated. */
export function suspendAuthority(
  ctx: GatewayContext,
  input: { accreditor: string; authorityId: number; reasonCode: number; requestId?: string; wait?: boolean },
): Promise<ActionOutcome> {
  return submitChainAction(ctx, {
    idempotencyKey: requestKey(ctx, `suspend-authority:${input.authorityId}`, input.requestId),
    action: { action: "SuspendAuthority", authorityId: input.authorityId, reasonCode: input.reasonCode },
    signer: input.accreditor,
    wait: input.wait,
  });
}
