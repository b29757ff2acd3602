import { computeAddress, getBytes, hexlify, sha256, Signature, SigningKey, toUtf8Bytes } from "ethers";
import { ValidationError } from "../errors.js";
import { parseAuthorityKeyId } from "./authority-key-id.js";
import { decodeBase64url, encodeBase64url } from "./base64url.js";

/** The media type of a credential secured as a JWS (VC-JOSE-COSE). */
export const VC_JWT_MEDIA_TYPE = "application/vc+jwt";

/** Larger tokens are refused before anything is decoded; a certificate's credential is far smaller. */
export const MAX_VC_JWT_LENGTH = 1024 * 1024;

/** The order of secp256k1; a low-s signature has s ≤ N / 2 (the other s of a pair is refused). */
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const HEADER_FIELDS = new Set(["alg", "kid", "typ", "cty"]);

/** The authority key that signs: its `kid` and its 64-byte r ‖ s ECDSA over a SHA-256 digest. */
export interface Es256kKey {
  kid: string;
  signDigest(digest: string): Promise<string>;
}

/**
 * A compact JWS with `alg: "ES256K"` whose payload is the credential (VC-JOSE-COSE): the key
 * signs SHA-256 of the ASCII signing input `base64url(header).base64url(payload)`.
 */
export async function signVcJwt(payload: object, key: Es256kKey): Promise<string> {
  const header = { alg: "ES256K", kid: key.kid, typ: "vc+jwt", cty: "vc" };
  const input = `${encodeJson(header)}.${encodeJson(payload)}`;
  const signature = getBytes(await key.signDigest(sha256(toUtf8Bytes(input))));
  if (signature.length !== 64) throw new RangeError(`The key gave a ${signature.length}-byte signature, not r ‖ s.`);
  return `${input}.${encodeBase64url(signature)}`;
}

/** A credential JWS whose signature holds for the key its `kid` names. */
export interface OpenedVcJwt {
  kid: string;
  chainId: bigint;
  /** The signing key's address, checksummed. */
  signer: string;
  /** The credential, still to be validated. */
  payload: Record<string, unknown>;
}

/**
 * Reads a compact `vc+jwt` strictly (size, header parameters, `alg: "ES256K"`) and checks its
 * signature against the key its `kid` names. Throws `ValidationError` saying what is wrong; it
 * does not say whether the key belongs to the issuer (the registry decides that).
 */
export function openVcJwt(jwt: unknown): OpenedVcJwt {
  if (typeof jwt !== "string" || jwt.length > MAX_VC_JWT_LENGTH) {
    throw new ValidationError(
      `A credential is a compact JWS of at most ${MAX_VC_JWT_LENGTH} characters (application/vc+jwt): send it as issued.`,
    );
  }
  const parts = jwt.split(".");
  if (parts.length !== 3) {
    throw new ValidationError(
      "A credential is a compact JWS (three base64url parts joined by dots); this is not one. Send it as issued.",
    );
  }
  const [encodedHeader, encodedPayload, encodedSignature] = parts;
  const header = decodeJson(encodedHeader, "The credential's JWS header");
  checkHeader(header);
  const { chainId, address } = parseAuthorityKeyId(header.kid);
  const payload = decodeJson(encodedPayload, "The credential's payload");
  const signature = decodeBase64url(encodedSignature, "The credential's signature");
  if (!signedBy(`${encodedHeader}.${encodedPayload}`, signature, address)) {
    throw new ValidationError(
      `The credential's signature does not verify for key ${address}: it was altered after signing, or signed ` +
        "by another key. Ask the issuer for the credential again.",
      { key: address },
    );
  }
  return { kid: String(header.kid), chainId, signer: address, payload };
}

function encodeJson(value: object): string {
  return encodeBase64url(toUtf8Bytes(JSON.stringify(value)));
}

function decodeJson(part: string, what: string): Record<string, unknown> {
  const bytes = decodeBase64url(part, what);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (error) {
    throw new ValidationError(`${what} is not UTF-8 JSON: send the credential as issued.`, {}, { cause: error });
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ValidationError(`${what} is not a JSON object: send the credential as issued.`);
  }
  return value as Record<string, unknown>;
}

function checkHeader(header: Record<string, unknown>): void {
  const unknown = Object.keys(header).filter((name) => !HEADER_FIELDS.has(name));
  if (unknown.length > 0) {
    throw new ValidationError(
      `The credential's JWS header has parameters this gateway does not accept (${unknown.join(", ")}): ` +
        "only alg, kid, typ and cty may be present.",
      { parameters: unknown },
    );
  }
  if (header.alg !== "ES256K") {
    throw new ValidationError(
      `The credential is signed with alg ${JSON.stringify(header.alg)}; authority credentials are signed with ES256K.`,
    );
  }
  if (header.typ !== "vc+jwt") {
    throw new ValidationError(`The credential's JWS typ is ${JSON.stringify(header.typ)}, not "vc+jwt".`);
  }
  if (header.cty !== undefined && header.cty !== "vc") {
    throw new ValidationError(`The credential's JWS cty is ${JSON.stringify(header.cty)}, not "vc".`);
  }
}

/** Whether the r ‖ s signature over SHA-256 of `input` recovers to `address` with either recovery id. */
function signedBy(input: string, signature: Uint8Array, address: string): boolean {
  if (signature.length !== 64) return false;
  const r = BigInt(hexlify(signature.subarray(0, 32)));
  const s = BigInt(hexlify(signature.subarray(32)));
  if (r === 0n || r >= N || s === 0n || s > N / 2n) return false;
  const digest = sha256(toUtf8Bytes(input));
  return ([0, 1] as const).some((yParity) => {
    try {
      const recovered = SigningKey.recoverPublicKey(
        digest,
        Signature.from({ r: hexlify(signature.subarray(0, 32)), s: hexlify(signature.subarray(32)), yParity }),
      );
      return computeAddress(recovered) === address;
    } catch {
      // No point on the curve for this r and recovery id.
      return false;
    }
  });
}
