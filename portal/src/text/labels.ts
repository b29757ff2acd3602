/** The registry's codes in the words a customs officer or a clerk uses. */

export const STATUS_LABELS: Record<string, string> = {
  ISSUED: "Issued, in force",
  SUSPENDED: "Suspended",
  REVOKED: "Revoked",
  SUPERSEDED: "Replaced",
  ACCEPTED: "Accepted by the importing country",
  REJECTED: "Rejected by the importing country",
  EXHAUSTED: "Quantity fully used",
};

/** Short forms for badges and table cells, where the context says the rest. */
export const STATUS_SHORT_LABELS: Record<string, string> = {
  ISSUED: "In force",
  SUSPENDED: "Suspended",
  REVOKED: "Revoked",
  SUPERSEDED: "Replaced",
  ACCEPTED: "Accepted",
  REJECTED: "Rejected",
  EXHAUSTED: "Used up",
};

export const TYPE_SHORT_LABELS: Record<string, string> = {
  COO_NONPREFERENTIAL: "Origin, non-preferential",
  COO_PREFERENTIAL: "Origin, preferential",
  PHYTO: "Phytosanitary",
  PHYTO_REEXPORT: "Phytosanitary, re-export",
};

export const TYPE_LABELS: Record<string, string> = {
  COO_NONPREFERENTIAL: "Certificate of origin (non-preferential)",
  COO_PREFERENTIAL: "Certificate of origin (preferential)",
  PHYTO: "Phytosanitary certificate",
  PHYTO_REEXPORT: "Phytosanitary certificate for re-export",
};

export const FRAGMENT_LABELS: Record<string, string> = {
  DOCUMENT_INTEGRITY: "The document matches what was registered",
  DOCUMENT_STATUS: "The certificate is in force",
  ISSUER_IDENTITY: "The issuer was accredited and its key valid when it issued",
  USAGE: "Quantity left and use by the importing country",
};

export const CHECK_LABELS: Record<string, string> = {
  VALID: "Passed",
  INVALID: "Failed",
  SKIPPED: "Not checked",
  UNAVAILABLE: "Cannot check now",
};

export const EVENT_LABELS: Record<string, string> = {
  CertificateIssued: "Issued",
  CertificateSuspended: "Suspended",
  CertificateReinstated: "Reinstated",
  CertificateRevoked: "Revoked",
  CertificateSuperseded: "Replaced by a new certificate",
  CertificateAccepted: "Accepted by the importing country",
  CertificateRejected: "Rejected by the importing country",
  CertificateDrawnDown: "Quantity drawn down against a declaration",
  CertificateExhausted: "Quantity fully used",
  BatchAnchored: "Batch anchored",
  BatchRevoked: "Batch revoked",
  BatchLeafRecorded: "Batch member recorded",
  AuthorityRegistered: "Authority registered",
  AuthorityCertificateTypesChanged: "Certificate types changed",
  AuthoritySuspended: "Authority suspended",
  AuthorityReinstated: "Authority reinstated",
  AuthorityWithdrawn: "Authority withdrawn",
  SigningKeyAdded: "Signing key added",
  SigningKeyRotated: "Signing key rotated",
  SigningKeyRevoked: "Signing key revoked",
};

export const AUTHORITY_STATUS_LABELS: Record<string, string> = {
  ACTIVE: "Accredited",
  SUSPENDED: "Suspended",
  WITHDRAWN: "Withdrawn",
};

export const KIND_LABELS: Record<string, string> = {
  CHAMBER: "Chamber of commerce",
  NPPO: "Plant protection organisation (NPPO)",
  CUSTOMS: "Customs",
  AUDITOR: "Auditor",
};

export const ROLE_LABELS: Record<string, string> = {
  issuer: "Issuer",
  customs: "Customs",
  nppo: "Plant protection (NPPO)",
  accreditor: "Accreditor",
  auditor: "Auditor",
  admin: "Administrator",
};

/**
 * The reason codes this portal offers. The registry records a number (0–255) and the hash of the
 * free text; these are the portal's names for the numbers it sends.
 */
export const REASON_CODES: readonly { code: number; label: string }[] = [
  { code: 1, label: "Issued in error" },
  { code: 2, label: "Data wrong or incomplete" },
  { code: 3, label: "Goods not shipped or shipment changed" },
  { code: 4, label: "Fraud or forgery suspected" },
  { code: 5, label: "Requested by the exporter" },
  { code: 6, label: "Does not meet the import requirements" },
  { code: 0, label: "Other (explain below)" },
];

export const reasonLabel = (code: unknown): string =>
  REASON_CODES.find((reason) => reason.code === Number(code))?.label ?? `Reason code ${String(code)}`;

export const labelOf = (labels: Record<string, string>, code: string | undefined): string =>
  code === undefined ? "" : (labels[code] ?? code);

/** 0xabcd…ef12: enough of an id to tell certificates apart on screen. */
export const shortId = (id: string): string => (id.length > 20 ? `${id.slice(0, 10)}…${id.slice(-6)}` : id);

/** A date-time as the reader's locale writes it, or "" when there is none. */
export function dateTime(iso: string | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

export function dateOnly(iso: string | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(undefined, { dateStyle: "medium" });
}

/** A registry quantity (thousandths of the unit, as events carry it) as a decimal: 2500500 → "2500.5". */
export function fromThousandths(value: string | number | boolean): string {
  if (typeof value === "boolean" || !/^\d+$/.test(String(value))) return String(value);
  const digits = String(value).padStart(4, "0");
  const fraction = digits.slice(-3).replace(/0+$/, "");
  const whole = digits.slice(0, -3).replace(/^0+(?=\d)/, "");
  return fraction ? `${whole}.${fraction}` : whole;
}

export const ANOMALY_LABELS: Record<string, string> = {
  OVER_DRAW_ATTEMPT: "Drawdown beyond the quantity left",
  USE_IN_TWO_COUNTRIES: "Used in two countries",
  INVOICE_MISMATCH: "Invoice value far from the certificate's",
  ISSUANCE_BURST: "Burst of issuance",
  SUSPENDED_ISSUER: "In force from a suspended issuer",
};
