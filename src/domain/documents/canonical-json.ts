import canonicalize from "canonicalize";

/**
 * RFC 8785 (JSON Canonicalization Scheme) text of JSON data: null, booleans, finite numbers,
 * strings, arrays and plain objects.
 *
 * RFC 8785 writes strings and numbers exactly as ECMAScript's `JSON.stringify` does (§3.2.2);
 * what `JSON.stringify` lacks is the order of members, sorted by UTF-16 code units (§3.2.3),
 * which is `Array.prototype.sort`'s default order. So the value is copied once with every
 * object's keys in that order and written by the engine's own `JSON.stringify`, a third of the
 * time the `canonicalize` package takes member by member on a 50 KB certificate (the digest's hot
 * path). That package writes what this copy cannot hold (objects with keys such as "1"), and the
 * unit tests hold the two equal on arbitrary JSON and on certificate documents.
 *
 * Members whose value is `undefined` are left out. Throws `TypeError` for what RFC 8785 cannot
 * write: strings with lone surrogates, NaN and infinities, `undefined` elsewhere, functions and objects that are not plain data (dates, maps, class
 * instances).
 */
export function canonicalJson(value: unknown): string {
  try {
    return JSON.stringify(inCanonicalOrder(value));
  } catch (error) {
    if (error === HAS_INDEX_KEYS) return canonicalize(value)!;
    throw error;
  }
}

/**
 * Thrown when an object has a key such as "1": engines keep such keys first, in numeric order,
 * whatever order they were added in, so the copy cannot carry RFC 8785's order and the value is
 * written by the general implementation instead. Certificate documents have no such keys.
 */
const HAS_INDEX_KEYS = new Error("an object has array-index keys");
const INDEX_KEY = /^(?:0|[1-9]\d{0,9})$/;

function inCanonicalOrder(value: unknown): unknown {
  switch (typeof value) {
    case "string":
      if (!value.isWellFormed()) throw new TypeError("a string holds a lone surrogate, which RFC 8785 cannot write");
      return value;
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`${value} is not a number JSON can hold`);
      return value;
    case "boolean":
      return value;
    case "object":
      if (value === null) return null;
      if (Array.isArray(value)) {
        const copy = new Array<unknown>(value.length);
        for (let i = 0; i < value.length; i++) copy[i] = inCanonicalOrder(value[i]);
        return copy;
      }
      if (isPlainObject(value)) {
        const keys = Object.keys(value);
        // Index keys, if any, come first.
        if (keys.length > 0 && INDEX_KEY.test(keys[0])) throw HAS_INDEX_KEYS;
        const copy: Record<string, unknown> = {};
        for (const key of keys.sort()) {
          // An absent optional member (undefined) is left out, as JSON.stringify leaves it out.
          if (value[key] === undefined) continue;
          const member = inCanonicalOrder(value[key]);
          // A key named "__proto__" must stay a plain member, not set the prototype.
          if (key === "__proto__")
            Object.defineProperty(copy, key, { value: member, enumerable: true, writable: true });
          else copy[key] = member;
        }
        return copy;
      }
      break;
    case "undefined":
    case "bigint":
    case "symbol":
    case "function":
      break;
  }
  const kind = value !== null && typeof value === "object" ? (value.constructor?.name ?? "object") : typeof value;
  throw new TypeError(`${kind} is not JSON data (null, boolean, number, string, array or plain object)`);
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
