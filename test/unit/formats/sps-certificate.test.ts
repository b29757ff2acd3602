import { expect } from "chai";
import { readFileSync } from "node:fs";
import { readSpsCertificate } from "../../../src/adapters/formats/sps/read-sps-certificate.js";
import { SPS_PREFIXES } from "../../../src/adapters/formats/sps/sps-vocabulary.js";
import { writeSpsCertificate } from "../../../src/adapters/formats/sps/write-sps-certificate.js";
import { readXml } from "../../../src/adapters/formats/xml/read-xml.js";
import { parseCertificateDocument } from "../../../src/domain/documents/certificate-document.js";
import { documentDigest } from "../../../src/domain/documents/document-digest.js";
import type {
  PhytosanitaryCertificate,
  PhytosanitaryCertificateInput,
} from "../../../src/domain/documents/phytosanitary-certificate.js";
import { ValidationError } from "../../../src/domain/errors.js";
import { samplePhytosanitaryCertificate } from "../../fixtures/documents.js";
import { reversedXml } from "../../fixtures/sps/reversed-xml.js";

const SALT = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/sps/${name}`, import.meta.url), "utf8");
const read = (xml: string, authorityId?: number) => readSpsCertificate(readXml(xml), { authorityId });
const parsed = (input: PhytosanitaryCertificateInput) => parseCertificateDocument(input) as PhytosanitaryCertificate;

function rejection(action: () => unknown): ValidationError {
  try {
    action();
  } catch (error) {
    expect(error).to.be.instanceOf(ValidationError);
    return error as ValidationError;
  }
  expect.fail("no ValidationError was thrown");
}

const MANGO_LINE = {
  scientificName: "Mangifera indica",
  commonName: "Mango",
  intendedUse: "Consumption",
  hsCode: "080450",
  netWeight: { value: "9600", unit: "KGM" },
  grossWeight: { value: "10800", unit: "KGM" },
  packages: [{ count: 2400, kind: "BX", description: "corrugated fibreboard box, 4 kg" }],
};

const MANGO: PhytosanitaryCertificateInput = {
  kind: "PHYTO",
  certificateType: "PHYTO",
  certificateNumber: "PK-DPP-2026-0004711",
  issueDate: "2026-06-12",
  issuer: {
    authorityId: 3,
    name: "Department of Plant Protection, Ministry of National Food Security and Research",
    country: "PK",
    placeOfIssue: "Karachi",
    signatoryName: "Nadia Baloch",
    signatoryTitle: "Plant Protection Officer",
  },
  exporter: {
    name: "Sindh Orchard Exports (Pvt.) Ltd.",
    addressLines: ["Plot 14, Sector 7-A", "Korangi Industrial Area"],
    city: "Karachi",
    postcode: "74900",
    countrySubdivision: "Sindh",
    country: "PK",
    identifiers: [{ scheme: "NTN", value: "4417305-2" }],
  },
  consignee: {
    name: "Guangzhou Lingnan Fresh Fruit Import Co., Ltd.",
    addressLines: ["88 Jiangnan Avenue, Haizhu District"],
    city: "Guangzhou",
    country: "CN",
  },
  exportCountry: "PK",
  importCountry: "CN",
  transport: {
    mode: "4",
    conveyance: "PIA Cargo",
    voyageNumber: "PK852",
    loading: { code: "PKKHI", name: "Karachi Jinnah International Airport" },
  },
  invoices: [{ number: "SOE-INV-2026-118", date: "2026-06-10", value: { amount: "52800", currency: "USD" } }],
  ucr: "6PK0004711-SOE0612",
  items: [
    {
      sequence: 1,
      description: "Fresh mango fruit, variety Sindhri",
      ...MANGO_LINE,
      placesOfOrigin: [{ country: "PK", region: "Sindh", place: "Mirpur Khas" }],
    },
    {
      sequence: 2,
      description: "Fresh mango fruit, variety Chaunsa",
      ...MANGO_LINE,
      placesOfOrigin: [{ country: "PK", region: "Punjab", place: "Multan" }],
    },
  ],
  treatments: [
    {
      type: "Hot water treatment",
      temperature: { value: "48", unit: "CEL" },
      duration: { value: "60", unit: "MIN" },
      date: "2026-06-11",
      additionalInfo: "Fruit pulp core held at 48 °C throughout",
    },
  ],
  additionalDeclarations: [
    {
      text:
        "The fruits were subjected to hot water treatment at 48 °C for 60 minutes and were found free from " +
        "Bactrocera dorsalis and Bactrocera zonata.",
    },
    {
      code: "CN-MANGO-PROTOCOL-2026",
      text: "The orchards and packing houses are registered with the NPPO of Pakistan.",
    },
  ],
  pointOfEntry: { code: "CNCAN", name: "Guangzhou Baiyun International Airport" },
  distinguishingMarks: "SOE/GZ-0612 boxes 1-4800",
  inspection: { place: "DPP hot water treatment and inspection facility, Karachi" },
};

const RE_EXPORT: PhytosanitaryCertificateInput = {
  kind: "PHYTO",
  certificateType: "PHYTO_REEXPORT",
  certificateNumber: "AE-MOCCAE-RX-2026-00382",
  issueDate: "2026-06-16",
  issuer: { authorityId: 7, name: "Ministry of Climate Change and Environment", country: "AE" },
  exporter: {
    name: "Al Aweer Fruit Re-Export LLC",
    addressLines: ["Warehouse 22, Al Aweer Central Fruit and Vegetable Market"],
    city: "Dubai",
    country: "AE",
  },
  consignee: { name: "Doha Central Market Trading W.L.L.", country: "QA" },
  exportCountry: "AE",
  importCountry: "QA",
  transport: { mode: "3", conveyance: "Reefer truck DXB 44871", transitCountries: ["SA"] },
  items: [
    {
      sequence: 1,
      description: "Fresh mango fruit, repacked",
      scientificName: "Mangifera indica",
      commonName: "Mango",
      netWeight: { value: "4800", unit: "KGM" },
      packages: [{ count: 1200, kind: "BX" }],
      placesOfOrigin: [{ country: "PK" }],
    },
  ],
  reExport: {
    originalCertificateNumber: "PK-DPP-2026-0004711",
    originCountry: "PK",
    repacked: true,
    additionalInspection: true,
  },
};

describe("SPS certificate XML (ePhyto)", function () {
  describe("reading the fixtures", function () {
    it("reads the Pakistan–China mango ePhyto with its hot-water treatment into the expected model", function () {
      expect(read(fixture("mango-pk-cn.xml"))).to.deep.equal(parsed(MANGO));
    });

    it("reads one treatment applied to every line once, with no line list", function () {
      const { treatments } = read(fixture("mango-pk-cn.xml"));
      expect(treatments).to.have.length(1);
      expect(treatments![0]).to.include({ type: "Hot water treatment" }).and.not.have.property("items");
      expect(treatments![0].temperature).to.deep.equal({ value: "48", unit: "CEL" });
    });

    it("reads a re-export (657) as PHYTO_REEXPORT naming its original certificate, with the authority given", function () {
      const reExport = read(fixture("reexport-ae-qa.xml"), 7);
      expect(reExport).to.deep.equal(parsed(RE_EXPORT));
      expect(reExport.reExport).to.deep.include({
        originalCertificateNumber: "PK-DPP-2026-0004711",
        originCountry: "PK",
      });
    });

    it("asks for the issuing authority when the certificate does not carry it", function () {
      const error = rejection(() => read(fixture("reexport-ae-qa.xml")));
      expect(error.message).to.contain(
        "/rsm:SPSCertificate/rsm:SPSExchangedDocument/ram:IssuerSPSParty/ram:ID: missing",
      );
      expect(error.message).to.contain('schemeID="urn:tradeseal:authority"');
    });

    it("reads a replacement's ADRPN, ADRPR and ADRD notes as the certificate it replaces", function () {
      const replacement = read(fixture("replacement-pk-cn.xml"));
      expect(replacement.certificateNumber).to.equal("PK-DPP-2026-0004790");
      expect(replacement.replaces).to.deep.equal({
        certificateNumber: "PK-DPP-2026-0004711",
        date: "2026-06-13",
        reason: "The consignee's address was corrected at the importer's request.",
      });
    });
  });

  describe("round trips", function () {
    const models: [string, PhytosanitaryCertificate][] = [
      ["the mango ePhyto", parsed(MANGO)],
      ["the re-export", parsed(RE_EXPORT)],
      ["the replacement", read(fixture("replacement-pk-cn.xml"))],
      ["the sample rose ePhyto", samplePhytosanitaryCertificate()],
      [
        "a certificate with every optional field",
        samplePhytosanitaryCertificate({
          validUntil: "2026-04-03",
          producer: { name: "Lake Farm & Sons <Ltd>", addressLines: ["Plot 9"], country: "KE" },
          remarks: "Keep cool; do not stack > 8 high",
          exportDeclaration: "KE-EXP-99812",
          invoices: [
            { number: "INV-1" },
            { number: "INV-2", date: "2026-03-01", value: { amount: "10.5", currency: "EUR" } },
          ],
          replaces: { certificateNumber: "KE-EPH-2026-0158700", reason: "Wrong consignee" },
          transport: {
            mode: "1",
            loading: { name: "Mombasa" },
            discharge: { code: "NLRTM" },
            departureDate: "2026-03-04",
            containers: [{ number: "MSCU4417305", seals: ["S1", "S2"] }, { number: "TGHU1234567" }],
          },
          additionalDeclarations: [{ code: "AD-12" }, { code: "AD-13", text: "Free from quarantine pests" }],
        }),
      ],
    ];

    for (const [name, model] of models) {
      it(`${name} reads back from its SPS XML as an equal model with an equal digest`, function () {
        const back = read(writeSpsCertificate(model));
        expect(back).to.deep.equal(model);
        expect(documentDigest(back, SALT)).to.equal(documentDigest(model, SALT));
      });

      it(`${name} reads the same with every element's children in reverse order`, function () {
        expect(read(reversedXml(writeSpsCertificate(model), SPS_PREFIXES))).to.deep.equal(model);
      });
    }

    it("reads the fixtures the same with their elements in reverse order", function () {
      expect(read(reversedXml(fixture("mango-pk-cn.xml"), SPS_PREFIXES))).to.deep.equal(parsed(MANGO));
      expect(read(reversedXml(fixture("reexport-ae-qa.xml"), SPS_PREFIXES), 7)).to.deep.equal(parsed(RE_EXPORT));
    });

    it("puts a treatment only on the lines it names, marking processes only where placement cannot say", function () {
      const twoLines = parsed({ ...MANGO, treatments: [{ type: "Vapour heat", items: [2] }] });
      const plain = writeSpsCertificate(twoLines);
      expect(plain.match(/<ram:AppliedSPSProcess>/g)).to.have.length(1);
      expect(plain).not.to.contain("TS-TREATMENT");
      expect(read(plain)).to.deep.equal(twoLines);

      const spelledOut = parsed({
        ...MANGO,
        treatments: [
          { type: "Vapour heat", items: [2, 1] },
          { type: "Vapour heat", items: [1] },
        ],
      });
      const marked = writeSpsCertificate(spelledOut);
      expect(marked).to.contain("TS-TREATMENT");
      expect(read(marked)).to.deep.equal(spelledOut);
    });
  });

  describe("absent and malformed elements", function () {
    const MINIMAL = `<rsm:SPSCertificate xmlns:rsm="urn:un:unece:uncefact:data:standard:SPSCertificate:17"
        xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:21">
      <rsm:SPSExchangedDocument>
        <ram:ID>NZ-1</ram:ID><ram:TypeCode>851</ram:TypeCode><ram:IssueDateTime>2026-01-05</ram:IssueDateTime>
        <ram:IssuerSPSParty><ram:Name>MPI</ram:Name></ram:IssuerSPSParty>
      </rsm:SPSExchangedDocument>
      <rsm:SPSConsignment>
        <ram:ConsignorSPSParty><ram:Name>Orchard Ltd</ram:Name></ram:ConsignorSPSParty>
        <ram:ConsigneeSPSParty><ram:Name>Importer GmbH</ram:Name>
          <ram:SpecifiedSPSAddress><ram:CountryID>de</ram:CountryID></ram:SpecifiedSPSAddress></ram:ConsigneeSPSParty>
        <ram:ExportSPSCountry><ram:ID>NZ</ram:ID></ram:ExportSPSCountry>
        <ram:IncludedSPSConsignmentItem><ram:IncludedSPSTradeLineItem>
          <ram:ScientificName>Malus domestica</ram:ScientificName>
          <ram:OriginSPSCountry><ram:ID>NZ</ram:ID></ram:OriginSPSCountry>
        </ram:IncludedSPSTradeLineItem></ram:IncludedSPSConsignmentItem>
      </rsm:SPSConsignment>
    </rsm:SPSCertificate>`;

    it("reads a certificate that gives only what the model requires", function () {
      expect(read(MINIMAL, 12)).to.deep.equal(
        parsed({
          kind: "PHYTO",
          certificateType: "PHYTO",
          certificateNumber: "NZ-1",
          issueDate: "2026-01-05",
          issuer: { authorityId: 12, name: "MPI", country: "NZ" },
          exporter: { name: "Orchard Ltd", country: "NZ" },
          consignee: { name: "Importer GmbH", country: "DE" },
          exportCountry: "NZ",
          items: [{ sequence: 1, scientificName: "Malus domestica", placesOfOrigin: [{ country: "NZ" }] }],
        }),
      );
    });

    const mango = fixture("mango-pk-cn.xml");
    const cases: [string, string, RegExp][] = [
      [
        "a missing scientific name, by its line",
        mango.replace(/<ram:ScientificName>Mangifera indica<\/ram:ScientificName>(?![\s\S]*<ram:ScientificName>)/, ""),
        /ram:IncludedSPSTradeLineItem\[2\]\/ram:ScientificName: missing; add the botanical name/,
      ],
      [
        "an unassigned country code",
        mango.replace("<ram:ID>CN</ram:ID>", "<ram:ID>XX</ram:ID>"),
        /rsm:SPSConsignment\/ram:ImportSPSCountry\/ram:ID: "XX" is not an assigned ISO 3166-1 alpha-2 country code/,
      ],
      [
        "a weight with a thousands separator",
        mango.replace(">9600<", ">9,600<"),
        /ram:IncludedSPSTradeLineItem\/ram:NetWeightMeasure: expected a non-negative decimal .* \(found "9,600"\)/,
      ],
      [
        "a weight without its unit",
        mango.replace('<ram:NetWeightMeasure unitCode="KGM">9600', "<ram:NetWeightMeasure>9600"),
        /ram:NetWeightMeasure\/@unitCode: missing/,
      ],
      [
        "an unknown document type",
        mango.replace("<ram:TypeCode>851</ram:TypeCode>", "<ram:TypeCode>999</ram:TypeCode>"),
        /rsm:SPSExchangedDocument\/ram:TypeCode: is "999"; expected 851 .* or 657/,
      ],
      [
        "an impossible issue date",
        mango.replace(
          "2026-06-12T10:30:00+05:00</udt:DateTimeString>\n    </ram:IssueDateTime>",
          "2026-02-30</udt:DateTimeString></ram:IssueDateTime>",
        ),
        /ram:IssueDateTime\/udt:DateTimeString: 2026-02-30 is not a day of the calendar/,
      ],
      [
        "a package count in words",
        mango.replace("<ram:ItemQuantity>2400</ram:ItemQuantity>", "<ram:ItemQuantity>many</ram:ItemQuantity>"),
        /ram:PhysicalSPSPackage\/ram:ItemQuantity: expected a whole number/,
      ],
      [
        "a CCYYMMDD date that is not one",
        mango.replace(">20260610<", ">2026-06-10<"),
        /ram:ReferenceSPSReferencedDocument\/ram:IssueDateTime\/udt:DateTimeString: expected a date as CCYYMMDD/,
      ],
      [
        "an element given twice where one is allowed",
        mango.replace("<ram:ID>PK852</ram:ID>", "<ram:ID>PK852</ram:ID><ram:ModeCode>1</ram:ModeCode>"),
        /ram:MainCarriageSPSTransportMovement\/ram:ModeCode\[2\]: appears 2 times where one is allowed/,
      ],
      [
        "a missing consignment",
        mango.replace(/<rsm:SPSConsignment>[\s\S]*<\/rsm:SPSConsignment>/, ""),
        /\/rsm:SPSCertificate\/rsm:SPSConsignment: missing; add the consignment/,
      ],
      [
        "re-export notes on a phytosanitary certificate",
        mango.replace("<ram:Subject>DMCL</ram:Subject>", "<ram:Subject>RPCRF</ram:Subject>"),
        /ram:IncludedSPSNote\[3\]: is a re-export note on a certificate of type 851; use TypeCode 657/,
      ],
      [
        "a re-export without its original certificate",
        fixture("reexport-ae-qa.xml").replace("<ram:Subject>RPCRF</ram:Subject>", "<ram:Subject>XXX</ram:Subject>"),
        /missing on a re-export \(657\); add notes with Subject RPCRF/,
      ],
      [
        "a replacement reason without the replaced number",
        fixture("replacement-pk-cn.xml").replace("<ram:Subject>ADRPN</ram:Subject>", "<ram:Subject>X</ram:Subject>"),
        /ram:IncludedSPSNote\[3\]: is a replacement note without the replaced certificate's number/,
      ],
      [
        "an issuer in another country than the exporter",
        mango.replace(
          "<ram:Name>Department of Plant Protection, Ministry",
          "<ram:SpecifiedSPSAddress><ram:CountryID>IN</ram:CountryID></ram:SpecifiedSPSAddress><ram:Name>Department of Plant Protection, Ministry",
        ),
        /does not make a valid ePhyto\. The certificate document is not valid: issuer\.country: must equal exportCountry/,
      ],
    ];
    for (const [name, xml, message] of cases) {
      it(`rejects ${name}, naming where`, function () {
        expect(rejection(() => read(xml, 7)).message).to.match(message);
      });
    }

    it("rejects an element that is not an SPS certificate", function () {
      expect(rejection(() => read('<SPSCertificate xmlns="urn:other"/>')).message).to.match(
        /\/SPSCertificate: is not an SPS certificate; expected rsm:SPSCertificate in namespace urn:un:unece:uncefact:data:standard:SPSCertificate:17/,
      );
    });

    it("refuses to write a party with more address lines than SPS carries", function () {
      const sixLines = samplePhytosanitaryCertificate({
        exporter: { name: "Far Away Ltd", addressLines: ["1", "2", "3", "4", "5", "6"], country: "KE" },
      });
      expect(rejection(() => writeSpsCertificate(sixLines)).message).to.match(/at most 5\. Merge address lines/);
    });
  });
});
