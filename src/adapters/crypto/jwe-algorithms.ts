/**
 * The only JWE algorithms the document cipher writes or accepts. Pinning them on decryption stops
 * an altered envelope from choosing a weaker or different algorithm.
 */

/** Key wrapping per recipient: ECDH-ES key agreement, then AES-256 key wrap of the shared content key. */
export const KEY_WRAPPING = "ECDH-ES+A256KW";

/** Content encryption, done once per document. */
export const CONTENT_ENCRYPTION = "A256GCM";
