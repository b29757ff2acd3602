import { ValidationError } from "../domain/errors.js";
import { ANOMALY_KINDS, type Anomaly, type AnomalyKind } from "./anomalies/anomaly.js";
import { invoiceMismatches } from "./anomalies/invoice-mismatches.js";
import { issuanceBursts } from "./anomalies/issuance-bursts.js";
import { overDrawAttempts } from "./anomalies/over-draw-attempts.js";
import { suspendedIssuers } from "./anomalies/suspended-issuers.js";
import { useInTwoCountries } from "./anomalies/use-in-two-countries.js";
import type { GatewayContext } from "./gateway-context.js";
import { settlePendingDeclarations } from "./settle-pending-declarations.js";
import type { AuditPeriod, AuditQueries, BurstRule } from "./ports/audit-queries.js";

export { ANOMALY_KINDS, type Anomaly, type AnomalyKind, type AnomalySeverity } from "./anomalies/anomaly.js";

/** A declared invoice value more than 20 % off the certificate's (pro rata) is reported. */
export const DEFAULT_INVOICE_TOLERANCE = 0.2;

/**
 * An issuer is bursting when it issues more than 50 certificates in an hour and more than five
 * times its median hourly count: 50 keeps small issuers' busy days quiet, the factor scales with
 * large issuers' usual rate.
 */
export const DEFAULT_BURST_RULE: BurstRule = { windowSeconds: 3_600, minimum: 50, factor: 5 };

export interface AnomalyQuery {
  /** Unix seconds, inclusive: block time on chain, the recording time for drawdown requests. */
  from?: number;
  to?: number;
  /** Only these kinds; all when omitted. */
  kinds?: readonly AnomalyKind[];
  /** 0.2 = 20 % (see DEFAULT_INVOICE_TOLERANCE). */
  invoiceTolerance?: number;
  /** Overrides parts of DEFAULT_BURST_RULE. */
  burst?: Partial<BurstRule>;
}

interface Rules {
  invoiceTolerance: number;
  burst: BurstRule;
}

const FINDERS: Record<AnomalyKind, (audit: AuditQueries, period: AuditPeriod, rules: Rules) => Promise<Anomaly[]>> = {
  OVER_DRAW_ATTEMPT: overDrawAttempts,
  USE_IN_TWO_COUNTRIES: useInTwoCountries,
  INVOICE_MISMATCH: (audit, period, rules) => invoiceMismatches(audit, period, rules.invoiceTolerance),
  ISSUANCE_BURST: (audit, period, rules) => issuanceBursts(audit, period, rules.burst),
  SUSPENDED_ISSUER: suspendedIssuers,
};

/**
 * The auditor's anomaly report over a period: drawdown attempts beyond the quantity left, a
 * certificate used in two countries, invoice values declared at import far from the CoO's,
 * issuance bursts, certificates of suspended issuers. Each finding carries its evidence and a
 * sentence saying why it matters; they come in the order they happened.
 */
export async function findAnomalies(
  ctx: Pick<GatewayContext, "audit" | "declarations" | "outbox">,
  query: AnomalyQuery = {},
): Promise<Anomaly[]> {
  const period = checkedPeriod(query);
  const kinds = checkedKinds(query.kinds);
  const rules: Rules = {
    invoiceTolerance: positive("invoiceTolerance", query.invoiceTolerance ?? DEFAULT_INVOICE_TOLERANCE),
    burst: checkedBurstRule({ ...DEFAULT_BURST_RULE, ...query.burst }),
  };
  // Drawdowns sent without waiting count once the chain has answered them.
  await settlePendingDeclarations(ctx);
  const found = await Promise.all(kinds.map((kind) => FINDERS[kind](ctx.audit, period, rules)));
  return found.flat().sort((a, b) => a.detectedAt.localeCompare(b.detectedAt) || (a.block ?? 0) - (b.block ?? 0));
}

function checkedPeriod(query: AnomalyQuery): AuditPeriod {
  for (const [name, value] of [
    ["from", query.from],
    ["to", query.to],
  ] as const) {
    if (value !== undefined && !(Number.isSafeInteger(value) && value >= 0)) {
      throw new ValidationError(`"${name}" is a time in Unix seconds, a whole number ≥ 0; got ${value}.`);
    }
  }
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
    throw new ValidationError(`"from" (${query.from}) is after "to" (${query.to}); swap them.`);
  }
  return { from: query.from, to: query.to };
}

function checkedKinds(kinds: readonly AnomalyKind[] | undefined): AnomalyKind[] {
  if (kinds === undefined || kinds.length === 0) return [...ANOMALY_KINDS];
  const unknown = kinds.filter((kind) => !ANOMALY_KINDS.includes(kind));
  if (unknown.length > 0) {
    throw new ValidationError(`Unknown anomaly kind(s) ${unknown.join(", ")}; use ${ANOMALY_KINDS.join(", ")}.`);
  }
  return [...new Set(kinds)];
}

function positive(name: string, value: number): number {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new ValidationError(`"${name}" must be a number above 0; got ${value}.`);
  }
  return value;
}

function checkedBurstRule(rule: BurstRule): BurstRule {
  if (!(Number.isSafeInteger(rule.windowSeconds) && rule.windowSeconds >= 1)) {
    throw new ValidationError(`The burst window is a whole number of seconds ≥ 1; got ${rule.windowSeconds}.`);
  }
  if (!(Number.isFinite(rule.minimum) && rule.minimum >= 0)) {
    throw new ValidationError(`The burst minimum is a count ≥ 0; got ${rule.minimum}.`);
  }
  return { windowSeconds: rule.windowSeconds, minimum: rule.minimum, factor: positive("burst factor", rule.factor) };
}
