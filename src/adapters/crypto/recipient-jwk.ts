import { importJWK, type CryptoKey, type JWK } from "jose";
import { ValidationError } from "../../domain/errors.js";
import { KEY_WRAPPING } from "./jwe-algorithms.js";

/** The curves ECDH-ES key agreement is done on, by JWK key type. */
const CURVES: Readonly<Record<string, string>> = { EC: "P-256", OKP: "X25519" };

/**
 * Checks a recipient's JWK and imports it for ECDH-ES. A public key given for encryption must not
 * carry "d": the gateway must never be handed a party's private key just to encrypt for it.
 * Errors name the key id only, never the key material.
 */
export async function importRecipientJwk(jwk: unknown, kid: string, part: "public" | "private"): Promise<CryptoKey> {
  if (typeof jwk !== "object" || jwk === null || Array.isArray(jwk)) {
    throw new ValidationError(`The key for "${kid}" is not a JWK object.`, { kid });
  }
  const { kty, crv } = jwk as JWK;
  const hasPrivatePart = "d" in jwk;
  if (part === "public" && hasPrivatePart) {
    throw new ValidationError(
      `The key for recipient "${kid}" is a private key (it contains "d"). Give only its public JWK: ` +
        "the gateway encrypts with public keys and must never hold a recipient's private key.",
      { kid },
    );
  }
  if (part === "private" && !hasPrivatePart) {
    throw new ValidationError(`The key for "${kid}" has no private part ("d"): decrypting needs the private JWK.`, {
      kid,
    });
  }
  if (kty === undefined || CURVES[kty] === undefined || CURVES[kty] !== crv) {
    throw new ValidationError(
      `The key for "${kid}" is ${String(kty)} ${String(crv)}; use an EC P-256 or OKP X25519 key.`,
      { kid, kty, crv },
    );
  }
  try {
    return await importJWK(jwk as JWK & { kty: "EC" | "OKP" }, KEY_WRAPPING);
  } catch {
    throw new ValidationError(
      `The key for "${kid}" is not a valid ${crv} ${part} key: check its coordinates and that "use"/"key_ops" allow key agreement.`,
      { kid },
    );
  }
}
