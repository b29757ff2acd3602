import type { CertificateDocument } from "../domain/documents/certificate-document.js";
import { parseCertificateCredential } from "../domain/credentials/parse-certificate-credential.js";
import type { BitstringStatusListEntry } from "../domain/credentials/status-list-entry.js";
import { openVcJwt } from "../domain/credentials/vc-jwt.js";
import { ForbiddenError, ValidationError } from "../domain/errors.js";
import type { VerificationResult } from "../domain/verification.js";
import type { GatewayContext } from "./gateway-context.js";
import { verifyParsedDocument } from "./verify-document.js";

/** How far ahead of this gateway's clock a credential's signing time may be (clocks drift). */
const MAX_CLOCK_AHEAD_SECONDS = 300;

/** A certificate credential whose signature is the issuing authority's, verified against the chain. */
export interface VerifiedCredential {
  /** The certificate's verification, as for the document presented with its salt. */
  result: VerificationResult;
  certificateId: string;
  document: CertificateDocument;
  salt: string;
  /** The authority key that signed the credential, and when (Unix seconds). */
  signer: string;
  signedAt: number;
  /** The credential's status list entries, as it states them. */
  status: BitstringStatusListEntry[];
}

/**
 * Verifies a certificate credential (compact JWS, `vc+jwt`, ES256K): the signature must be by the
 * key its `kid` names, that key must have been a valid key of the issuing authority on chain when
 * it signed (`iat`; the signature is the authority's statement at that time, and a key rotated in
 * since the certificate was issued still signs its credentials), and the document with its salt
 * is then verified like any presented document. Stores nothing. A credential that is malformed,
 * altered or from another chain is a `ValidationError`; one signed by a key that is not the
 * authority's is a `ForbiddenError`.
 */
export async function verifyCredential(
  ctx: Pick<GatewayContext, "chain" | "index" | "indexer" | "memo" | "documents" | "clock">,
  input: { jwt: string },
): Promise<VerifiedCredential> {
  const opened = openVcJwt(input.jwt);
  if (opened.chainId !== ctx.chain.chainId) {
    throw new ValidationError(
      `The credential is signed under a key of chain ${opened.chainId}, and this registry is on chain ` +
        `${ctx.chain.chainId}: verify it at a gateway of the registry that issued it.`,
      { chainId: opened.chainId.toString() },
    );
  }
  const credential = parseCertificateCredential(opened.payload);
  const head = await ctx.chain.block("latest");
  // The chain's time can run ahead of the wall clock: a credential signed by it is not from the future.
  const now = Math.max(Math.floor(ctx.clock.now().getTime() / 1000), head.timestamp);
  if (credential.signedAt > now + MAX_CLOCK_AHEAD_SECONDS) {
    throw new ValidationError(
      `The credential says it was signed at ${new Date(credential.signedAt * 1000).toISOString()}, which is still ` +
        "to come: ask the issuer for a credential signed with a correct clock.",
      { iat: credential.signedAt },
    );
  }
  const keyValid = await ctx.chain.wasKeyValidAt(
    credential.authorityId,
    opened.signer,
    credential.signedAt,
    head.number,
  );
  if (!keyValid) {
    throw new ForbiddenError(
      `The credential is signed by key ${opened.signer}, which was not a valid signing key of authority ` +
        `${credential.authorityId} when it was signed: it is not the authority's credential. Do not rely on it; ` +
        "ask the issuing authority for its credential.",
      { authorityId: credential.authorityId, key: opened.signer, signedAt: credential.signedAt },
    );
  }
  const result = await verifyParsedDocument(ctx, { document: credential.document, salt: credential.salt });
  return {
    result,
    certificateId: credential.certificateId,
    document: credential.document,
    salt: credential.salt,
    signer: opened.signer,
    signedAt: credential.signedAt,
    status: credential.status,
  };
}
