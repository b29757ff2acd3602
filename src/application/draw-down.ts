import { keccak256, toUtf8Bytes } from "ethers";
import { NotFoundError, ValidationError } from "../domain/errors.js";
import { storeTerms } from "./chain-actions.js";
import type { GatewayContext } from "./gateway-context.js";
import { indexedTerms } from "./indexed-terms.js";
import { checkCertificateId } from "./reason.js";
import { submitChainAction, type ActionOutcome } from "./submit-chain-action.js";

/** Quantities on chain are whole thousandths of the unit (see contracts/types/Certificate.sol). */
const DECIMALS = 3;

/** "12.5" units → 12500 thousandths; more than three decimals is refused rather than rounded. */
export function thousandths(amount: string): bigint {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match || (match[2]?.length ?? 0) > DECIMALS) {
    throw new ValidationError(
      `"${amount}" is not an amount; give a positive decimal number with at most ${DECIMALS} decimals, e.g. "1250.5".`,
    );
  }
  const value = BigInt(match[1] + (match[2] ?? "").padEnd(DECIMALS, "0"));
  if (value === 0n) throw new ValidationError("The amount to draw down must be more than zero.");
  return value;
}

/**
 * Importing customs record the use of `amount` (in the certificate's unit) of a CoO against an
 * import declaration. One drawdown per declaration and certificate: a repeated request is the
 * same drawdown, not a second one.
 */
export async function drawDown(
  ctx: GatewayContext,
  input: { signer: string; id: string; declarationReference: string; amount: string; wait?: boolean },
): Promise<ActionOutcome & { declarationHash: string }> {
  const id = checkCertificateId(input.id);
  const reference = input.declarationReference.trim();
  if (reference === "") throw new ValidationError("Give the import declaration's reference.");
  const certificate = await ctx.index.certificate(id);
  if (!certificate) {
    throw new NotFoundError(`Certificate ${id} is not in the index (yet); check the id, or retry once it is indexed.`);
  }
  const declarationHash = keccak256(toUtf8Bytes(reference));
  const outcome = await submitChainAction(ctx, {
    // The acting customs key is part of the request: another key quoting the same declaration is
    // another request, which the registry judges on its own.
    idempotencyKey: `draw-down:${id}:${input.signer.toLowerCase()}:${declarationHash}`,
    action: {
      action: "DrawDown",
      id,
      terms: storeTerms(indexedTerms(certificate)),
      declarationHash,
      amount: thousandths(input.amount).toString(),
    },
    signer: input.signer,
    wait: input.wait,
  });
  return { ...outcome, declarationHash };
}
