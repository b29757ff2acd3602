import type { VerificationResult } from "../domain/verification.js";

const VERDICT: Record<VerificationResult["status"], string> = {
  VALID: "VALID: the certificate is genuine and in force, from an issuer accredited for it when it was issued.",
  INVALID: "INVALID: do not rely on this certificate (see the fragments marked INVALID).",
  UNAVAILABLE: "UNAVAILABLE: it cannot be checked now (nothing was found against the certificate); try again later.",
};

/**
 * The verification as lines a customs officer reads: each fragment with its reason (and, with
 * `details`, what it read), then the verdict.
 */
export function verificationReport(result: VerificationResult, details = false): string[] {
  const lines = [`Certificate ${result.certificateId || "(not in the registry)"}`];
  for (const fragment of result.fragments) {
    lines.push(`  ${fragment.name.padEnd(18)} ${fragment.status.padEnd(11)} ${fragment.reason}`);
    if (!details) continue;
    for (const [key, value] of Object.entries(fragment.data ?? {})) {
      if (value !== null && value !== "") lines.push(`  ${"".padEnd(30)} ${key}: ${String(value)}`);
    }
  }
  if (result.checkedAtBlock !== undefined) {
    const time = result.checkedAtTime === undefined ? "" : ` (${new Date(result.checkedAtTime * 1000).toISOString()})`;
    lines.push(`Checked at block ${result.checkedAtBlock}${time}.`);
  }
  lines.push(VERDICT[result.status]);
  return lines;
}

/** The verdict line alone, for when no result could be had. */
export function verdictLine(status: VerificationResult["status"]): string {
  return VERDICT[status];
}
