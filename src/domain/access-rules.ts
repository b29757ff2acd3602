/**
 * Who may do what, decided from the caller's claims and the certificate's registry facts. The
 * registry enforces the same on chain; checking here first gives a clear 403 and spends nothing.
 */
import type { Caller, CallerRole } from "./caller.js";
import { ForbiddenError } from "./errors.js";
import { isCoo, type CertificateType } from "./registry-types.js";

/** The registry facts the rules look at. */
export interface CertificateFacts {
  id: string;
  issuer: number;
  certificateType: number;
  exportCountry: string;
  importCountry: string;
}

/** The importing side that acknowledges a certificate: customs for a CoO, the NPPO for an ePhyto. */
export function acknowledgerRole(certificateType: number): CallerRole {
  return isCoo(certificateType as CertificateType) ? "customs" : "nppo";
}

const importingCountryMatches = (caller: Caller, facts: CertificateFacts): boolean =>
  caller.country !== undefined && (facts.importCountry === "" || facts.importCountry === caller.country);

/** The issuing authority itself. */
export function requireIssuerOf(caller: Caller, facts: CertificateFacts): void {
  if (caller.role === "issuer" && caller.authorityId === facts.issuer) return;
  throw new ForbiddenError(
    `Only the issuing authority (${facts.issuer}) acts on certificate ${facts.id}; your token is for ` +
      `${describe(caller)}. Sign in as the issuer, or ask it to act.`,
  );
}

/** The importing country's customs (CoO) or NPPO (ePhyto): accept and reject. */
export function requireAcknowledger(caller: Caller, facts: CertificateFacts): void {
  const role = acknowledgerRole(facts.certificateType);
  if (caller.role === role && importingCountryMatches(caller, facts)) return;
  throw new ForbiddenError(
    `Certificate ${facts.id} is acknowledged by the ${role} of ${facts.importCountry || "the importing country"}; ` +
      `your token is for ${describe(caller)}.`,
  );
}

/** The importing country's customs: drawdowns of a CoO. */
export function requireDrawer(caller: Caller, facts: CertificateFacts): void {
  if (caller.role === "customs" && importingCountryMatches(caller, facts)) return;
  throw new ForbiddenError(
    `Only the customs of ${facts.importCountry || "the importing country"} draw down certificate ${facts.id}; ` +
      `your token is for ${describe(caller)}.`,
  );
}

/** Whether the caller is one of the parties the document is encrypted for. */
export function mayReadDocument(caller: Caller, facts: CertificateFacts): boolean {
  if (caller.role === "auditor" || caller.role === "admin") return true;
  if (caller.role === "issuer") return caller.authorityId === facts.issuer;
  return caller.role === acknowledgerRole(facts.certificateType) && importingCountryMatches(caller, facts);
}

export function requireReader(caller: Caller, facts: CertificateFacts): void {
  if (mayReadDocument(caller, facts)) return;
  throw new ForbiddenError(
    `The document of certificate ${facts.id} is readable by its issuer, the importing ${acknowledgerRole(facts.certificateType)} ` +
      `of ${facts.importCountry || "the importing country"} and auditors; your token is for ${describe(caller)}.`,
  );
}

/** Whether the caller sees the certificate in listings and its full history. */
export function maySee(caller: Caller, facts: CertificateFacts): boolean {
  if (mayReadDocument(caller, facts)) return true;
  return caller.role === "accreditor" && caller.country === facts.exportCountry;
}

/** What a search is narrowed to for the caller: their own, their country's incoming, or everything. */
export function searchScope(caller: Caller): {
  issuer?: number;
  importCountry?: string;
  exportCountry?: string;
  kind?: "COO" | "PHYTO";
} {
  switch (caller.role) {
    case "issuer":
      return { issuer: caller.authorityId };
    case "customs":
      return { importCountry: caller.country, kind: "COO" };
    case "nppo":
      return { importCountry: caller.country, kind: "PHYTO" };
    case "accreditor":
      return { exportCountry: caller.country };
    case "auditor":
    case "admin":
      return {};
  }
}

/** Roles allowed, e.g. auditors and admins for anomaly reports. */
export function requireRole(caller: Caller, roles: readonly CallerRole[], what: string): void {
  if (roles.includes(caller.role)) return;
  throw new ForbiddenError(`${what} is for ${roles.join(" or ")} tokens; your token is for ${describe(caller)}.`);
}

function describe(caller: Caller): string {
  const authority = caller.authorityId === undefined ? "" : ` authority ${caller.authorityId}`;
  const country = caller.country === undefined ? "" : ` of ${caller.country}`;
  return `${caller.role}${authority}${country}`;
}
