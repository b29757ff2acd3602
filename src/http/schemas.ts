/**
 * The API's own request and answer schemas (the certificate documents' schemas are the domain's).
 * They validate requests and, through zod-openapi, describe them in /openapi.json.
 */
import { z } from "zod";
import { CertificateStatus, CertificateType } from "../domain/registry-types.js";

export const certificateId = z
  .string()
  .regex(/^0x[0-9a-fA-F]{64}$/, "a certificate id is 0x followed by 64 hex digits")
  .meta({
    description: "Registry id of a certificate: keccak256 of issuer id and certificate-number hash.",
    example: "0x" + "ab".repeat(32),
  });

export const idParams = z.strictObject({ id: certificateId });
export const authorityParams = z.strictObject({
  id: z.coerce.number().int().positive().meta({ description: "Registry id of the authority.", example: 3 }),
});

export const statusName = z.enum(Object.keys(CertificateStatus).filter((s) => s !== "NONE") as [string, ...string[]]);
export const typeName = z.enum(Object.keys(CertificateType) as [string, ...string[]]);

export const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().meta({ description: "What went wrong and what to do about it." }),
    code: z.string().meta({ description: "Stable error code, e.g. VALIDATION_FAILED, LIFECYCLE_CONFLICT." }),
    instance: z.string(),
    currentStatus: z.string().optional().meta({ description: "For a refused transition: the certificate's status." }),
    errors: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() })).optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details." });

export const quantityView = z.object({
  certified: z.string().meta({ description: "Decimal, in the unit.", example: "11070" }),
  drawn: z.string(),
  left: z.string(),
  unit: z.string().meta({ description: "UN/ECE Rec 20 unit code.", example: "KGM" }),
});

export const certificateView = z
  .object({
    id: certificateId,
    status: statusName,
    type: typeName,
    issuer: z.object({ id: z.number().int(), name: z.string().optional(), country: z.string().optional() }),
    exportCountry: z.string(),
    importCountry: z.string().meta({ description: "Empty when the certificate names no importing country." }),
    validUntil: z.string().meta({ description: "ISO 8601; empty when open-ended." }),
    quantity: quantityView
      .optional()
      .meta({ description: "CoO only: what is certified and what is left to draw down." }),
    supersedes: certificateId.optional(),
    supersededBy: certificateId.optional(),
    batchRoot: z.string().optional(),
    issuedBlock: z.number().int(),
    issuedAt: z.string(),
    links: z.record(z.string(), z.string()),
  })
  .meta({ id: "Certificate" });

export const historyEntry = z
  .object({
    block: z.number().int(),
    logIndex: z.number().int(),
    time: z.string(),
    transaction: z.string(),
    event: z.string(),
    certificateId: z.string().optional(),
    authorityId: z.number().int().optional().meta({ description: "The acting authority (0: the accreditor)." }),
    args: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  })
  .meta({ id: "HistoryEntry" });

export const actionOutcome = z
  .object({
    status: z.enum(["CONFIRMED", "PENDING", "SENT"]),
    idempotencyKey: z.string(),
    transactionHash: z.string().optional(),
    blockNumber: z.number().int().optional(),
    lastError: z.string().optional().meta({ description: "Why it is still pending; the gateway keeps trying." }),
  })
  .meta({ id: "ActionOutcome" });

export const fragmentView = z.object({
  name: z.enum(["DOCUMENT_INTEGRITY", "DOCUMENT_STATUS", "ISSUER_IDENTITY", "USAGE"]),
  status: z.enum(["VALID", "INVALID", "SKIPPED", "UNAVAILABLE"]),
  reason: z.string(),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});

export const verificationView = z
  .object({
    certificateId: z.string(),
    status: z.enum(["VALID", "INVALID", "UNAVAILABLE"]),
    checkedAtBlock: z.number().int().optional(),
    checkedAtTime: z.number().int().optional(),
    fragments: z.array(fragmentView),
  })
  .meta({ id: "VerificationResult" });

export const reasonBody = z.strictObject({
  reasonCode: z.number().int().min(0).max(255).meta({ description: "The registry's reason code (0–255)." }),
  reasonText: z.string().max(2000).optional().meta({ description: "Free text; its hash goes on chain." }),
});

const json = (schema: z.ZodType, description: string) => ({ description, content: { "application/json": { schema } } });
const problemAnswer = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: problem } },
});

/** Answers most routes share. */
export const problems = {
  "400": problemAnswer("Malformed or invalid request, unknown fields."),
  "401": problemAnswer("Missing, malformed, forged or expired token."),
  "403": problemAnswer("The caller's role or country may not do this."),
  "404": problemAnswer("No such certificate or authority."),
  "409": problemAnswer("The lifecycle forbids it from the current status (named in currentStatus)."),
  "413": problemAnswer("Body larger than the limit."),
  "429": problemAnswer("Too many requests: wait and retry (see Retry-After)."),
  "503": problemAnswer("The chain, storage or database cannot be reached: retry later."),
};

export { json };
