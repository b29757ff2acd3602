import { expect } from "chai";
import { certificateNumberHash, countryCode, unitCode } from "../../../src/domain/certificate-terms.js";
import { ValidationError } from "../../../src/domain/errors.js";
import { CertificateType } from "../../../src/domain/registry-types.js";
import { chainQuantity } from "../../../src/domain/documents/chain-quantity.js";
import { documentDigest } from "../../../src/domain/documents/document-digest.js";
import { documentTerms } from "../../../src/domain/documents/document-terms.js";
import { sampleCertificateOfOrigin, samplePhytosanitaryCertificate } from "../../fixtures/documents.js";

const SALT = "00112233445566778899aabbccddeeff";

describe("document terms", function () {
  it("a certificate of origin's terms are what the certificate-terms helpers compute", function () {
    const coo = sampleCertificateOfOrigin();
    const digest = documentDigest(coo, SALT);
    expect(documentTerms(coo, digest)).to.deep.equal({
      numberHash: certificateNumberHash("PK-KCCI-2026-004217"),
      digest,
      certificateType: CertificateType.COO_PREFERENTIAL,
      exportCountry: countryCode("PK"),
      importCountry: countryCode("DE"),
      // valid through 2027-03-01: expired from midnight UTC that ends the day
      validUntil: BigInt(Date.UTC(2027, 2, 2) / 1000),
      quantity: 11_070_000n,
      unit: unitCode("KGM"),
    });
  });

  it("a phytosanitary certificate has no end, no quantity and no unit", function () {
    const phyto = samplePhytosanitaryCertificate();
    const digest = documentDigest(phyto, SALT);
    expect(documentTerms(phyto, digest)).to.deep.equal({
      numberHash: certificateNumberHash("KE-EPH-2026-0158732"),
      digest,
      certificateType: CertificateType.PHYTO,
      exportCountry: countryCode("KE"),
      importCountry: countryCode("NL"),
      validUntil: 0n,
      quantity: 0n,
      unit: "0x000000",
    });
  });

  it("a re-export certificate and a non-preferential certificate keep their types", function () {
    const reExport = samplePhytosanitaryCertificate({
      certificateType: "PHYTO_REEXPORT",
      reExport: { originalCertificateNumber: "ZA-2026-77120", originCountry: "ZA" },
    });
    expect(documentTerms(reExport, documentDigest(reExport, SALT)).certificateType).to.equal(
      CertificateType.PHYTO_REEXPORT,
    );
    const plain = sampleCertificateOfOrigin({ certificateType: "COO_NONPREFERENTIAL", preferenceScheme: undefined });
    expect(documentTerms(plain, documentDigest(plain, SALT)).certificateType).to.equal(
      CertificateType.COO_NONPREFERENTIAL,
    );
  });

  it("a certificate naming no importing country has importCountry 0x0000", function () {
    const coo = sampleCertificateOfOrigin({ importCountry: undefined });
    expect(documentTerms(coo, documentDigest(coo, SALT)).importCountry).to.equal("0x0000");
  });

  it("a certified quantity with decimals is counted in thousandths of its unit", function () {
    const coo = sampleCertificateOfOrigin({ certifiedQuantity: { value: "12.345", unit: "TNE" } });
    const terms = documentTerms(coo, documentDigest(coo, SALT));
    expect(terms.quantity).to.equal(12_345n);
    expect(terms.unit).to.equal(unitCode("TNE"));
    expect(chainQuantity("0.5")).to.equal(500n);
    expect(chainQuantity("7.1200")).to.equal(7_120n);
  });

  it("a quantity the registry cannot count exactly is refused, not rounded", function () {
    expect(() => chainQuantity("1.2345")).to.throw(ValidationError, "more than 3 decimals");
    expect(() => chainQuantity(String(2n ** 96n))).to.throw(ValidationError, "too large");
    expect(() => chainQuantity("1e3")).to.throw(ValidationError, "not a non-negative decimal");
  });

  it("a digest that is not 32 bytes of hex is refused", function () {
    const coo = sampleCertificateOfOrigin();
    expect(() => documentTerms(coo, "0x1234")).to.throw(ValidationError, "0x-prefixed 32-byte hex");
  });
});
