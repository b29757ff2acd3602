import { expect } from "chai";
import { parseCertificateDocument } from "../../../src/domain/documents/certificate-document.js";
import { sampleCertificateOfOrigin, samplePhytosanitaryCertificate } from "../../fixtures/documents.js";

describe("document normalization", function () {
  const coo = sampleCertificateOfOrigin();
  const phyto = samplePhytosanitaryCertificate();

  it("text is NFC with every whitespace run one space and nothing at either end", function () {
    const parsed = sampleCertificateOfOrigin({
      remarks: "  Goods\r\n\tpacked on\u00a0pallets  ",
      consignee: { ...coo.consignee, name: "Rheinland Heimtextil  GmbH", city: "Du\u0308sseldorf" },
    });
    expect(parsed.remarks).to.equal("Goods packed on pallets");
    expect(parsed.consignee.name).to.equal("Rheinland Heimtextil GmbH");
    expect(parsed.consignee.city).to.equal("D\u00fcsseldorf");
  });

  it("codes are upper-cased, and HS codes, UN/LOCODEs and container numbers lose their separators", function () {
    const parsed = sampleCertificateOfOrigin({
      exportCountry: " pk",
      importCountry: "de ",
      preferenceScheme: "eu-gsp",
      items: [
        { ...coo.items[0], hsCode: "6302.31.00", netWeight: { value: "8120", unit: "kgm" }, originCountry: "pk" },
      ],
      transport: { mode: 1, loading: { code: "pk khi" }, containers: [{ number: "mscu 441730 5" }] },
    });
    expect(parsed).to.include({ exportCountry: "PK", importCountry: "DE", preferenceScheme: "EU-GSP" });
    expect(parsed.items[0]).to.include({ hsCode: "63023100", originCountry: "PK" });
    expect(parsed.items[0].netWeight).to.deep.equal({ value: "8120", unit: "KGM" });
    expect(parsed.transport).to.deep.equal({
      mode: "1",
      loading: { code: "PKKHI" },
      containers: [{ number: "MSCU4417305" }],
    });
  });

  it("decimals become canonical strings whether written as numbers or strings", function () {
    const weights = [12.5, "12.50", "012.500", " 12.5 "].map(
      (value) =>
        sampleCertificateOfOrigin({ items: [{ ...coo.items[0], netWeight: { value, unit: "KGM" } }] }).items[0]
          .netWeight,
    );
    for (const weight of weights) expect(weight).to.deep.equal({ value: "12.5", unit: "KGM" });
    const amount = sampleCertificateOfOrigin({
      invoices: [{ number: "1", value: { amount: 186420.0, currency: "eur" } }],
    });
    expect(amount.invoices?.[0].value).to.deep.equal({ amount: "186420", currency: "EUR" });
    const cold = samplePhytosanitaryCertificate({
      treatments: [{ type: "Cold", temperature: { value: "-0.50", unit: "cel" } }],
    });
    expect(cold.treatments?.[0].temperature).to.deep.equal({ value: "-0.5", unit: "CEL" });
  });

  it("a date-time becomes the date the issuer wrote, not the UTC date", function () {
    expect(sampleCertificateOfOrigin({ issueDate: "2026-03-02T23:30:00-05:00" }).issueDate).to.equal("2026-03-02");
    expect(sampleCertificateOfOrigin({ issueDate: " 2026-03-02T04:00Z" }).issueDate).to.equal("2026-03-02");
  });

  it("blank, null, empty and false optional fields are dropped as if omitted", function () {
    const parsed = samplePhytosanitaryCertificate({
      validUntil: "",
      importCountry: null,
      producer: {},
      remarks: "   ",
      treatments: [],
      transport: { mode: "", conveyance: " ", containers: [] },
      exporter: { ...phyto.exporter, addressLines: ["Moi South Lake Road", "", " "], identifiers: [] },
      items: [{ ...phyto.items[0], commonName: "", shippingMarks: undefined }],
    });
    for (const field of ["validUntil", "importCountry", "producer", "remarks", "treatments", "transport"]) {
      expect(parsed).not.to.have.property(field);
    }
    expect(parsed.exporter).to.deep.equal({ ...phyto.exporter, addressLines: ["Moi South Lake Road"] });
    expect(parsed.items[0]).not.to.have.property("commonName");
    expect(sampleCertificateOfOrigin({ exhibition: false, deMinimis: true })).not.to.have.property("exhibition");
  });

  it("items keep the order they were given in", function () {
    const reversed = sampleCertificateOfOrigin({ items: [coo.items[1], coo.items[0]] });
    expect(reversed.items.map((item) => item.sequence)).to.deep.equal([2, 1]);
  });

  it("parsing a parsed document changes nothing", function () {
    expect(parseCertificateDocument(coo)).to.deep.equal(coo);
    expect(parseCertificateDocument(phyto)).to.deep.equal(phyto);
  });
});
