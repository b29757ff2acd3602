import type { AuditPeriod, AuditQueries, BurstRule, IssuanceBurst } from "../ports/audit-queries.js";
import { authorityLabel, isoTime, type Anomaly } from "./anomaly.js";

/**
 * Windows in which an issuer issued more certificates than max(minimum, factor × its median per
 * window), the median taken over the windows in which it issued anything (so an issuer that
 * works a few hours a day is compared with its working hours, not with idle nights). Every batch
 * member counts. A burst can mean a stolen signing key or certificates issued without checks.
 */
export async function issuanceBursts(audit: AuditQueries, period: AuditPeriod, rule: BurstRule): Promise<Anomaly[]> {
  return (await audit.issuanceBursts(period, rule)).map((burst) => finding(burst, rule));
}

function finding(burst: IssuanceBurst, rule: BurstRule): Anomaly {
  const threshold = Math.max(rule.minimum, rule.factor * burst.median);
  const end = burst.windowStart + rule.windowSeconds;
  return {
    kind: "ISSUANCE_BURST",
    severity: burst.count > 2 * threshold ? "HIGH" : "MEDIUM",
    authorityId: burst.issuer,
    detectedAt: isoTime(burst.windowStart),
    block: burst.lastBlock,
    evidence: {
      windowStart: isoTime(burst.windowStart),
      windowEnd: isoTime(end),
      windowSeconds: rule.windowSeconds,
      count: burst.count,
      median: burst.median,
      threshold,
      minimum: rule.minimum,
      factor: rule.factor,
      firstBlock: burst.firstBlock,
      lastBlock: burst.lastBlock,
    },
    explanation:
      `${authorityLabel("Issuer", burst.issuer, burst.issuerName)} issued ${burst.count} certificates between ` +
      `${isoTime(burst.windowStart)} and ${isoTime(end)}, more than the burst threshold of ${threshold}: the larger ` +
      `of ${rule.minimum} and ${rule.factor} × its usual ${burst.median} per ${rule.windowSeconds} s window (the median ` +
      "over the windows in which it issued). A sudden burst can mean a stolen signing key or certificates issued " +
      "without the usual checks.",
  };
}
