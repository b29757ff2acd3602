import type { CertificateDocument } from "../documents/certificate-document.js";
import type { CertificateOfOrigin } from "../documents/certificate-of-origin.js";
import type { Invoice } from "../documents/consignment.js";
import type { Party } from "../documents/parties.js";
import type { PhytosanitaryCertificate } from "../documents/phytosanitary-certificate.js";
import type { Transport } from "../documents/transport.js";
import { CertificateType, isCoo } from "../registry-types.js";
import type { VerificationResult } from "../verification.js";
import { draftLines, type DraftLine } from "./draft-lines.js";
import { FieldComparison, type Disagreement, type DraftField, type Rule, type Source } from "./field-comparison.js";

/** A certificate of the consignment, as verified for the caller. */
export interface DraftCandidate {
  certificateId: string;
  certificateType: number;
  /** The registry status, e.g. "ISSUED" or "ACCEPTED", where known. */
  status?: string;
  /** As the registry records them; importCountry is "" when the certificate names none. */
  exportCountry: string;
  importCountry: string;
  verification: VerificationResult;
  /** The opened document, when the caller may read it; `verification` then checked these very contents. */
  document?: CertificateDocument;
  /** Why the contents are not used, when `document` is absent. */
  withheld?: string;
}

export interface UsedCertificate {
  certificateId: string;
  type: string;
  status?: string;
  certificateNumber?: string;
  issueDate?: string;
  checkedAtBlock?: number;
  /** DOCUMENT: its contents fill the draft; REGISTRY: only what the registry records (type, status, countries). */
  contents: "DOCUMENT" | "REGISTRY";
  note?: string;
}

export interface LeftOutCertificate {
  certificateId: string;
  type: string;
  status?: string;
  verdict: "INVALID" | "UNAVAILABLE";
  reason: string;
  checkedAtBlock?: number;
}

export interface PreferenceClaim {
  /** Whether a preferential certificate of origin backs the consignment. */
  claimed: boolean;
  certificateId: string;
  scheme?: DraftField<string>;
  cumulation?: DraftField<NonNullable<CertificateOfOrigin["cumulation"]>>;
}

export interface PhytoStatus {
  certificateId: string;
  type: string;
  status?: string;
  /** Acknowledged by the importing country's NPPO. */
  accepted: boolean;
  treatments?: PhytosanitaryCertificate["treatments"];
  additionalDeclarations?: PhytosanitaryCertificate["additionalDeclarations"];
  pointOfEntry?: PhytosanitaryCertificate["pointOfEntry"];
  reExport?: PhytosanitaryCertificate["reExport"];
}

/** An import declaration pre-filled from the consignment's certificates that verify. */
export interface DeclarationDraft {
  ucr: string;
  exportDeclaration?: DraftField<string>;
  consignor?: DraftField<Party>;
  consignee?: DraftField<Party>;
  exportCountry?: DraftField<string>;
  importCountry?: DraftField<string>;
  transport?: DraftField<Transport>;
  invoices?: DraftField<Invoice[]>;
  lines: DraftLine[];
  preference?: PreferenceClaim;
  phyto: PhytoStatus[];
  /** Fields the certificates state differently: the draft holds the first certificate's value (CoO before ePhyto). */
  disagreements: Disagreement[];
  used: UsedCertificate[];
  leftOut: LeftOutCertificate[];
}

const text: Rule<string> = { show: String };
const invoiceNumbers: Rule<Invoice[]> = {
  show: (invoices) =>
    invoices
      .map((i) => i.number)
      .sort()
      .join(", "),
};
const cumulationRule: Rule<NonNullable<CertificateOfOrigin["cumulation"]>> = {
  show: (c) => [c.type, ...(c.countries ?? [])].join(" "),
};
const typeName = (type: number): string =>
  Object.keys(CertificateType).find((name) => CertificateType[name as keyof typeof CertificateType] === type) ??
  String(type);
const isValid = (candidate: DraftCandidate): boolean => candidate.verification.status === "VALID";
const isOrigin = (candidate: DraftCandidate): boolean => isCoo(candidate.certificateType as CertificateType);
const sourceOf = <S>(candidate: DraftCandidate, of: S): Source<S> => ({
  certificateId: candidate.certificateId,
  type: typeName(candidate.certificateType),
  of,
});

/**
 * Builds the draft from the certificates that verify VALID only, CoOs first (origin, preference
 * and the commercial description are theirs to certify), then ePhytos. Every certificate left
 * out is listed with the verification's reason; every field the certificates disagree on is
 * flagged with each certificate's value.
 */
export function buildDeclarationDraft(input: { ucr: string; candidates: readonly DraftCandidate[] }): DeclarationDraft {
  const valid = [
    ...input.candidates.filter((c) => isValid(c) && isOrigin(c)),
    ...input.candidates.filter((c) => isValid(c) && !isOrigin(c)),
  ];
  const comparison = new FieldComparison();
  const registry = valid.map((c) => sourceOf(c, c));
  const documents = valid.flatMap((c) => (c.document ? [sourceOf(c, c.document)] : []));
  const transports = documents.flatMap((d) => (d.of.transport ? [{ ...d, of: d.of.transport }] : []));
  comparison.compare("transport.mode", transports, text, (t) => t.mode);
  comparison.compare("transport.voyageNumber", transports, text, (t) => t.voyageNumber);
  comparison.compare("transport.discharge", transports, text, (t) => t.discharge?.code ?? t.discharge?.name);

  const draft: Omit<DeclarationDraft, "lines" | "phyto" | "disagreements" | "used" | "leftOut"> = {
    ucr: input.ucr,
    exportDeclaration: comparison.settle("exportDeclaration", documents, text, (d) => d.exportDeclaration),
    consignor: settleParty("consignor", documents, comparison, (d) => d.exporter),
    consignee: settleParty("consignee", documents, comparison, (d) => d.consignee),
    exportCountry: comparison.settle("exportCountry", registry, text, (c) => c.exportCountry),
    importCountry: comparison.settle("importCountry", registry, text, (c) => c.importCountry || undefined),
    transport: comparison.pick(transports, (t) => t),
    invoices: comparison.settle("invoices", documents, invoiceNumbers, (d) => d.invoices),
  };
  const lines = draftLines(
    documents.filter((s): s is Source<CertificateOfOrigin> => s.of.kind === "COO"),
    documents.filter((s): s is Source<PhytosanitaryCertificate> => s.of.kind === "PHYTO"),
    comparison,
  );
  const preference = preferenceClaim(valid, comparison);
  return {
    ...(Object.fromEntries(Object.entries(draft).filter(([, field]) => field !== undefined)) as typeof draft),
    lines,
    ...(preference && { preference }),
    phyto: valid.filter((c) => !isOrigin(c)).map(phytoStatus),
    disagreements: comparison.disagreements,
    used: valid.map(usedCertificate),
    leftOut: input.candidates.filter((c) => !isValid(c)).map(leftOut),
  };
}

/** The first party stated, after flagging names or countries that differ. */
function settleParty(
  field: string,
  documents: Source<CertificateDocument>[],
  comparison: FieldComparison,
  party: (document: CertificateDocument) => Party,
): DraftField<Party> | undefined {
  comparison.compare(`${field}.name`, documents, text, (d) => party(d).name);
  comparison.compare(`${field}.country`, documents, text, (d) => party(d).country);
  return comparison.pick(documents, party);
}

function preferenceClaim(valid: DraftCandidate[], comparison: FieldComparison): PreferenceClaim | undefined {
  const origin = valid.filter(isOrigin);
  const preferential = origin.filter((c) => c.certificateType === CertificateType.COO_PREFERENTIAL);
  const claim = preferential[0] ?? origin[0];
  if (!claim) return undefined;
  const documents = preferential.flatMap((c) => (c.document?.kind === "COO" ? [sourceOf(c, c.document)] : []));
  const scheme = comparison.settle("preference.scheme", documents, text, (d) => d.preferenceScheme);
  const cumulation = comparison.settle("preference.cumulation", documents, cumulationRule, (d) => d.cumulation);
  return {
    claimed: preferential.length > 0,
    certificateId: claim.certificateId,
    ...(scheme && { scheme }),
    ...(cumulation && { cumulation }),
  };
}

function phytoStatus(candidate: DraftCandidate): PhytoStatus {
  const document = candidate.document?.kind === "PHYTO" ? candidate.document : undefined;
  return {
    certificateId: candidate.certificateId,
    type: typeName(candidate.certificateType),
    ...(candidate.status && { status: candidate.status }),
    accepted: candidate.status === "ACCEPTED",
    ...(document?.treatments && { treatments: document.treatments }),
    ...(document?.additionalDeclarations && { additionalDeclarations: document.additionalDeclarations }),
    ...(document?.pointOfEntry && { pointOfEntry: document.pointOfEntry }),
    ...(document?.reExport && { reExport: document.reExport }),
  };
}

function usedCertificate(candidate: DraftCandidate): UsedCertificate {
  const { document } = candidate;
  return {
    certificateId: candidate.certificateId,
    type: typeName(candidate.certificateType),
    ...(candidate.status && { status: candidate.status }),
    ...(document && { certificateNumber: document.certificateNumber, issueDate: document.issueDate }),
    ...(candidate.verification.checkedAtBlock !== undefined && {
      checkedAtBlock: candidate.verification.checkedAtBlock,
    }),
    contents: document ? "DOCUMENT" : "REGISTRY",
    ...(!document && candidate.withheld && { note: candidate.withheld }),
  };
}

function leftOut(candidate: DraftCandidate): LeftOutCertificate {
  const { verification } = candidate;
  const verdict = verification.status === "UNAVAILABLE" ? "UNAVAILABLE" : "INVALID";
  // The overall verdict is that of its worst fragments: they say why.
  const failing = verification.fragments.filter((f) => f.status === verdict);
  return {
    certificateId: candidate.certificateId,
    type: typeName(candidate.certificateType),
    ...(candidate.status && { status: candidate.status }),
    verdict,
    reason: failing.map((f) => `${f.name}: ${f.reason}`).join(" "),
    ...(verification.checkedAtBlock !== undefined && { checkedAtBlock: verification.checkedAtBlock }),
  };
}
