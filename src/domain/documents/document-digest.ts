import { hexlify, sha256 } from "ethers";
import { ValidationError } from "../errors.js";
import { canonicalJson } from "./canonical-json.js";
import { parseCertificateDocument, type CertificateDocument } from "./certificate-document.js";

/**
 * The bytes the digest is taken over: UTF-8 of the RFC 8785 (JCS) canonical JSON of
 * `{ salt, document }`. The document is parsed again first, so a value built by hand (or by a
 * format mapper) in a non-normal form still gives the digest of its normal form; an invalid one
 * throws `ValidationError`.
 */
export function canonicalDocumentBytes(doc: CertificateDocument, salt: string): Uint8Array {
  return canonicalParsedBytes(parseCertificateDocument(doc), salt);
}

/**
 * The same bytes for a document that came straight out of `parseCertificateDocument` (already
 * in normal form), without parsing it again: the batch path seals thousands at a time.
 */
export function canonicalParsedBytes(document: CertificateDocument, salt: string): Uint8Array {
  return new TextEncoder().encode(saltedCanonicalText(canonicalJson(document), salt));
}

/**
 * The RFC 8785 text of `{ salt, document }` from the document's own canonical text: members in
 * code-unit order ("document" before "salt"), no whitespace. A document is written once and
 * digested with whichever salt it turns out to have.
 */
export function saltedCanonicalText(canonicalDocument: string, salt: string): string {
  return `{"document":${canonicalDocument},"salt":${JSON.stringify(normalizeSalt(salt))}}`;
}

/** SHA-256 of the canonical bytes, 0x-prefixed: the certificate's `digest` (bytes32) on chain. */
export function documentDigest(doc: CertificateDocument, salt: string): string {
  return sha256(canonicalDocumentBytes(doc, salt));
}

/** 128 bits: enough that a short document cannot be guessed from its digest. */
const SALT_BYTES = 16;

/** A fresh salt, 32 lowercase hex characters, from the injected source of randomness. */
export function newSalt(randomBytes: (length: number) => Uint8Array): string {
  const bytes = randomBytes(SALT_BYTES);
  if (bytes.length !== SALT_BYTES) {
    throw new RangeError(`the random source gave ${bytes.length} bytes where ${SALT_BYTES} were asked for`);
  }
  return hexlify(bytes).slice(2);
}

/**
 * The salt in its one canonical form (lowercase), or `ValidationError` when it is not 32 hex
 * characters: upper-case hex is the same salt, so it gives the same digest.
 */
export function normalizeSalt(salt: string): string {
  if (!/^[0-9a-fA-F]{32}$/.test(salt)) {
    throw new ValidationError(
      `The salt must be exactly ${SALT_BYTES * 2} hexadecimal characters (${SALT_BYTES * 8} bits, no "0x"), ` +
        `as newSalt() makes; got ${JSON.stringify(salt.length > 80 ? `${salt.slice(0, 80)}…` : salt)}. ` +
        "Use the salt stored with the document.",
      { salt },
    );
  }
  return salt.toLowerCase();
}
