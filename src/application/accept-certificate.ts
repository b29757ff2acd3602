import type { GatewayContext } from "./gateway-context.js";
import { checkCertificateId } from "./reason.js";
import { submitChainAction, type ActionOutcome } from "./submit-chain-action.js";

/** The importing country's customs (CoO) or NPPO (ePhyto) accepts the certificate. */
export function acceptCertificate(
  ctx: GatewayContext,
  input: { signer: string; id: string; wait?: boolean },
): Promise<ActionOutcome> {
  const id = checkCertificateId(input.id);
  return submitChainAction(ctx, {
    // A retry by the same key is the same request; any other acknowledgement goes to the registry,
    // which refuses it with the reason (wrong party, or the status it is already in).
    idempotencyKey: `accept-certificate:${id}:${input.signer.toLowerCase()}`,
    action: { action: "AcceptCertificate", id },
    signer: input.signer,
    wait: input.wait,
  });
}
