import type { GatewayContext } from "./gateway-context.js";
import { submitChainAction, type ActionOutcome } from "./submit-chain-action.js";

/** The accreditor adds a signing key to an authority, valid in [validFrom, validUntil) (unix seconds; validFrom 0 = now). */
export function addSigningKey(
  ctx: GatewayContext,
  input: {
    accreditor: string;
    authorityId: number;
    key: string;
    validFrom?: number;
    validUntil: number;
    wait?: boolean;
  },
): Promise<ActionOutcome> {
  return submitChainAction(ctx, {
    idempotencyKey: `add-key:${input.authorityId}:${input.key.toLowerCase()}`,
    action: {
      action: "AddSigningKey",
      authorityId: input.authorityId,
      key: input.key,
      validFrom: input.validFrom ?? 0,
      validUntil: input.validUntil,
    },
    signer: input.accreditor,
    wait: input.wait,
  });
}
