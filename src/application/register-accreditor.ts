import { countryCode } from "../domain/certificate-terms.js";
import type { GatewayContext } from "./gateway-context.js";
import { submitChainAction, type ActionOutcome } from "./submit-chain-action.js";

/** Governance appoints the accreditor of a country (replacing any previous one). */
export function registerAccreditor(
  ctx: GatewayContext,
  input: { governance: string; country: string; accreditor: string; wait?: boolean },
): Promise<ActionOutcome> {
  return submitChainAction(ctx, {
    idempotencyKey: `appoint-accreditor:${input.country}:${input.accreditor.toLowerCase()}`,
    action: { action: "AppointAccreditor", country: countryCode(input.country), accreditor: input.accreditor },
    signer: input.governance,
    wait: input.wait,
  });
}
