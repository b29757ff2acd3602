import { countryCode, unitCode } from "../domain/certificate-terms.js";
import type { CertificateTerms } from "../domain/registry-types.js";
import type { IndexedCertificate } from "./ports/registry-index.js";

/** The terms a certificate's record commits to, rebuilt from its indexed issuance event. */
export function indexedTerms(certificate: IndexedCertificate): CertificateTerms {
  return {
    numberHash: certificate.numberHash,
    digest: certificate.digest,
    certificateType: certificate.certificateType as CertificateTerms["certificateType"],
    exportCountry: countryCode(certificate.exportCountry),
    importCountry: countryCode(certificate.importCountry),
    validUntil: BigInt(certificate.validUntil),
    quantity: certificate.quantity,
    unit: unitCode(certificate.unit),
  };
}
