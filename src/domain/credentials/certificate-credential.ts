import { certificateId, certificateNumberHash } from "../certificate-terms.js";
import type { CertificateDocument, CertificateKind } from "../documents/certificate-document.js";
import { normalizeSalt } from "../documents/document-digest.js";
import { gatewayUrl } from "./gateway-url.js";
import { statusListEntry, type BitstringStatusListEntry, type StatusListPosition } from "./status-list-entry.js";

export const VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";

/** The credential type of each kind of certificate, after "VerifiableCredential". */
export const CREDENTIAL_TYPES = {
  COO: "CertificateOfOriginCredential",
  PHYTO: "PhytosanitaryCertificateCredential",
} as const satisfies Record<CertificateKind, string>;

/** The subject: the certificate document, plus the salt that lets a holder recompute the anchored digest. */
export type CertificateSubject = CertificateDocument & { salt: string };

/** A certificate as a W3C Verifiable Credential 2.0, with the JWT claims of its signature. */
export interface CertificateCredential {
  "@context": string[];
  /** "urn:tradeseal:certificate:<registry id>": the same whichever gateway exports it. */
  id: string;
  type: string[];
  /** The issuing authority: "<gateway>/v1/authorities/<authority id>". */
  issuer: string;
  /** When the certificate was anchored (its issuing block's time). */
  validFrom: string;
  /** When the certificate stops being valid, if it has an end. */
  validUntil?: string;
  credentialSubject: CertificateSubject;
  credentialStatus: BitstringStatusListEntry[];
  /** When the credential was signed (Unix seconds). */
  iat: number;
  /** The end of the certificate's validity (Unix seconds), if it has one: the credential is no use after. */
  exp?: number;
}

/** The URN a credential names its certificate by. */
export function certificateUrn(id: string): string {
  return `urn:tradeseal:certificate:${id.toLowerCase()}`;
}

/** The URL naming an authority as issuer, on the gateway that exports the credential. */
export function authorityUrl(baseUrl: string, authorityId: number): string {
  return gatewayUrl(baseUrl, `/v1/authorities/${authorityId}`);
}

/**
 * The credential of an anchored certificate. Times are Unix seconds: `issuedAt` of the issuing
 * block, `validUntil` as the registry holds it (0: no end), `signedAt` of the signature.
 */
export function certificateCredential(input: {
  document: CertificateDocument;
  salt: string;
  issuedAt: number;
  validUntil: number;
  signedAt: number;
  status: readonly StatusListPosition[];
  baseUrl: string;
}): CertificateCredential {
  const { document } = input;
  const authorityId = document.issuer.authorityId;
  return {
    "@context": [VC_CONTEXT],
    id: certificateUrn(certificateId(authorityId, certificateNumberHash(document.certificateNumber))),
    type: ["VerifiableCredential", CREDENTIAL_TYPES[document.kind]],
    issuer: authorityUrl(input.baseUrl, authorityId),
    validFrom: dateTime(input.issuedAt),
    ...(input.validUntil > 0 && { validUntil: dateTime(input.validUntil) }),
    credentialSubject: { ...document, salt: normalizeSalt(input.salt) },
    credentialStatus: input.status.map((at) => statusListEntry(input.baseUrl, at)),
    iat: input.signedAt,
    ...(input.validUntil > 0 && { exp: input.validUntil }),
  };
}

/** XML Schema dateTimeStamp in UTC, to the second. */
function dateTime(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}
