import { z } from "zod";

/**
 * The normal form of text, so that a certificate hashes the same whether it came as JSON, XML or
 * a VC: Unicode NFC (composed "é" and "e" + combining accent are one letter), every run of
 * whitespace — line breaks and no-break spaces included — one space, nothing at either end.
 * Line breaks are layout, not substance: XML pretty-printing and form fields move them freely,
 * and structure that matters (address lines, items) has fields of its own.
 */
export function normalizeText(value: string): string {
  return value.normalize("NFC").replace(/\s+/gu, " ").trim();
}

/**
 * The document without what carries nothing: blank strings, empty lists and objects, `false`
 * flags and absent values are all dropped, so "omitted" has one form. Order is kept everywhere
 * (items' order is meaningful).
 */
export function compact<T>(value: T): T {
  return prune(value) as T;
}

/**
 * An optional field for which omitted, null, blank ("  "), [] and {} all mean the same: absent.
 * An object with fields is parsed as given, so a misspelt field is still reported.
 */
export function omittable<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (isBlank(value) ? undefined : value), schema.optional()).optional();
}

function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  return isPlainObject(value) && Object.keys(value).length === 0;
}

/** The value without its blank parts, or `undefined` when nothing is left. */
function prune(value: unknown): unknown {
  if (Array.isArray(value)) {
    const kept = value.map(prune).filter((v) => v !== undefined);
    return kept.length > 0 ? kept : undefined;
  }
  if (isPlainObject(value)) {
    const kept = Object.entries(value)
      .map(([key, v]) => [key, prune(v)] as const)
      .filter(([, v]) => v !== undefined);
    return kept.length > 0 ? Object.fromEntries(kept) : undefined;
  }
  const blank = value === null || value === false || (typeof value === "string" && value.trim() === "");
  return blank ? undefined : value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
