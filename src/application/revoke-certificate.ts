import type { GatewayContext } from "./gateway-context.js";
import { checkCertificateId, reasonOf } from "./reason.js";
import { submitChainAction, type ActionOutcome } from "./submit-chain-action.js";

/** The issuer (or its accreditor) withdraws a certificate for good. */
export function revokeCertificate(
  ctx: GatewayContext,
  input: { signer: string; id: string; reasonCode: number; reasonText?: string; wait?: boolean },
): Promise<ActionOutcome> {
  const id = checkCertificateId(input.id);
  return submitChainAction(ctx, {
    idempotencyKey: `revoke-certificate:${id}`,
    action: { action: "RevokeCertificate", id, ...reasonOf(input.reasonCode, input.reasonText) },
    signer: input.signer,
    wait: input.wait,
  });
}
