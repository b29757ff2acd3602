/** A party that can read a document: its key id in the gateway's key directory and its public key. */
export interface Recipient {
  /** Stable key id, e.g. "authority:12:2026-01" or "auditor:eu-olaf-1". */
  kid: string;
  /** Public key as a JWK (EC P-256 or X25519), used for ECDH-ES key agreement. */
  publicJwk: JsonWebKey;
}

/** A recipient's private key, held by that party (never by the gateway for other parties). */
export interface RecipientPrivateKey {
  kid: string;
  privateJwk: JsonWebKey;
}

/**
 * Envelope encryption of documents: the document is encrypted once with a fresh AES-256-GCM key,
 * and that key is wrapped (JWE, ECDH-ES) for each recipient. Only a holder of one of the
 * recipients' private keys can read it.
 */
export interface DocumentCipher {
  /** Encrypts for the recipients (at least one); returns the serialized envelope. */
  encrypt(plaintext: Uint8Array, recipients: readonly Recipient[]): Promise<Uint8Array>;
  /**
   * Decrypts with one recipient's private key. Throws `ForbiddenError` when the envelope holds no
   * wrapped key for that key id, and `ValidationError` when the envelope is malformed or was altered.
   */
  decrypt(envelope: Uint8Array, key: RecipientPrivateKey): Promise<Uint8Array>;
  /** The key ids the envelope was wrapped for, read from its unprotected headers. */
  recipientsOf(envelope: Uint8Array): string[];
}
