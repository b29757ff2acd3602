import { authorityKeyId } from "../domain/credentials/authority-key-id.js";
import { STATUS_LIST_LENGTH } from "../domain/credentials/bitstring-status-list.js";
import { certificateCredential, type CertificateCredential } from "../domain/credentials/certificate-credential.js";
import {
  STATUS_LIST_CAPACITY,
  STATUS_PURPOSES,
  type StatusListPosition,
} from "../domain/credentials/status-list-entry.js";
import { signVcJwt } from "../domain/credentials/vc-jwt.js";
import { parseCertificateDocument } from "../domain/documents/certificate-document.js";
import { normalizeSalt } from "../domain/documents/document-digest.js";
import { NotFoundError, ValidationError } from "../domain/errors.js";
import { authoritySigner } from "./authority-signer.js";
import type { GatewayContext } from "./gateway-context.js";
import { checkCertificateId } from "./reason.js";
import { sealWithSalt } from "./seal-document.js";

/** A certificate exported as a credential: the compact JWS (application/vc+jwt) and its payload. */
export interface ExportedCredential {
  jwt: string;
  credential: CertificateCredential;
}

/**
 * Exports an anchored certificate as a W3C Verifiable Credential 2.0 (VC-JOSE-COSE, ES256K),
 * signed under the issuing authority's current key held by this gateway. The caller supplies the
 * opened document and its salt (e.g. from `openStoredDocument`); they must be exactly what was
 * anchored, as indexed. The credential's status points at the certificate's bits in this
 * gateway's revocation and suspension lists, served under `baseUrl`.
 */
export async function exportCredential(
  ctx: Pick<GatewayContext, "chain" | "index" | "queries" | "keys" | "clock" | "statusLists" | "randomBytes">,
  input: { certificateId: string; document: unknown; salt: string; baseUrl: string },
): Promise<ExportedCredential> {
  const certificateId = checkCertificateId(input.certificateId);
  const sealed = sealWithSalt(parseCertificateDocument(input.document), normalizeSalt(input.salt));
  if (sealed.certificateId !== certificateId) {
    throw new ValidationError(
      `The document is certificate ${sealed.certificateId}, not ${certificateId}: export it under its own id.`,
      { certificateId, documentCertificateId: sealed.certificateId },
    );
  }
  const indexed = await ctx.index.certificate(certificateId);
  if (!indexed) {
    throw new NotFoundError(
      `Certificate ${certificateId} is not in this gateway's index (yet): a certificate is exported once it is ` +
        "anchored and indexed, which takes a few seconds after issuance. A batch member is exported once promoted.",
      { certificateId },
    );
  }
  if (indexed.digest.toLowerCase() !== sealed.digest) {
    throw new ValidationError(
      `The document and salt do not give the digest anchored for certificate ${certificateId}: export the ` +
        "document exactly as it was issued, with its own salt.",
      { certificateId, anchoredDigest: indexed.digest, presentedDigest: sealed.digest },
    );
  }
  const address = await authoritySigner(ctx, sealed.issuer);
  const signer = await ctx.keys.signer(address);
  const status: StatusListPosition[] = [];
  for (const purpose of STATUS_PURPOSES) {
    status.push(
      await ctx.statusLists.assign({
        certificateId,
        purpose,
        capacity: STATUS_LIST_CAPACITY,
        drawPosition: () => randomPosition(ctx.randomBytes),
      }),
    );
  }
  const credential = certificateCredential({
    document: sealed.document,
    salt: sealed.salt,
    issuedAt: indexed.issuedAt,
    validUntil: indexed.validUntil,
    signedAt: await chainNow(ctx),
    status,
    baseUrl: input.baseUrl,
  });
  const jwt = await signVcJwt(credential, {
    kid: authorityKeyId(ctx.chain.chainId, address),
    signDigest: (digest) => signer.signDigest(digest),
  });
  return { jwt, credential };
}

/**
 * The signing time: the chain's now, which judges the key (block times can run ahead of the wall
 * clock), or the wall clock when it is later or the node cannot be reached.
 */
async function chainNow(ctx: Pick<GatewayContext, "chain" | "clock">): Promise<number> {
  const wall = Math.floor(ctx.clock.now().getTime() / 1000);
  const head = await ctx.chain.block("latest").then(
    (block) => block.timestamp,
    () => wall,
  );
  return Math.max(wall, head);
}

/** A uniformly random list position: the length is a power of two, so a 32-bit draw has no bias. */
function randomPosition(randomBytes: (length: number) => Uint8Array): number {
  const bytes = randomBytes(4);
  return new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0) % STATUS_LIST_LENGTH;
}
