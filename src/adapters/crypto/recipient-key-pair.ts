import { exportJWK, generateKeyPair } from "jose";
import type { Recipient, RecipientPrivateKey } from "../../application/ports/document-cipher.js";
import { KEY_WRAPPING } from "./jwe-algorithms.js";

export type RecipientCurve = "P-256" | "X25519";

/**
 * A new key pair for a document recipient: the public half goes into the gateway's key directory,
 * the private half stays with the party. Both are exported as JWKs, so the pair is extractable.
 */
export async function generateRecipientKeyPair(
  kid: string,
  curve: RecipientCurve = "P-256",
): Promise<{ recipient: Recipient; privateKey: RecipientPrivateKey }> {
  const pair = await generateKeyPair(KEY_WRAPPING, { crv: curve, extractable: true });
  return {
    recipient: { kid, publicJwk: await exportJWK(pair.publicKey) },
    privateKey: { kid, privateJwk: await exportJWK(pair.privateKey) },
  };
}
