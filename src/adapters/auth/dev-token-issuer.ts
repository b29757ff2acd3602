/**
 * DEV-ONLY identity provider for the embedded gateway and demos: an ES256 key under the data
 * directory signs tokens for the demo roles, and its JWKS is what the gateway verifies against.
 * Production points the gateway at a real identity provider's JWKS instead.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, SignJWT, type JSONWebKeySet, type JWK } from "jose";
import type { Caller } from "../../domain/caller.js";
import { hasErrorCode } from "../keys/has-error-code.js";

export interface DevTokenIssuer {
  /** The public keys tokens verify against. */
  jwks: JSONWebKeySet;
  issuer: string;
  audience: string;
  /** A signed token for the caller, valid for `ttlSeconds` (default 12 h). */
  token(caller: Caller, ttlSeconds?: number): Promise<string>;
}

export async function createDevTokenIssuer(options: {
  directory: string;
  issuer: string;
  audience: string;
}): Promise<DevTokenIssuer> {
  const file = path.join(options.directory, "dev-identity-provider.jwk.json");
  const privateJwk = await loadOrCreate(file);
  const { d: _secret, ...publicJwk } = privateJwk;
  const kid = await calculateJwkThumbprint(publicJwk);
  const key = await importJWK(privateJwk, "ES256");
  return {
    jwks: { keys: [{ ...publicJwk, kid, alg: "ES256", use: "sig" }] },
    issuer: options.issuer,
    audience: options.audience,
    token(caller, ttlSeconds = 12 * 3600) {
      return new SignJWT({
        role: caller.role,
        ...(caller.authorityId !== undefined && { authority_id: caller.authorityId }),
        ...(caller.country !== undefined && { country: caller.country }),
        "x-tradeseal": "DEV-ONLY token",
      })
        .setProtectedHeader({ alg: "ES256", kid, typ: "JWT" })
        .setSubject(caller.subject)
        .setIssuer(options.issuer)
        .setAudience(options.audience)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(key);
    },
  };
}

async function loadOrCreate(file: string): Promise<JWK> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as JWK;
  } catch (error) {
    if (!hasErrorCode(error, "ENOENT")) throw error;
  }
  const pair = await generateKeyPair("ES256", { extractable: true });
  const jwk = { ...(await exportJWK(pair.privateKey)), "x-tradeseal": "DEV-ONLY identity provider key" };
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, `${JSON.stringify(jwk)}\n`, { mode: 0o600 });
  return jwk;
}
