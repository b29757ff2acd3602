import type { CertificateFacts } from "./access-rules.js";
import type { Caller } from "./caller.js";

/**
 * Whether the caller sees the certificate among its consignment's (same WCO UCR): auditors all,
 * issuers their own, and the importing country's customs and NPPO every certificate of the
 * consignment, whichever of them acknowledges it, since clearance weighs the CoO and the ePhyto
 * together. Contents stay with the parties each document is encrypted for (`mayReadDocument`).
 */
export function maySeeInConsignment(caller: Caller, facts: CertificateFacts): boolean {
  switch (caller.role) {
    case "auditor":
    case "admin":
      return true;
    case "issuer":
      return caller.authorityId === facts.issuer;
    case "customs":
    case "nppo":
      return caller.country !== undefined && (facts.importCountry === "" || facts.importCountry === caller.country);
    case "accreditor":
      return false;
  }
}
