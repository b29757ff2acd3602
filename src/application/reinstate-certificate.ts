import type { GatewayContext } from "./gateway-context.js";
import { requestKey } from "./request-key.js";
import { checkCertificateId } from "./reason.js";
import { submitChainAction, type ActionOutcome } from "./submit-chain-action.js";

/** The issuer puts a suspended certificate back in force. */
export function reinstateCertificate(
  ctx: GatewayContext,
  input: { signer: string; id: string; requestId?: string; wait?: boolean },
): Promise<ActionOutcome> {
  const id = checkCertificateId(input.id);
  return submitChainAction(ctx, {
    idempotencyKey: requestKey(ctx, `reinstate-certificate:${id}`, input.requestId),
    action: { action: "ReinstateCertificate", id },
    signer: input.signer,
    wait: input.wait,
  });
}
