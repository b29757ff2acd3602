/**
 * A verification answer in parts, as customs rely on it at clearance: each fragment says what
 * was checked, the outcome and why. An unreachable chain or a missing document is UNAVAILABLE,
 * never INVALID: only evidence against a certificate makes it INVALID.
 */
export const FragmentName = {
  DOCUMENT_INTEGRITY: "DOCUMENT_INTEGRITY",
  DOCUMENT_STATUS: "DOCUMENT_STATUS",
  ISSUER_IDENTITY: "ISSUER_IDENTITY",
  USAGE: "USAGE",
} as const;
export type FragmentName = keyof typeof FragmentName;

export type FragmentStatus = "VALID" | "INVALID" | "SKIPPED" | "UNAVAILABLE";

export interface VerificationFragment {
  name: FragmentName;
  status: FragmentStatus;
  /** A sentence a customs officer can act on. */
  reason: string;
  /** What the check read, e.g. the status, remaining quantity, issuing key. */
  data?: Record<string, string | number | boolean | null>;
}

export interface VerificationResult {
  certificateId: string;
  /** INVALID if any fragment is; otherwise UNAVAILABLE if any is; otherwise VALID. */
  status: "VALID" | "INVALID" | "UNAVAILABLE";
  /** The block every chain read was made at; absent when the chain could not be reached. */
  checkedAtBlock?: number;
  checkedAtTime?: number;
  fragments: VerificationFragment[];
}

export function fragment(
  name: FragmentName,
  status: FragmentStatus,
  reason: string,
  data?: VerificationFragment["data"],
): VerificationFragment {
  return { name, status, reason, ...(data && { data }) };
}

/** The overall answer: evidence against the certificate wins, then anything that could not be checked. */
export function overallStatus(fragments: readonly VerificationFragment[]): VerificationResult["status"] {
  if (fragments.some((f) => f.status === "INVALID")) return "INVALID";
  if (fragments.some((f) => f.status === "UNAVAILABLE")) return "UNAVAILABLE";
  return "VALID";
}
