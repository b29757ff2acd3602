import type { GatewayContext } from "./gateway-context.js";
import { checkCertificateId, reasonOf } from "./reason.js";
import { submitChainAction, type ActionOutcome } from "./submit-chain-action.js";

/** The importing country's customs (CoO) or NPPO (ePhyto) rejects the certificate, with a reason. */
export function rejectCertificate(
  ctx: GatewayContext,
  input: { signer: string; id: string; reasonCode: number; reasonText?: string; wait?: boolean },
): Promise<ActionOutcome> {
  const id = checkCertificateId(input.id);
  const reason = reasonOf(input.reasonCode, input.reasonText);
  return submitChainAction(ctx, {
    // Keyed by the whole request: a retry is the same one; anything else is for the registry to refuse.
    idempotencyKey: `reject-certificate:${id}:${input.signer.toLowerCase()}:${reason.reasonCode}:${reason.reasonHash}`,
    action: { action: "RejectCertificate", id, ...reason },
    signer: input.signer,
    wait: input.wait,
  });
}
