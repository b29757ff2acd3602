import type { CertificateDocument } from "./certificate-document.js";

/**
 * Figures an auditor compares with what importing customs declare, read from a parsed document:
 * kind, countries, the export declaration and, for a CoO, the certified quantity and the invoiced
 * value. The invoiced value is the sum of the invoices, given only when every invoice states a
 * value in one currency: a partial or mixed-currency sum would mislead a comparison.
 */
export function documentFacts(document: CertificateDocument): Record<string, string> {
  const facts: Record<string, string> = { kind: document.kind, exportCountry: document.exportCountry };
  if (document.importCountry) facts.importCountry = document.importCountry;
  if (document.exportDeclaration) facts.exportDeclaration = document.exportDeclaration;
  if (document.kind !== "COO") return facts;
  facts.certifiedQuantity = document.certifiedQuantity.value;
  facts.certifiedUnit = document.certifiedQuantity.unit;
  const values = (document.invoices ?? []).map((invoice) => invoice.value);
  const currency = values[0]?.currency;
  if (currency !== undefined && values.every((v) => v?.currency === currency)) {
    facts.invoiceValue = sumDecimals(values.map((v) => v!.amount));
    facts.invoiceCurrency = currency;
  }
  return facts;
}

/** The exact sum of canonical non-negative decimals ("186420", "0.5"), as a canonical decimal. */
function sumDecimals(values: readonly string[]): string {
  const scale = Math.max(0, ...values.map((v) => v.split(".")[1]?.length ?? 0));
  const scaled = (value: string): bigint => {
    const [whole, fraction = ""] = value.split(".");
    return BigInt(whole + fraction.padEnd(scale, "0"));
  };
  const digits = values
    .reduce((sum, v) => sum + scaled(v), 0n)
    .toString()
    .padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, "");
  return fraction === "" ? whole : `${whole}.${fraction}`;
}
