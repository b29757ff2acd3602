import { errors, flattenedDecrypt, GeneralEncrypt } from "jose";
import type { DocumentCipher, Recipient, RecipientPrivateKey } from "../../application/ports/document-cipher.js";
import { ForbiddenError, ValidationError } from "../../domain/errors.js";
import { CONTENT_ENCRYPTION, KEY_WRAPPING } from "./jwe-algorithms.js";
import { parseEnvelope } from "./parse-envelope.js";
import { importRecipientJwk } from "./recipient-jwk.js";

/**
 * Envelope encryption with JWE (RFC 7516 General JSON serialization): the document is encrypted
 * once under a fresh AES-256-GCM content key, which is wrapped for each recipient by ECDH-ES+A256KW
 * with the recipient's key id in its unprotected header. The envelope gives confidentiality only:
 * anyone can encrypt for a public key, so who issued a document is proven by its digest on chain.
 */
export function createJweDocumentCipher(): DocumentCipher {
  return {
    async encrypt(plaintext: Uint8Array, recipients: readonly Recipient[]): Promise<Uint8Array> {
      if (recipients.length === 0) {
        throw new ValidationError("A document needs at least one recipient: nobody could ever decrypt it.");
      }
      const kids = recipients.map((recipient) => recipient.kid);
      if (kids.some((kid) => typeof kid !== "string" || kid === "")) {
        throw new ValidationError("Every recipient needs a non-empty key id (kid).");
      }
      if (new Set(kids).size !== kids.length) {
        throw new ValidationError("Two recipients have the same key id: give each key once.", { kids });
      }
      const keys = await Promise.all(
        recipients.map((recipient) => importRecipientJwk(recipient.publicJwk, recipient.kid, "public")),
      );
      const jwe = new GeneralEncrypt(plaintext).setProtectedHeader({ alg: KEY_WRAPPING, enc: CONTENT_ENCRYPTION });
      keys.forEach((key, index) => jwe.addRecipient(key).setUnprotectedHeader({ kid: kids[index] }));
      return new TextEncoder().encode(JSON.stringify(await jwe.encrypt()));
    },

    async decrypt(envelope: Uint8Array, key: RecipientPrivateKey): Promise<Uint8Array> {
      const { recipients, ...shared } = parseEnvelope(envelope);
      const entry = recipients.find((recipient) => recipient.header.kid === key.kid);
      if (entry === undefined) {
        throw new ForbiddenError(
          `This document was not encrypted for key "${key.kid}": ask its issuer to encrypt it for this key.`,
          { kid: key.kid, recipients: recipients.map((recipient) => recipient.header.kid) },
        );
      }
      const privateKey = await importRecipientJwk(key.privateJwk, key.kid, "private");
      try {
        const { plaintext } = await flattenedDecrypt({ ...shared, ...entry }, privateKey, {
          keyManagementAlgorithms: [KEY_WRAPPING],
          contentEncryptionAlgorithms: [CONTENT_ENCRYPTION],
          // tradeseal never compresses; refusing "zip" also rules out decompression bombs.
          maxDecompressedLength: 0,
        });
        return plaintext;
      } catch (error) {
        throw explainDecryptionFailure(error, key.kid);
      }
    },

    recipientsOf(envelope: Uint8Array): string[] {
      return parseEnvelope(envelope).recipients.map((recipient) => recipient.header.kid);
    },
  };
}

/** jose's errors become ours; anything else is a bug and goes up as it is. */
function explainDecryptionFailure(error: unknown, kid: string): unknown {
  if (error instanceof errors.JWEDecryptionFailed) {
    // AES-GCM cannot tell a wrong key from altered bytes, and jose hides which one on purpose.
    return new ValidationError(
      `The envelope could not be decrypted with key "${kid}": either it was altered, or this private key ` +
        "is not the one it was encrypted for. Fetch the document again and check the key.",
      { kid },
    );
  }
  if (error instanceof errors.JOSEError) {
    return new ValidationError(
      `The envelope is malformed (${error.message}): it was altered or not written by tradeseal.`,
      { kid, reason: error.code },
    );
  }
  return error;
}
