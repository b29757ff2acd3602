import { z } from "zod";
import { normalizeText, omittable } from "./normalize.js";

/** Lengths generous enough for any real certificate, so that nothing unbounded is hashed or stored. */
export const MAX_IDENTIFIER = 128;
export const MAX_NAME = 512;
export const MAX_FREE_TEXT = 4000;

/** Control characters (other than whitespace, which normalization turns into spaces) and lone surrogates. */
const NO_CONTROL_CHARACTERS = /^[^\p{Cc}\p{Cs}]*$/u;

/** An issue message that says "required" when the field is missing, else what is expected. */
export function requiredOr(expected: string): (issue: { input?: unknown }) => string {
  return (issue) => (issue.input === undefined ? "required" : expected);
}

/** Normalized text that may be blank; blank optional fields are dropped by `compact`. */
export function blankableText(maxLength: number) {
  return z
    .string({ error: requiredOr("expected text (a string)") })
    .overwrite(normalizeText)
    .regex(NO_CONTROL_CHARACTERS, "must not contain control characters")
    .max(maxLength, `must be at most ${maxLength} characters`);
}

/** Normalized text that must not be blank. */
export function text(maxLength: number) {
  return blankableText(maxLength).min(1, "required; must not be blank");
}

/** Normalized text that may be omitted or blank (the same thing). */
export function optionalText(maxLength: number) {
  return omittable(blankableText(maxLength));
}

/** A whole number from 1, e.g. an item's sequence number or a package count. */
export function positiveInteger(max: number = Number.MAX_SAFE_INTEGER) {
  return z
    .int({ error: requiredOr("expected a whole number (1, 2, 3 …)") })
    .min(1, "must be 1 or more")
    .max(max, `must be at most ${max}`);
}

/** An optional flag; `false` and omitted are the same (`compact` drops it). */
export function flag() {
  return omittable(z.boolean({ error: "expected true or false" }));
}
