import type { VerificationResult } from "../api/types";
import { dateTime } from "../text/labels";

const VERDICTS = {
  VALID: {
    title: "Valid",
    lead: "This certificate is registered, in force, and was issued by an accredited authority.",
    icon: "✓",
  },
  INVALID: { title: "Not valid", lead: "Do not rely on this certificate.", icon: "✕" },
  UNAVAILABLE: {
    title: "Cannot check now",
    lead:
      "Part of the registry could not be reached, so this check is not complete. This does not mean the certificate " +
      "is invalid: check again in a few minutes.",
    icon: "!",
  },
} as const;

/** The overall answer in plain words, with the sentence that decided it. */
export function Verdict({ result }: { result: VerificationResult }) {
  const verdict = VERDICTS[result.status];
  const deciding = result.fragments.find((fragment) => fragment.status === result.status);
  const unchecked = result.fragments.some(
    (fragment) => fragment.name === "DOCUMENT_INTEGRITY" && fragment.status === "SKIPPED",
  );
  const checkedAt = result.checkedAtTime ? new Date(result.checkedAtTime * 1000).toISOString() : undefined;
  return (
    <div class={`verdict verdict-${result.status.toLowerCase()}`} data-verdict={result.status}>
      <span class="verdict-icon" aria-hidden="true">
        {verdict.icon}
      </span>
      <div>
        <h2 class="verdict-title">{verdict.title}</h2>
        <p class="verdict-lead">{verdict.lead}</p>
        {result.status !== "VALID" && deciding && <p>{deciding.reason}</p>}
        {result.status === "VALID" && unchecked && (
          <p>To check that a paper copy or a file is this certificate, drop its file above.</p>
        )}
        {result.checkedAtBlock !== undefined && (
          <p class="muted small">
            Checked against the registry at block {result.checkedAtBlock}
            {checkedAt && `, ${dateTime(checkedAt)}`}.
          </p>
        )}
      </div>
    </div>
  );
}
