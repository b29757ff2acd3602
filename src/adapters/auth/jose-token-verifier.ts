/**
 * Bearer JWTs checked with jose against the identity provider's JWKS (a local file or its URL),
 * with a fixed issuer, audience and a list of asymmetric algorithms: `alg: none`, HMAC tokens
 * signed with a public key (HS/RS confusion), expired, not-yet-valid, wrong audience or issuer,
 * unknown key — all refused.
 */
import { readFile } from "node:fs/promises";
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from "jose";
import { z } from "zod";
import type { TokenVerifier } from "../../application/ports/token-verifier.js";
import { CallerRole, type Caller } from "../../domain/caller.js";
import { UnauthenticatedError, ValidationError } from "../../domain/errors.js";

/** Signature algorithms accepted: asymmetric only, so a public key can never serve as an HMAC secret. */
export const TOKEN_ALGORITHMS = ["ES256", "ES384", "RS256", "PS256", "EdDSA"];

export interface TokenVerifierOptions {
  /** Where the signing keys are: a JWKS document, a file holding one, or an identity provider's JWKS URL. */
  jwks: { keys: JSONWebKeySet } | { file: string } | { url: string };
  issuer: string;
  audience: string;
  /** Allowed clock difference, seconds. */
  clockToleranceSeconds?: number;
}

const claimsSchema = z.object({
  sub: z.string().min(1).max(200),
  role: z.enum(CallerRole),
  authority_id: z.number().int().positive().optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
});

export async function createJoseTokenVerifier(options: TokenVerifierOptions): Promise<TokenVerifier> {
  const keys = await keySetOf(options.jwks);
  return {
    async verify(token) {
      let payload: unknown;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          issuer: options.issuer,
          audience: options.audience,
          algorithms: TOKEN_ALGORITHMS,
          clockTolerance: options.clockToleranceSeconds ?? 30,
          requiredClaims: ["sub", "exp"],
        }));
      } catch (error) {
        throw new UnauthenticatedError(reasonOf(error), {}, { cause: error });
      }
      const claims = claimsSchema.safeParse(payload);
      if (!claims.success) {
        throw new UnauthenticatedError(
          "The token's claims are incomplete: it needs sub, role (issuer, customs, nppo, accreditor, auditor, admin) " +
            "and, for an authority, authority_id and country. Ask your identity provider for a token with them.",
        );
      }
      const { sub, role, authority_id: authorityId, country } = claims.data;
      const caller: Caller = { subject: sub, role, ...(authorityId && { authorityId }), ...(country && { country }) };
      requireClaimsForRole(caller);
      return caller;
    },
  };
}

function requireClaimsForRole(caller: Caller): void {
  const needsAuthority = ["issuer", "customs", "nppo"].includes(caller.role);
  const needsCountry = needsAuthority || caller.role === "accreditor";
  if ((needsAuthority && caller.authorityId === undefined) || (needsCountry && caller.country === undefined)) {
    throw new UnauthenticatedError(
      `A ${caller.role} token must carry ${needsAuthority ? "authority_id and " : ""}country; ask your identity provider for a complete token.`,
    );
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return "The token has expired: sign in again for a new one.";
  if (error instanceof errors.JWTClaimValidationFailed) {
    return `The token was not issued for this gateway (${error.claim} claim): use a token from the configured identity provider for this audience.`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return `The token's signature algorithm is not accepted; tokens must be signed with one of ${TOKEN_ALGORITHMS.join(", ")}.`;
  }
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWSSignatureVerificationFailed) {
    return "The token's signature does not match any key of the identity provider: sign in again.";
  }
  return "The bearer token is malformed or not a signed JWT: send `Authorization: Bearer <token>` with a token from the identity provider.";
}

async function keySetOf(jwks: TokenVerifierOptions["jwks"]): Promise<JWTVerifyGetKey> {
  if ("url" in jwks) return createRemoteJWKSet(new URL(jwks.url), { timeoutDuration: 5_000 });
  if ("keys" in jwks) return createLocalJWKSet(jwks.keys);
  try {
    return createLocalJWKSet(JSON.parse(await readFile(jwks.file, "utf8")) as JSONWebKeySet);
  } catch (error) {
    throw new ValidationError(
      `Cannot read the identity provider's JWKS from ${jwks.file}: check TRADESEAL_AUTH_JWKS_FILE.`,
      {},
      { cause: error },
    );
  }
}
