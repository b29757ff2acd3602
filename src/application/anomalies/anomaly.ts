/** What an anomaly report flags; see findAnomalies for how each is found. */
export const ANOMALY_KINDS = [
  "OVER_DRAW_ATTEMPT",
  "USE_IN_TWO_COUNTRIES",
  "INVOICE_MISMATCH",
  "ISSUANCE_BURST",
  "SUSPENDED_ISSUER",
] as const;
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

/** LOW: worth a look; MEDIUM: needs an explanation from the parties; HIGH: likely misuse. */
export type AnomalySeverity = "LOW" | "MEDIUM" | "HIGH";

/** One finding of an anomaly report: what, where, the figures behind it and a sentence saying why it matters. */
export interface Anomaly {
  kind: AnomalyKind;
  severity: AnomalySeverity;
  certificateId?: string;
  authorityId?: number;
  /** When it happened: the block time on chain, or when the gateway recorded the request (ISO 8601, UTC). */
  detectedAt: string;
  /** The block it happened in, for what happened on chain. */
  block?: number;
  evidence: Record<string, unknown>;
  explanation: string;
}

/** Unix seconds as ISO 8601 (UTC). */
export const isoTime = (seconds: number): string => new Date(seconds * 1000).toISOString();

/** "customs authority 5 (Douane Nederland, NL)", as explanations name an authority. */
export function authorityLabel(role: string, id: number, name: string | undefined, country?: string): string {
  const about = [name, country].filter((part) => part !== undefined && part !== "").join(", ");
  return `${role} ${id}${about === "" ? "" : ` (${about})`}`;
}
