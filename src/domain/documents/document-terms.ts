import { certificateNumberHash, countryCode, unitCode } from "../certificate-terms.js";
import { ValidationError } from "../errors.js";
import { CertificateType, type CertificateTerms } from "../registry-types.js";
import type { CertificateDocument } from "./certificate-document.js";
import { chainQuantity } from "./chain-quantity.js";

const SECONDS_PER_DAY = 86_400n;

/**
 * What the registry commits to for a document whose digest is `digest`:
 * - validUntil: the registry treats a certificate as expired from `validUntil` on (it refuses
 *   `validUntil <= now`), and the document's validUntil is the last valid day, so the chain gets
 *   the first second after that day ends in UTC (midnight UTC of the next day); 0 when the
 *   document has no end (ePhyto).
 * - quantity and unit: a CoO's certified quantity in thousandths of its unit (chain-quantity.ts);
 *   0 and no unit for an ePhyto, which is not drawn down.
 * - importCountry: 0x0000 when the document names no importing country.
 */
export function documentTerms(doc: CertificateDocument, digest: string): CertificateTerms {
  return withDigest(undigestedTerms(doc), digest);
}

/** The terms but the digest, which the salt decides. */
export type UndigestedTerms = Omit<CertificateTerms, "digest">;

/** What `documentTerms` gives, but the digest. */
export function undigestedTerms(doc: CertificateDocument): UndigestedTerms {
  const coo = doc.kind === "COO";
  return {
    numberHash: certificateNumberHash(doc.certificateNumber),
    certificateType: CertificateType[doc.certificateType],
    exportCountry: countryCode(doc.exportCountry),
    importCountry: countryCode(doc.importCountry ?? ""),
    validUntil: doc.validUntil === undefined ? 0n : endOfDayUtc(doc.validUntil),
    quantity: coo ? chainQuantity(doc.certifiedQuantity.value) : 0n,
    unit: unitCode(coo ? doc.certifiedQuantity.unit : ""),
  };
}

/** The terms with their digest, checked to be a 0x-prefixed bytes32 and kept lowercase. */
export function withDigest(terms: UndigestedTerms, digest: string): CertificateTerms {
  if (!/^0x[0-9a-fA-F]{64}$/.test(digest)) {
    throw new ValidationError(
      `The digest must be a 0x-prefixed 32-byte hex string, as documentDigest() returns; got "${digest}".`,
      { digest },
    );
  }
  return { ...terms, digest: digest.toLowerCase() };
}

/** Unix seconds of midnight UTC after the given YYYY-MM-DD date. */
function endOfDayUtc(date: string): bigint {
  return BigInt(Date.parse(`${date}T00:00:00Z`) / 1000) + SECONDS_PER_DAY;
}
