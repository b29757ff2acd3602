import { CertificateAction, CertificateStatus } from "../../domain/registry-types.js";
import type { AuditPeriod, AuditQueries, RefusedDrawdown } from "../ports/audit-queries.js";
import { unitsOfThousandths } from "../quantity-text.js";
import { readRefusalReason } from "../refusal-reason.js";
import { authorityLabel, type Anomaly } from "./anomaly.js";

/**
 * Drawdown requests the registry refused because they asked for more than the certificate had
 * left: beyond the remaining quantity, or on a certificate already exhausted.
 */
export async function overDrawAttempts(audit: AuditQueries, period: AuditPeriod): Promise<Anomaly[]> {
  const refused = await audit.refusedDrawdowns(period);
  return refused.flatMap((attempt) => {
    const remaining = remainingAtRefusal(attempt.reason);
    return remaining === undefined ? [] : [overDraw(attempt, remaining)];
  });
}

/** Thousandths left when the registry refused, or undefined when the refusal was for another reason. */
function remainingAtRefusal(reason: string | undefined): bigint | undefined {
  const refusal = reason === undefined ? undefined : readRefusalReason(reason);
  if (refusal?.error === "CertificateRegistryQuantityExceeded") return BigInt(refusal.args[1]);
  const exhausted =
    refusal?.error === "CertificateRegistryInvalidTransition" &&
    Number(refusal.args[1]) === CertificateStatus.EXHAUSTED &&
    Number(refusal.args[2]) === CertificateAction.DRAW_DOWN;
  return exhausted ? 0n : undefined;
}

function overDraw(attempt: RefusedDrawdown, remaining: bigint): Anomaly {
  const unit = attempt.certificate?.unit ?? "";
  const left = unitsOfThousandths(remaining);
  const certified = attempt.certificate && unitsOfThousandths(attempt.certificate.quantity);
  const customs = authorityLabel("Customs authority", attempt.authorityId, attempt.authorityName, attempt.country);
  return {
    kind: "OVER_DRAW_ATTEMPT",
    severity: "MEDIUM",
    certificateId: attempt.certificateId,
    authorityId: attempt.authorityId,
    detectedAt: attempt.createdAt.toISOString(),
    evidence: {
      declarationId: attempt.id,
      reference: attempt.reference,
      declarationHash: attempt.declarationHash,
      requested: attempt.amount,
      remaining: left,
      ...(certified !== undefined && { certified }),
      unit,
      country: attempt.country,
      reason: attempt.reason,
    },
    explanation:
      `${customs} asked to draw down ${attempt.amount} ${unit} of certificate ${attempt.certificateId} against ` +
      `import declaration "${attempt.reference}", but only ${left} ${unit}` +
      `${certified === undefined ? "" : ` of the ${certified} ${unit} certified`} were left, and the registry ` +
      "refused it. Asking for more than a certificate covers can mean it is being presented for more goods than " +
      "it was issued for.",
  };
}
