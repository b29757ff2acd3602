import { z } from "zod";
import { certificateId, certificateNumberHash } from "../certificate-terms.js";
import { ValidationError } from "../errors.js";
import { parseCertificateDocument, type CertificateDocument } from "../documents/certificate-document.js";
import { normalizeSalt } from "../documents/document-digest.js";
import { certificateUrn, CREDENTIAL_TYPES, VC_CONTEXT } from "./certificate-credential.js";
import { bitstringStatusListEntrySchema, type BitstringStatusListEntry } from "./status-list-entry.js";

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const dateTime = z
  .string()
  .regex(DATE_TIME, "expected a date-time with its time zone, e.g. 2026-03-02T09:30:00Z")
  .refine((value) => !Number.isNaN(Date.parse(value)), "not a date-time of the calendar");
const seconds = z.number().int().nonnegative();

const credentialSchema = z.strictObject({
  "@context": z
    .array(z.string())
    .refine((contexts) => contexts[0] === VC_CONTEXT, `must start with "${VC_CONTEXT}" (VC 2.0)`),
  id: z.string().regex(/^urn:tradeseal:certificate:0x[0-9a-f]{64}$/, "expected urn:tradeseal:certificate:<id>"),
  type: z
    .array(z.string())
    .refine((types) => types.includes("VerifiableCredential"), "must include VerifiableCredential"),
  issuer: z.string(),
  validFrom: dateTime,
  validUntil: dateTime.optional(),
  credentialSubject: z.looseObject({ salt: z.string() }),
  credentialStatus: z.array(bitstringStatusListEntrySchema).optional(),
  iat: seconds,
  exp: seconds.optional(),
});

/** What a certificate credential says, checked for consistency (not yet against the chain). */
export interface ParsedCertificateCredential {
  certificateId: string;
  authorityId: number;
  document: CertificateDocument;
  salt: string;
  /** Unix seconds. */
  validFrom: number;
  validUntil?: number;
  /** When it was signed (`iat`), Unix seconds. */
  signedAt: number;
  status: BitstringStatusListEntry[];
}

/**
 * Reads a certificate credential's payload: VC 2.0 shape, the subject as a certificate document
 * (`parseCertificateDocument`) with its salt, and the type, issuer and id all naming that same
 * certificate. Throws `ValidationError` naming what is wrong.
 */
export function parseCertificateCredential(payload: unknown): ParsedCertificateCredential {
  const result = credentialSchema.safeParse(payload);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".") || "credential"}: ${issue.message}`);
    throw new ValidationError(
      `The credential is not a certificate credential of this registry: ${problems.slice(0, 5).join("; ")}.`,
      { issues: result.error.issues },
      { cause: result.error },
    );
  }
  const credential = result.data;
  const { salt, ...fields } = credential.credentialSubject;
  const document = parseCertificateDocument(fields);
  const id = certificateId(document.issuer.authorityId, certificateNumberHash(document.certificateNumber));
  const expectedType = CREDENTIAL_TYPES[document.kind];
  if (!credential.type.includes(expectedType)) {
    throw new ValidationError(
      `The credential's type does not say ${expectedType}, yet its subject is a ${document.kind} certificate.`,
      { type: credential.type },
    );
  }
  const authorityId = issuerAuthorityId(credential.issuer);
  if (authorityId !== document.issuer.authorityId) {
    throw new ValidationError(
      `The credential's issuer (${credential.issuer}) is not the certificate's issuing authority ` +
        `${document.issuer.authorityId}: a credential is issued by the authority that issued the certificate.`,
      { issuer: credential.issuer },
    );
  }
  if (credential.id !== certificateUrn(id)) {
    throw new ValidationError(
      `The credential's id (${credential.id}) is not that of the certificate it holds (${id}).`,
      {
        id: credential.id,
        certificateId: id,
      },
    );
  }
  return {
    certificateId: id,
    authorityId,
    document,
    salt: normalizeSalt(salt),
    validFrom: Date.parse(credential.validFrom) / 1000,
    ...(credential.validUntil !== undefined && { validUntil: Date.parse(credential.validUntil) / 1000 }),
    signedAt: credential.iat,
    status: credential.credentialStatus ?? [],
  };
}

/** The authority id of an issuer URL ".../v1/authorities/<id>", or undefined. */
function issuerAuthorityId(issuer: string): number | undefined {
  let path: string;
  try {
    path = new URL(issuer).pathname;
  } catch {
    return undefined;
  }
  const match = /\/v1\/authorities\/([1-9]\d{0,9})$/.exec(path);
  return match ? Number(match[1]) : undefined;
}
