import type { GatewayContext } from "./gateway-context.js";
import { submitChainAction, type ActionOutcome } from "./submit-chain-action.js";

/** The accreditor ends a key now (e.g. compromised); certificates it signed before stay valid. */
export function revokeSigningKey(
  ctx: GatewayContext,
  input: { accreditor: string; authorityId: number; key: string; wait?: boolean },
): Promise<ActionOutcome> {
  return submitChainAction(ctx, {
    idempotencyKey: `revoke-key:${input.authorityId}:${input.key.toLowerCase()}`,
    action: { action: "RevokeSigningKey", authorityId: input.authorityId, key: input.key },
    signer: input.accreditor,
    wait: input.wait,
  });
}
