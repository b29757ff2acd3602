import { ValidationError } from "../domain/errors.js";
import type { GatewayContext } from "./gateway-context.js";
import { reasonOf } from "./reason.js";
import { submitChainAction, type ActionOutcome } from "./submit-chain-action.js";

/** The issuer (or its accreditor) withdraws a whole batch; members with a record of their own keep it. */
export function revokeBatch(
  ctx: GatewayContext,
  input: { signer: string; root: string; reasonCode: number; reasonText?: string; wait?: boolean },
): Promise<ActionOutcome> {
  if (!/^0x[0-9a-fA-F]{64}$/.test(input.root)) {
    throw new ValidationError(`"${input.root}" is not a batch root; it is 0x followed by 64 hex digits.`);
  }
  const root = input.root.toLowerCase();
  const reason = reasonOf(input.reasonCode, input.reasonText);
  return submitChainAction(ctx, {
    idempotencyKey: `revoke-batch:${root}:${input.signer.toLowerCase()}:${reason.reasonCode}:${reason.reasonHash}`,
    action: { action: "RevokeBatch", root, ...reason },
    signer: input.signer,
    wait: input.wait,
  });
}
