import type { GatewayContext } from "./gateway-context.js";
import { requestKey } from "./request-key.js";
import { checkCertificateId, reasonOf } from "./reason.js";
import { submitChainAction, type ActionOutcome } from "./submit-chain-action.js";

/** The issuer suspends a certificate: not to be relied on until reinstated. */
export function suspendCertificate(
  ctx: GatewayContext,
  input: { signer: string; id: string; reasonCode: number; requestId?: string; wait?: boolean },
): Promise<ActionOutcome> {
  const id = checkCertificateId(input.id);
  return submitChainAction(ctx, {
    idempotencyKey: requestKey(ctx, `suspend-certificate:${id}`, input.requestId),
    action: { action: "SuspendCertificate", id, reasonCode: reasonOf(input.reasonCode).reasonCode },
    signer: input.signer,
    wait: input.wait,
  });
}
