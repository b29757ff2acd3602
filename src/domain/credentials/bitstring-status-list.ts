import { gunzipSync, gzipSync } from "node:zlib";
import { ValidationError } from "../errors.js";
import { decodeBase64url, encodeBase64url } from "./base64url.js";

/**
 * Entries per list: the Bitstring Status List minimum (131,072 bits, 16 KB), so one certificate's
 * bit hides among many others.
 */
export const STATUS_LIST_LENGTH = 131_072;

/** A list this long is refused when decoding: a small gzip can inflate to gigabytes. */
const MAX_LIST_BYTES = 16 * 1024 * 1024;

/**
 * The bitstring of a W3C Bitstring Status List v1.0: bit `i` is the `i`-th bit from the left of
 * the whole string, so index 0 is the most significant bit of the first byte. Encoded as the
 * spec's `encodedList`: "u" (multibase base64url) + base64url, without padding, of the
 * GZIP-compressed bytes. Compression is in-memory work (node:zlib), no I/O.
 */
export class StatusBitstring {
  private constructor(private readonly bytes: Uint8Array) {}

  /** A list of `length` bits, all clear. */
  static empty(length = STATUS_LIST_LENGTH): StatusBitstring {
    if (!Number.isInteger(length) || length < STATUS_LIST_LENGTH || length % 8 !== 0) {
      throw new RangeError(`A status list holds a multiple of 8 bits, at least ${STATUS_LIST_LENGTH}; got ${length}.`);
    }
    return new StatusBitstring(new Uint8Array(length / 8));
  }

  /** Reads an `encodedList`; refuses one that is malformed, shorter than the minimum or too large. */
  static decode(encodedList: string): StatusBitstring {
    if (!encodedList.startsWith("u")) {
      throw new ValidationError('A status list\'s encodedList starts with "u" (multibase base64url): it does not.');
    }
    const compressed = decodeBase64url(encodedList.slice(1), "The status list's encodedList");
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(gunzipSync(compressed, { maxOutputLength: MAX_LIST_BYTES }));
    } catch (error) {
      throw new ValidationError(
        `The status list's encodedList is not a GZIP stream of at most ${MAX_LIST_BYTES} bytes: fetch the list again.`,
        {},
        { cause: error },
      );
    }
    if (bytes.length * 8 < STATUS_LIST_LENGTH) {
      throw new ValidationError(
        `The status list holds ${bytes.length * 8} entries, fewer than the ${STATUS_LIST_LENGTH} a Bitstring Status ` +
          "List must hold: it cannot be relied on.",
      );
    }
    return new StatusBitstring(bytes);
  }

  /** How many entries the list holds. */
  get length(): number {
    return this.bytes.length * 8;
  }

  isSet(index: number): boolean {
    this.check(index);
    return (this.bytes[index >> 3] & (0x80 >> (index & 7))) !== 0;
  }

  set(index: number, value = true): void {
    this.check(index);
    if (value) this.bytes[index >> 3] |= 0x80 >> (index & 7);
    else this.bytes[index >> 3] &= ~(0x80 >> (index & 7));
  }

  encode(): string {
    return `u${encodeBase64url(new Uint8Array(gzipSync(this.bytes)))}`;
  }

  private check(index: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.length) {
      throw new RangeError(`Status list index ${index} is outside the list (0 to ${this.length - 1}).`);
    }
  }
}
