/**
 * The gateway's own signing key: verification receipts and status list credentials are signed
 * with it, and anyone checks them offline against the JWKS the gateway publishes.
 */
export interface GatewaySigner {
  /** A compact JWS over the JSON payload; `alg` and `kid` are the signer's, `typ`/`cty` the caller's. */
  sign(payload: Record<string, unknown>, header: { typ: string; cty?: string }): Promise<string>;
  /** The public keys signatures verify against (`/.well-known/jwks.json`). */
  jwks(): Promise<{ keys: JsonWebKey[] }>;
}
