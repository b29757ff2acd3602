import type { GatewayContext } from "./gateway-context.js";
import { submitChainAction, type ActionOutcome } from "./submit-chain-action.js";

/** The accreditor replaces an authority's key: the old one ends now, the new one starts now. */
export function rotateSigningKey(
  ctx: GatewayContext,
  input: {
    accreditor: string;
    authorityId: number;
    oldKey: string;
    newKey: string;
    newKeyValidUntil: number;
    wait?: boolean;
  },
): Promise<ActionOutcome> {
  return submitChainAction(ctx, {
    idempotencyKey: `rotate-key:${input.authorityId}:${input.oldKey.toLowerCase()}:${input.newKey.toLowerCase()}`,
    action: {
      action: "RotateSigningKey",
      authorityId: input.authorityId,
      oldKey: input.oldKey,
      newKey: input.newKey,
      newKeyValidUntil: input.newKeyValidUntil,
    },
    signer: input.accreditor,
    wait: input.wait,
  });
}
