import { batchMember } from "./batch-member.js";
import type { GatewayContext } from "./gateway-context.js";
import { reasonOf } from "./reason.js";
import { submitChainAction, type ActionOutcome } from "./submit-chain-action.js";

/** The issuer (or its accreditor) revokes one member of a batch; the others stay in force. */
export async function revokeBatchLeaf(
  ctx: GatewayContext,
  input: { signer: string; id: string; reasonCode: number; reasonText?: string; wait?: boolean },
): Promise<ActionOutcome> {
  const member = await batchMember(ctx, input.id);
  const reason = reasonOf(input.reasonCode, input.reasonText);
  return submitChainAction(ctx, {
    idempotencyKey: `revoke-leaf:${member.certificateId}:${input.signer.toLowerCase()}:${reason.reasonCode}:${reason.reasonHash}`,
    action: { action: "RevokeBatchLeaf", root: member.batchRoot, terms: member.terms, proof: member.proof, ...reason },
    signer: input.signer,
    wait: input.wait,
  });
}
