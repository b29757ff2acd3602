import { z } from "zod";

/**
 * The normal form of text, so that a certificate hashes the same whether it came as JSON, XML or
 * a VC: Unicode NFC (composed "é" and "e" + combining accent are one letter), every run of
 * whitespace — line breaks and no-break spaces included — one space, nothing at either end.
 * Line breaks are layout, not substance: XML pretty-printing and form fields move them freely,
 * and structure that matters (address lines, items) has fields of its own.
 */
export function normalizeText(value: string): string {
  if (ALREADY_NORMAL.test(value)) return value;
  return value.normalize("NFC").replace(/\s+/gu, " ").trim();
}

/** Printable ASCII words single-spaced: already in normal form (most trade text), so no work to do. */
const ALREADY_NORMAL = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;

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
  // Loops rather than map/filter/entries: a large certificate has thousands of values.
  if (Array.isArray(value)) {
    const kept: unknown[] = [];
    for (const item of value) {
      const pruned = prune(item);
      if (pruned !== undefined) kept.push(pruned);
    }
    return kept.length > 0 ? kept : undefined;
  }
  if (isPlainObject(value)) {
    const kept: Record<string, unknown> = {};
    let empty = true;
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const pruned = prune(value[key]);
      if (pruned === undefined) continue;
      // A key named "__proto__" must stay a plain field, not set the prototype.
      if (key === "__proto__") Object.defineProperty(kept, key, { value: pruned, enumerable: true, writable: true });
      else kept[key] = pruned;
      empty = false;
    }
    return empty ? undefined : kept;
  }
  const blank = value === null || value === false || (typeof value === "string" && value.trim() === "");
  return blank ? undefined : value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
