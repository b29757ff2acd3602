import { ValidationError } from "../errors.js";

/** Base64url without padding (RFC 4648 §5), as JWS and multibase "u" use it. */
export function encodeBase64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64url");
}

/**
 * Decodes base64url without padding, strictly: any other character, padding or non-zero spare
 * bits are refused (Node's decoder would skip them), so one value has exactly one encoding.
 */
export function decodeBase64url(text: string, what: string): Uint8Array {
  const bytes = new Uint8Array(Buffer.from(text, "base64url"));
  if (!/^[A-Za-z0-9_-]*$/.test(text) || encodeBase64url(bytes) !== text) {
    throw new ValidationError(`${what} is not base64url without padding: send it exactly as it was issued.`);
  }
  return bytes;
}
