/**
 * The gateway's receipt key (ES256) kept as a JWK file under the data directory, created on first
 * use, readable by the owner only. Fine for the embedded gateway and demos; a production deployment
 * gives every instance the same key from its secret store (TRADESEAL_GATEWAY_KEY_FILE), so receipts
 * from any instance check against one JWKS.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { calculateJwkThumbprint, CompactSign, exportJWK, generateKeyPair, importJWK, type JWK } from "jose";
import type { GatewaySigner } from "../../application/ports/gateway-signer.js";
import { ValidationError } from "../../domain/errors.js";
import { hasErrorCode } from "../keys/has-error-code.js";

const ALG = "ES256";

export async function createFileGatewaySigner(options: { file: string }): Promise<GatewaySigner> {
  const privateJwk = await loadOrCreate(options.file);
  const { d: _private, ...publicJwk } = privateJwk;
  const kid = await calculateJwkThumbprint(publicJwk);
  const key = await importJWK(privateJwk, ALG);
  const published = { ...publicJwk, kid, alg: ALG, use: "sig" };
  const encoder = new TextEncoder();
  return {
    sign: (payload, header) =>
      new CompactSign(encoder.encode(JSON.stringify(payload)))
        .setProtectedHeader({ alg: ALG, kid, ...header })
        .sign(key),
    jwks: () => Promise.resolve({ keys: [published as JsonWebKey] }),
  };
}

async function loadOrCreate(file: string): Promise<JWK> {
  try {
    const jwk = JSON.parse(await readFile(file, "utf8")) as JWK;
    if (jwk.kty !== "EC" || jwk.crv !== "P-256" || !jwk.d) {
      throw new ValidationError(`${file} is not an EC P-256 private JWK: remove it to have a new key made.`);
    }
    return jwk;
  } catch (error) {
    if (!hasErrorCode(error, "ENOENT")) throw error;
  }
  const pair = await generateKeyPair(ALG, { extractable: true });
  const jwk = await exportJWK(pair.privateKey);
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  try {
    await writeFile(file, `${JSON.stringify(jwk)}\n`, { mode: 0o600, flag: "wx" });
    return jwk;
  } catch (error) {
    // Another instance created it first: use that one.
    if (hasErrorCode(error, "EEXIST")) return JSON.parse(await readFile(file, "utf8")) as JWK;
    throw error;
  }
}
