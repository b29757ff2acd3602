/**
 * DEV-ONLY identity provider for the embedded gateway and demos: an ES256 key under the data
 * directory signs tokens for the demo roles, and its JWKS is what the gateway verifies against.
 * Production points the gateway at a real identity provider's JWKS instead.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  SignJWT,
  type JSONWebKeySet,
  type JWK,
} from "jose";
import type { Caller } from "../../domain/caller.js";
import { hasErrorCode } from "../keys/has-error-code.js";

export interface DevTokenIssuer {
  /** The public keys tokens verify against. */
  jwks: JSONWebKeySet;
  issuer: string;
  audience: string;
  /** A signed token for the caller, valid for 12 h unless told otherwise (tests make bad ones on purpose). */
  token(
    caller: Caller,
    options?: { ttlSeconds?: number; expiresAt?: number; audience?: string; issuer?: string },
  ): Promise<string>;
}

export async function createDevTokenIssuer(settings: {
  directory: string;
  issuer: string;
  audience: string;
}): Promise<DevTokenIssuer> {
  const file = path.join(settings.directory, "dev-identity-provider.jwk.json");
  const privateJwk = await loadOrCreate(file);
  const { d: _secret, ...publicJwk } = privateJwk;
  const kid = await calculateJwkThumbprint(publicJwk);
  const key = await importJWK(privateJwk, "ES256");
  return {
    jwks: { keys: [{ ...publicJwk, kid, alg: "ES256", use: "sig" }] },
    issuer: settings.issuer,
    audience: settings.audience,
    token(caller, options = {}) {
      const now = Math.floor(Date.now() / 1000);
      const expiresAt = options.expiresAt ?? now + (options.ttlSeconds ?? 12 * 3600);
      return new SignJWT({
        role: caller.role,
        ...(caller.authorityId !== undefined && { authority_id: caller.authorityId }),
        ...(caller.country !== undefined && { country: caller.country }),
        "x-tradeseal": "DEV-ONLY token",
      })
        .setProtectedHeader({ alg: "ES256", kid, typ: "JWT" })
        .setSubject(caller.subject)
        .setIssuer(options.issuer ?? settings.issuer)
        .setAudience(options.audience ?? settings.audience)
        .setIssuedAt(Math.min(now, expiresAt - 60))
        .setExpirationTime(expiresAt)
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
