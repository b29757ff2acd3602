import type { GatewayContext } from "./gateway-context.js";
import { checkCertificateId, reasonOf } from "./reason.js";
import { submitChainAction, type ActionOutcome } from "./submit-chain-action.js";

/** The issuer (or its accreditor) withdraws a certificate for good. */
export function revokeCertificate(
  ctx: GatewayContext,
  input: { signer: string; id: string; reasonCode: number; reasonText?: string; wait?: boolean },
): Promise<ActionOutcome> {
  const id = checkCertificateId(input.id);
  const reason = reasonOf(input.reasonCode, input.reasonText);
  return submitChainAction(ctx, {
    // Keyed by the whole request: a retry is the same one; another revocation (other reason, or
    // the accreditor) goes to the registry, which names the status it is already in.
    idempotencyKey: `revoke-certificate:${id}:${input.signer.toLowerCase()}:${reason.reasonCode}:${reason.reasonHash}`,
    action: { action: "RevokeCertificate", id, ...reason },
    signer: input.signer,
    wait: input.wait,
  });
}
