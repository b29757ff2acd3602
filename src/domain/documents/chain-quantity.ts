import { ValidationError } from "../errors.js";

/**
 * The registry counts a CoO's certified quantity, and every drawdown, in whole thousandths of
 * its unit (uint96; see `CertificateTerms.quantity` in contracts/types/Certificate.sol):
 * 11070 KGM is 11070000 on chain, 12.5 TNE is 12500. A quantity with more than three decimals
 * is refused rather than rounded — a rounded figure would certify a quantity the document does
 * not state; the issuer can state it in a smaller unit (12.3456 TNE as 12345.6 KGM).
 */
const CHAIN_QUANTITY_DECIMALS = 3;

const MAX_CHAIN_QUANTITY = 2n ** 96n - 1n;

/** Why a decimal cannot be a certified quantity on chain, or `undefined` when it can. */
export function chainQuantityProblem(value: string): string | undefined {
  const result = toThousandths(value);
  return typeof result === "string" ? result : undefined;
}

/** The certified quantity as the registry's integer of thousandths of the unit. */
export function chainQuantity(value: string): bigint {
  const result = toThousandths(value);
  if (typeof result === "string") {
    throw new ValidationError(`Certified quantity "${value}" ${result}.`, { value });
  }
  return result;
}

/** The thousandths, or what is wrong with the value. */
function toThousandths(value: string): bigint | string {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(value);
  if (match === null) return 'is not a non-negative decimal such as "12.5"';
  const [, whole, fraction = ""] = match;
  if (fraction.replace(/0+$/, "").length > CHAIN_QUANTITY_DECIMALS) {
    return `has more than ${CHAIN_QUANTITY_DECIMALS} decimals; the registry counts thousandths of the unit, so state it with at most ${CHAIN_QUANTITY_DECIMALS} decimals or in a smaller unit`;
  }
  const thousandths = BigInt(whole + fraction.padEnd(CHAIN_QUANTITY_DECIMALS, "0").slice(0, CHAIN_QUANTITY_DECIMALS));
  if (thousandths === 0n) return "must be more than 0: it is what importing customs may draw down";
  if (thousandths > MAX_CHAIN_QUANTITY) return "is too large for the registry (2^96 - 1 thousandths at most)";
  return thousandths;
}
