import type { GatewayContext } from "./gateway-context.js";
import { checkCertificateId, reasonOf } from "./reason.js";
import { submitChainAction, type ActionOutcome } from "./submit-chain-action.js";

/** The importing country's customs (CoO) or NPPO (ePhyto) rejects the certificate, with a reason. */
export function rejectCertificate(
  ctx: GatewayContext,
  input: { signer: string; id: string; reasonCode: number; reasonText?: string; wait?: boolean },
): Promise<ActionOutcome> {
  const id = checkCertificateId(input.id);
  return submitChainAction(ctx, {
    idempotencyKey: `acknowledge-certificate:${id}`,
    action: { action: "RejectCertificate", id, ...reasonOf(input.reasonCode, input.reasonText) },
    signer: input.signer,
    wait: input.wait,
  });
}
