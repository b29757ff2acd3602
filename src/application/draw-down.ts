import { keccak256, toUtf8Bytes } from "ethers";
import { moneySchema } from "../domain/documents/measures.js";
import { ForbiddenError, NotFoundError, TradesealError, UnavailableError, ValidationError } from "../domain/errors.js";
import { storeTerms } from "./chain-actions.js";
import type { GatewayContext } from "./gateway-context.js";
import { indexedTerms } from "./indexed-terms.js";
import type { NewDeclaration } from "./ports/declaration-log.js";
import { unitsOfThousandths } from "./quantity-text.js";
import { checkCertificateId } from "./reason.js";
import { writeRefusalReason } from "./refusal-reason.js";
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

/** The import declaration a drawdown is made against, as customs declared it. */
export interface ImportDeclaration {
  reference: string;
  /** The invoice value declared at import (a decimal), with its ISO 4217 currency: auditors compare it with the CoO's. */
  invoiceValue?: string | number;
  invoiceCurrency?: string;
}

export type DrawDownInput = { signer: string; id: string; amount: string; wait?: boolean } & (
  { declarationReference: string } | { declaration: ImportDeclaration }
);

/**
 * Importing customs record the use of `amount` (in the certificate's unit) of a CoO against an
 * import declaration. One drawdown per declaration and certificate: a repeated request is the
 * same drawdown, not a second one. Every request that reaches the registry is kept in the
 * declaration log with what was declared and what became of it, a refused one too (the error
 * is thrown after it is recorded), so auditors see over-draws and declared invoice values. One
 * sent without waiting stays PENDING until `settlePendingDeclarations` finds its action answered.
 */
export async function drawDown(
  ctx: GatewayContext,
  input: DrawDownInput,
): Promise<ActionOutcome & { declarationHash: string }> {
  const id = checkCertificateId(input.id);
  const declared = "declaration" in input ? input.declaration : { reference: input.declarationReference };
  const reference = declared.reference.trim();
  if (reference === "") throw new ValidationError("Give the import declaration's reference.");
  const invoice = declaredInvoice(declared);
  const amount = thousandths(input.amount);
  const certificate = await ctx.index.certificate(id);
  if (!certificate) {
    throw new NotFoundError(`Certificate ${id} is not in the index (yet); check the id, or retry once it is indexed.`);
  }
  const holder = await ctx.audit.keyHolder(input.signer);
  if (!holder) {
    throw new ForbiddenError(
      `The key ${input.signer} belongs to no authority the index knows: ask your accreditor to add it, ` +
        "or retry once the index has caught up with the chain.",
    );
  }
  const declarationHash = keccak256(toUtf8Bytes(reference));
  // The acting customs key is part of the request: another key quoting the same declaration is
  // another request, which the registry judges on its own.
  const idempotencyKey = `draw-down:${id}:${input.signer.toLowerCase()}:${declarationHash}`;
  const declaration: NewDeclaration = {
    certificateId: id,
    authorityId: holder.authorityId,
    country: holder.country,
    reference,
    declarationHash,
    amount: unitsOfThousandths(amount),
    ...invoice,
    outboxKey: idempotencyKey,
  };
  const logged = await ctx.declarations.open(declaration);
  try {
    const outcome = await submitChainAction(ctx, {
      idempotencyKey,
      action: {
        action: "DrawDown",
        id,
        terms: storeTerms(indexedTerms(certificate)),
        declarationHash,
        amount: amount.toString(),
      },
      signer: input.signer,
      wait: input.wait,
    });
    if (outcome.status === "CONFIRMED") await ctx.declarations.settle(logged.id, "RECORDED");
    return { ...outcome, declarationHash };
  } catch (error) {
    if (error instanceof TradesealError && !(error instanceof UnavailableError)) {
      await ctx.declarations.settle(logged.id, "REFUSED", writeRefusalReason(error));
    }
    throw error;
  }
}

/** The declared invoice value in canonical form, or nothing when none was declared. */
function declaredInvoice(declared: ImportDeclaration): Pick<NewDeclaration, "invoiceValue" | "invoiceCurrency"> {
  if (declared.invoiceValue === undefined && declared.invoiceCurrency === undefined) return {};
  const money = moneySchema.safeParse({ amount: declared.invoiceValue, currency: declared.invoiceCurrency });
  if (!money.success) {
    throw new ValidationError(
      "Give the declared invoice value as a decimal number (e.g. 186420.50) together with its ISO 4217 currency " +
        '(e.g. "EUR"), or neither.',
    );
  }
  return { invoiceValue: money.data.amount, invoiceCurrency: money.data.currency };
}
