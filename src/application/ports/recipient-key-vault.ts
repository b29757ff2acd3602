import type { RecipientPrivateKey } from "./document-cipher.js";

/**
 * Document-decryption keys the gateway holds for the authorities it serves, so it can open
 * documents for them. An authority that keeps its own key is simply absent here: it gets the
 * encrypted envelope and opens it itself.
 */
export interface RecipientKeyVault {
  /** The private key for `kid`, or undefined when this gateway does not hold it. */
  get(kid: string): Promise<RecipientPrivateKey | undefined>;
  add(key: RecipientPrivateKey): Promise<void>;
}
