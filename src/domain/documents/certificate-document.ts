import { z } from "zod";
import { ValidationError } from "../errors.js";
import { certificateOfOriginSchema } from "./certificate-of-origin.js";
import { compact } from "./normalize.js";
import { phytosanitaryCertificateSchema } from "./phytosanitary-certificate.js";

/**
 * A certificate document of either kind, normalized: parsing the same certificate written in
 * any accepted form gives the same value (see normalize.ts), and so the same digest.
 */
export const certificateDocumentSchema = z
  .discriminatedUnion("kind", [certificateOfOriginSchema, phytosanitaryCertificateSchema], {
    error: (issue) =>
      issue.input !== null && typeof issue.input === "object"
        ? 'expected kind "COO" (certificate of origin) or "PHYTO" (phytosanitary certificate)'
        : 'expected a certificate document: an object with kind "COO" or "PHYTO"',
  })
  .transform(compact);
export type CertificateDocument = z.infer<typeof certificateDocumentSchema>;
export type CertificateDocumentInput = z.input<typeof certificateDocumentSchema>;
export type CertificateKind = CertificateDocument["kind"];

/** How many problems the error's message lists; `details.issues` holds them all. */
const LISTED_PROBLEMS = 5;

/**
 * Validates and normalizes a certificate document of either kind. Throws `ValidationError` whose
 * message names the first problems (field and what is expected) and whose `details.issues` holds
 * every zod issue.
 */
export function parseCertificateDocument(input: unknown): CertificateDocument {
  const result = certificateDocumentSchema.safeParse(input, { error: fallbackMessage });
  if (result.success) return result.data;
  const problems = result.error.issues.map(describe);
  const listed = problems.slice(0, LISTED_PROBLEMS).join("; ");
  const more = problems.length - LISTED_PROBLEMS;
  throw new ValidationError(
    `The certificate document is not valid: ${listed}${more > 0 ? `; and ${more} more` : ""}. ` +
      "Correct these fields and send the document again.",
    { issues: result.error.issues },
    { cause: result.error },
  );
}

/** Messages for the issues the schemas leave to zod's defaults. */
function fallbackMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === "unrecognized_keys") {
    return `unknown field${issue.keys.length > 1 ? "s" : ""}: check the spelling, or remove ${issue.keys.length > 1 ? "them" : "it"}`;
  }
  if (issue.code === "invalid_type") {
    if (issue.input === undefined) return "required";
    return issue.expected === "array"
      ? "expected a list"
      : `expected ${issue.expected === "object" ? "an object" : issue.expected}`;
  }
  return undefined;
}

/** "items[0].hsCode: expected …"; an unknown field is named by its own path. */
function describe(issue: z.core.$ZodIssue): string {
  const paths = issue.code === "unrecognized_keys" ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
  return `${paths.map(fieldName).join(", ")}: ${issue.message}`;
}

function fieldName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "document";
  return path
    .map((part, index) => (typeof part === "number" ? `[${part}]` : `${index === 0 ? "" : "."}${String(part)}`))
    .join("");
}
