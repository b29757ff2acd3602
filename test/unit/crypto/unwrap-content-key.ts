import {
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  type JsonWebKey as NodeJwk,
} from "node:crypto";

interface RecipientEntry {
  encrypted_key: string;
  header: { kid: string; epk?: NodeJwk };
}

/** The fields of the General JWE JSON the tests look into. */
export interface GeneralJweJson {
  protected: string;
  iv: string;
  ciphertext: string;
  tag: string;
  recipients: RecipientEntry[];
}

/**
 * Recovers the content key a recipient's entry wraps, with node:crypto only (RFC 7518 §4.6:
 * ECDH, Concat KDF, AES key unwrap), so the tests can see the content key that jose never returns
 * and check the envelope against the specification rather than against jose itself.
 */
export function unwrapContentKey(jwe: GeneralJweJson, kid: string, privateJwk: JsonWebKey): Buffer {
  const entry = jwe.recipients.find((recipient) => recipient.header.kid === kid);
  if (entry === undefined) throw new Error(`no entry for ${kid}`);
  // With a single recipient jose puts the ephemeral key in the protected header.
  const protectedHeader = JSON.parse(Buffer.from(jwe.protected, "base64url").toString("utf8")) as {
    alg: string;
    epk?: NodeJwk;
  };
  const epk = entry.header.epk ?? protectedHeader.epk;
  if (epk === undefined) throw new Error("no ephemeral public key");
  const sharedSecret = diffieHellman({
    privateKey: createPrivateKey({ key: privateJwk as NodeJwk, format: "jwk" }),
    publicKey: createPublicKey({ key: epk, format: "jwk" }),
  });
  const keyEncryptionKey = concatKdf(sharedSecret, protectedHeader.alg, 256);
  const defaultIv = Buffer.from("A6A6A6A6A6A6A6A6", "hex");
  const decipher = createDecipheriv("id-aes256-wrap", keyEncryptionKey, defaultIv);
  return Buffer.concat([decipher.update(Buffer.from(entry.encrypted_key, "base64url")), decipher.final()]);
}

/** Concat KDF with SHA-256, empty PartyUInfo and PartyVInfo; one round is enough for 256 bits. */
function concatKdf(sharedSecret: Buffer, algorithm: string, keyBits: number): Buffer {
  const lengthPrefixed = (bytes: Buffer): Buffer => Buffer.concat([uint32(bytes.length), bytes]);
  const otherInfo = Buffer.concat([
    lengthPrefixed(Buffer.from(algorithm, "ascii")),
    lengthPrefixed(Buffer.alloc(0)),
    lengthPrefixed(Buffer.alloc(0)),
    uint32(keyBits),
  ]);
  return createHash("sha256")
    .update(Buffer.concat([uint32(1), sharedSecret, otherInfo]))
    .digest()
    .subarray(0, keyBits / 8);
}

function uint32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value);
  return bytes;
}
