import { z } from "zod";
import { requiredOr } from "./text.js";

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
/** Longest decimal accepted as a string: beyond any real quantity, weight or amount. */
const MAX_DECIMAL_LENGTH = 40;

/**
 * The canonical form of a decimal: "1250.50", 1250.5 and "01250.5" are all "1250.5"; "-0.0" is "0".
 * A number is taken as JavaScript writes it (its shortest exact form); an integer beyond 2^53 is
 * refused, as its digits are already lost. Thousands separators, exponents, NaN and infinities
 * are refused rather than guessed at. `undefined` when the input is not such a decimal.
 */
function canonicalDecimal(input: number | string, signed: boolean): string | undefined {
  if (
    typeof input === "number" &&
    (!Number.isFinite(input) || (Number.isInteger(input) && !Number.isSafeInteger(input)))
  ) {
    return undefined;
  }
  const written = typeof input === "number" ? String(input) : input.trim();
  const match = written.length <= MAX_DECIMAL_LENGTH ? DECIMAL.exec(written) : null;
  if (match === null) return undefined;
  const [, minus, integer, fraction = ""] = match;
  if (minus !== "" && !signed) return undefined;
  const whole = integer.replace(/^0+(?=\d)/, "");
  const decimals = fraction.replace(/0+$/, "");
  const magnitude = decimals === "" ? whole : `${whole}.${decimals}`;
  return minus !== "" && magnitude !== "0" ? `-${magnitude}` : magnitude;
}

function decimalSchema(signed: boolean, expected: string) {
  return z.union([z.number(), z.string()], { error: requiredOr(expected) }).transform((value, ctx) => {
    const canonical = canonicalDecimal(value, signed);
    if (canonical === undefined) {
      ctx.issues.push({ code: "custom", message: expected, input: value, continue: false });
      return z.NEVER;
    }
    return canonical;
  });
}

/** A non-negative decimal (quantity, weight, amount) as its canonical string. */
export const unsignedDecimalSchema = decimalSchema(
  false,
  'expected a non-negative decimal number such as 1250.5 or "1250.50" (digits and one point; no thousands separators, no exponent)',
);

/** A decimal that may be negative (a temperature) as its canonical string. */
export const signedDecimalSchema = decimalSchema(
  true,
  'expected a decimal number such as -1.5 or "2.75" (digits and one point; no thousands separators, no exponent)',
);
