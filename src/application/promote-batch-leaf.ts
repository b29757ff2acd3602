import { batchMember } from "./batch-member.js";
import type { GatewayContext } from "./gateway-context.js";
import { submitChainAction, type ActionOutcome } from "./submit-chain-action.js";

/**
 * The issuer gives a batch member a record of its own (with its proof), e.g. before the importing
 * side acknowledges it or draws it down.
 */
export function promoteBatchLeaf(
  ctx: GatewayContext,
  input: { signer: string; id: string; wait?: boolean },
): Promise<ActionOutcome> {
  return batchMember(ctx, input.id).then((member) =>
    submitChainAction(ctx, {
      idempotencyKey: `promote-leaf:${member.certificateId}`,
      action: { action: "PromoteBatchLeaf", root: member.batchRoot, terms: member.terms, proof: member.proof },
      signer: input.signer,
      wait: input.wait,
    }),
  );
}
