import type { AuditPeriod, AuditQueries, InvoiceComparison } from "../ports/audit-queries.js";
import { authorityLabel, type Anomaly } from "./anomaly.js";

/**
 * Import declarations whose invoice value is further than `tolerance` (0.2 = 20 %) from what the
 * certificate of origin states for the quantity drawn down (its invoiced value pro rata), in the
 * same currency. Under-invoicing lowers the duties paid; over-invoicing moves money abroad.
 */
export async function invoiceMismatches(
  audit: AuditQueries,
  period: AuditPeriod,
  tolerance: number,
): Promise<Anomaly[]> {
  return (await audit.invoiceMismatches(period, tolerance)).map((comparison) => finding(comparison, tolerance));
}

function finding(comparison: InvoiceComparison, tolerance: number): Anomaly {
  const { declaration: d, unit } = comparison;
  const ratio = Number(comparison.ratio);
  const currency = d.invoiceCurrency ?? "";
  const direction = ratio < 1 ? "under-invoicing" : "over-invoicing";
  const customs = authorityLabel("Customs authority", d.authorityId, comparison.authorityName, d.country);
  const percent = (share: number): string => `${Math.round(share * 100)} %`;
  return {
    kind: "INVOICE_MISMATCH",
    severity: Math.abs(ratio - 1) >= 0.5 ? "HIGH" : "MEDIUM",
    certificateId: d.certificateId,
    authorityId: d.authorityId,
    detectedAt: d.createdAt.toISOString(),
    evidence: {
      declarationId: d.id,
      reference: d.reference,
      declaredValue: d.invoiceValue,
      currency,
      amount: d.amount,
      unit,
      invoicedValue: comparison.invoicedValue,
      certifiedQuantity: comparison.certifiedQuantity,
      expectedValue: comparison.expectedValue,
      ratio,
      tolerance,
      outcome: d.outcome,
    },
    explanation:
      `${customs} declared an invoice value of ${d.invoiceValue} ${currency} at import for ${d.amount} ${unit} ` +
      `drawn from certificate ${d.certificateId} (declaration "${d.reference}"); the certificate of origin states ` +
      `${comparison.invoicedValue} ${currency} for ${comparison.certifiedQuantity} ${unit}, that is ` +
      `${comparison.expectedValue} ${currency} for this quantity. The declared value is ${percent(ratio)} of it ` +
      `(ratio ${comparison.ratio}), beyond the ${percent(tolerance)} tolerance: possible ${direction}.`,
  };
}
