import { expect } from "chai";
import { ValidationError } from "../../../src/domain/errors.js";
import { parseCertificateDocument } from "../../../src/domain/documents/certificate-document.js";
import {
  numberedCertificates,
  sampleCertificateOfOrigin,
  samplePhytosanitaryCertificate,
} from "../../fixtures/documents.js";

/** Parses `input`, expecting a ValidationError whose message contains every fragment. */
function refused(input: unknown, ...fragments: string[]): ValidationError {
  let caught: unknown;
  try {
    parseCertificateDocument(input);
  } catch (error) {
    caught = error;
  }
  expect(caught, "the document should have been refused").to.be.instanceOf(ValidationError);
  const error = caught as ValidationError;
  for (const fragment of fragments) expect(error.message).to.contain(fragment);
  return error;
}

describe("certificate documents", function () {
  const coo = sampleCertificateOfOrigin();
  const phyto = samplePhytosanitaryCertificate();

  describe("the samples", function () {
    it("a Pakistani chamber's certificate of origin parses with all its content", function () {
      expect(coo.kind).to.equal("COO");
      expect(coo.certificateType).to.equal("COO_PREFERENTIAL");
      expect(coo.items.map((item) => item.hsCode)).to.deep.equal(["630231", "630221"]);
      expect(coo.certifiedQuantity).to.deep.equal({ value: "11070", unit: "KGM" });
      expect(coo.invoices?.[0].value).to.deep.equal({ amount: "186420", currency: "EUR" });
      expect(coo.transport?.containers).to.deep.equal([{ number: "MSCU4417305", seals: ["PK2290114"] }]);
      expect(coo.consignee.identifiers).to.deep.equal([{ scheme: "EORI", value: "DE123456789012345" }]);
    });

    it("a Kenyan NPPO's phytosanitary certificate parses with its treatment and origin", function () {
      expect(phyto.kind).to.equal("PHYTO");
      expect(phyto.validUntil).to.equal(undefined);
      expect(phyto.treatments?.[0]).to.include({ type: "Spray", chemical: "Spinosad", date: "2026-03-02" });
      expect(phyto.items[0].placesOfOrigin).to.deep.equal([
        { country: "KE", region: "Nakuru County", place: "Naivasha" },
      ]);
      expect(phyto.pointOfEntry).to.deep.equal({ code: "NLAMS", name: "Schiphol" });
    });

    it("numbered certificates are valid and all have different numbers", function () {
      const first = numberedCertificates("COO", 50);
      const second = numberedCertificates("COO", 50);
      const numbers = new Set([...first, ...second].map((doc) => doc.certificateNumber));
      expect(numbers.size).to.equal(100);
      for (const doc of [first[0], second[49]]) expect(parseCertificateDocument(doc)).to.deep.equal(doc);
      expect(numberedCertificates("PHYTO", 3).every((doc) => doc.kind === "PHYTO")).to.be.true;
    });
  });

  describe("refusals", function () {
    it("an unknown field is refused with a message naming it", function () {
      const error = refused({ ...coo, exportCounty: "PK" }, "exportCounty: unknown field");
      expect(error.code).to.equal("VALIDATION_FAILED");
      refused({ ...coo, items: [{ ...coo.items[0], hsCod: "630231" }] }, "items[0].hsCod: unknown field");
    });

    it("a misspelt field in an otherwise empty object is still refused", function () {
      refused({ ...coo, producer: { nmae: "" } }, "producer.nmae: unknown field", "producer.name: required");
    });

    it("a bad country code is refused, saying ISO 3166-1 alpha-2 is expected", function () {
      refused({ ...coo, exportCountry: "Pakistan" }, "exportCountry: expected an ISO 3166-1 alpha-2 country code");
      refused(
        { ...coo, importCountry: "XX" },
        'importCountry: "XX" is not an assigned ISO 3166-1 alpha-2 country code',
      );
      refused({ ...coo, consignee: { ...coo.consignee, country: "UK" } }, "consignee.country:", '"UK"');
    });

    it("a bad HS code is refused, saying 6 to 10 digits are expected", function () {
      const item = coo.items[0];
      for (const hsCode of ["6302", "63023100001", "63A231", 630231]) {
        refused({ ...coo, items: [{ ...item, hsCode }] }, "items[0].hsCode: expected an HS code of 6 to 10 digits");
      }
    });

    it("a bad currency is refused, saying ISO 4217 is expected", function () {
      const invoice = { number: "1", value: { amount: "10", currency: "EURO" } };
      refused({ ...coo, invoices: [invoice] }, "invoices[0].value.currency: expected an ISO 4217 currency code");
    });

    it("bad dates are refused, saying YYYY-MM-DD is expected or the day does not exist", function () {
      refused({ ...coo, issueDate: "03/02/2026" }, 'issueDate: expected a date as YYYY-MM-DD, e.g. "2026-03-14"');
      refused({ ...coo, issueDate: "2026-02-30" }, "issueDate: 2026-02-30 is not a day of the calendar");
      refused({ ...coo, validUntil: "2026-13-01" }, "validUntil: 2026-13-01 is not a day of the calendar");
    });

    it("decimals with thousands separators, exponents, signs or no value are refused", function () {
      const weight = (value: unknown) => ({ ...coo, items: [{ ...coo.items[0], netWeight: { value, unit: "KGM" } }] });
      for (const value of ["1,250.5", "1.25e3", 1e21, -1, "-1", Number.NaN, "", "12.", ".5", true]) {
        refused(weight(value), "items[0].netWeight.value:", "decimal number");
      }
    });

    it("a missing required field is reported as required", function () {
      const { exporter: _exporter, ...withoutExporter } = coo;
      refused(withoutExporter, "exporter: required");
      refused({ ...coo, certificateNumber: "   " }, "certificateNumber: required; must not be blank");
    });

    it("a document of neither kind, or not an object, is refused", function () {
      refused({ ...coo, kind: "EUR1" }, 'kind: expected kind "COO" (certificate of origin) or "PHYTO"');
      refused("PK-KCCI-2026-004217", "document: expected a certificate document");
      refused(
        { ...coo, certificateType: "PHYTO" },
        'certificateType: expected "COO_NONPREFERENTIAL" or "COO_PREFERENTIAL"',
      );
    });

    it("the message lists the first five problems and counts the rest; details hold them all", function () {
      const bad = {
        ...coo,
        issueDate: "x",
        validUntil: "x",
        exportCountry: "x",
        importCountry: "x",
        ucr: 1,
        remarks: 2,
        a: 3,
      };
      const error = refused(bad, "and 2 more", "Correct these fields");
      expect((error.details.issues as unknown[]).length).to.equal(7);
    });

    it("a preferential certificate without scheme or origin criteria is refused", function () {
      const { preferenceScheme: _scheme, ...withoutScheme } = coo;
      refused(withoutScheme, "preferenceScheme: required on a preferential certificate");
      const { originCriterion: _criterion, ...item } = coo.items[1];
      refused(
        { ...coo, items: [coo.items[0], item] },
        "items[1].originCriterion: required on a preferential certificate",
      );
      refused({ ...coo, certificateType: "COO_NONPREFERENTIAL" }, "preferenceScheme: only a preferential certificate");
    });

    it("an issuer certifying another country's exports is refused", function () {
      refused({ ...coo, issuer: { ...coo.issuer, country: "CN" } }, 'issuer.country: must equal exportCountry ("PK")');
    });

    it("validity ending before the issue date is refused", function () {
      refused({ ...coo, validUntil: "2026-03-01" }, "validUntil: must not be before issueDate (2026-03-02)");
    });

    it("two items with one sequence number are refused", function () {
      refused(
        { ...coo, items: [coo.items[0], { ...coo.items[1], sequence: 1 }] },
        "items[1].sequence: repeats sequence number 1",
      );
    });

    it("a certified quantity the registry cannot hold is refused", function () {
      const quantity = (value: string) => ({ ...coo, certifiedQuantity: { value, unit: "KGM" } });
      refused(quantity("11070.0005"), "certifiedQuantity.value: has more than 3 decimals", "thousandths");
      refused(quantity("0"), "certifiedQuantity.value: must be more than 0");
      refused(quantity("80000000000000000000000000"), "certifiedQuantity.value: is too large");
    });

    it("a re-export certificate needs the original certificate, and only it may have one", function () {
      refused({ ...phyto, certificateType: "PHYTO_REEXPORT" }, "reExport: required on a re-export certificate");
      const reExport = { originalCertificateNumber: "ZA-2026-77120", originCountry: "za", repacked: true };
      const parsed = samplePhytosanitaryCertificate({ certificateType: "PHYTO_REEXPORT", reExport });
      expect(parsed.reExport).to.deep.equal({ ...reExport, originCountry: "ZA" });
      refused({ ...phyto, reExport }, "reExport: only a re-export certificate has one");
    });

    it("a treatment naming an item the certificate does not list is refused", function () {
      const treatments = [{ ...phyto.treatments![0], items: [1, 2] }];
      refused({ ...phyto, treatments }, "treatments[0].items[1]: names item 2, which the certificate does not list");
    });

    it("a phytosanitary item without place of origin or botanical name is refused", function () {
      const { scientificName: _name, ...item } = phyto.items[0];
      refused(
        { ...phyto, items: [{ ...item, placesOfOrigin: [] }] },
        "items[0].scientificName: required",
        "items[0].placesOfOrigin:",
      );
    });

    it("a place with neither code nor name, and an additional declaration with neither code nor text, are refused", function () {
      refused(
        { ...phyto, transport: { loading: { name: " " }, mode: "4" } },
        "transport.loading: give the place's UN/LOCODE",
      );
      refused(
        { ...phyto, additionalDeclarations: [{ text: " " }] },
        "additionalDeclarations[0]: give the declaration's code or its text",
      );
    });
  });
});
