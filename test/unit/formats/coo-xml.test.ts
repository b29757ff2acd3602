import { expect } from "chai";
import { readFileSync } from "node:fs";
import { COO_XML } from "../../../src/adapters/formats/coo-xml/coo-xml-form.js";
import { readCooXml } from "../../../src/adapters/formats/coo-xml/read-coo-xml.js";
import { writeCooXml } from "../../../src/adapters/formats/coo-xml/write-coo-xml.js";
import { readXml } from "../../../src/adapters/formats/xml/read-xml.js";
import { parseCertificateDocument } from "../../../src/domain/documents/certificate-document.js";
import type {
  CertificateOfOrigin,
  CertificateOfOriginInput,
} from "../../../src/domain/documents/certificate-of-origin.js";
import { documentDigest } from "../../../src/domain/documents/document-digest.js";
import { ValidationError } from "../../../src/domain/errors.js";
import { sampleCertificateOfOrigin } from "../../fixtures/documents.js";
import { reversedXml } from "../../fixtures/sps/reversed-xml.js";

const SALT = "00ff11ee22dd33cc44bb55aa66997788";
const fixture = readFileSync(new URL("../../fixtures/coo/preferential-rvc-pk-cn.xml", import.meta.url), "utf8");
const read = (xml: string) => readCooXml(readXml(xml));
const PREFIXES = new Map([[COO_XML, ""]]);

function rejection(action: () => unknown): ValidationError {
  try {
    action();
  } catch (error) {
    expect(error).to.be.instanceOf(ValidationError);
    return error as ValidationError;
  }
  expect.fail("no ValidationError was thrown");
}

const CPFTA: CertificateOfOriginInput = {
  kind: "COO",
  certificateType: "COO_PREFERENTIAL",
  certificateNumber: "PK-TDAP-CPFTA-2026-018344",
  issueDate: "2026-06-12",
  validUntil: "2027-06-11",
  issuer: {
    authorityId: 4,
    name: "Trade Development Authority of Pakistan",
    country: "PK",
    placeOfIssue: "Karachi",
    signatoryName: "Farhan Siddiqui",
    signatoryTitle: "Deputy Director, Certificates of Origin",
  },
  exporter: {
    name: "Sindh Orchard Exports (Pvt.) Ltd.",
    addressLines: ["Plot 14, Sector 7-A", "Korangi Industrial Area"],
    city: "Karachi",
    postcode: "74900",
    country: "PK",
    identifiers: [{ scheme: "NTN", value: "4417305-2" }],
  },
  producer: {
    name: "Mirpur Khas Fruit Processing (Pvt.) Ltd.",
    addressLines: ["Hyderabad Road, Site Area"],
    city: "Mirpur Khas",
    countrySubdivision: "Sindh",
    country: "PK",
  },
  consignee: {
    name: "Shanghai Orchard Foods Trading Co., Ltd.",
    addressLines: ["1550 Pudong South Road"],
    city: "Shanghai",
    postcode: "200122",
    country: "CN",
  },
  exportCountry: "PK",
  importCountry: "CN",
  transport: {
    mode: "1",
    conveyance: "COSCO Shipping Aries",
    voyageNumber: "045E",
    loading: { code: "PKKHI", name: "Karachi" },
    discharge: { code: "CNSHA", name: "Shanghai" },
    departureDate: "2026-06-15",
    containers: [{ number: "CSNU6120394", seals: ["PK7730021"] }],
  },
  invoices: [{ number: "SOE-INV-2026-121", date: "2026-06-10", value: { amount: "96450", currency: "USD" } }],
  ucr: "6PK0018344-SOE0612",
  items: [
    {
      sequence: 1,
      description: "Mango pulp, Sindhri, aseptic, in drums",
      hsCode: "200899",
      originCountry: "PK",
      originCriterion: "RVC 45%",
      fobValue: { amount: "61200", currency: "USD" },
      grossWeight: { value: "38400", unit: "KGM" },
      netWeight: { value: "36000", unit: "KGM" },
      packages: [{ count: 160, kind: "DR", description: "steel drums, 225 kg" }],
      shippingMarks: "SOE/SOF 1-160",
    },
    {
      sequence: 2,
      description: "Mango juice concentrate, frozen",
      hsCode: "200989",
      originCountry: "PK",
      originCriterion: "RVC 42%",
      fobValue: { amount: "28650", currency: "USD" },
      grossWeight: { value: "9200", unit: "KGM" },
      netWeight: { value: "8800", unit: "KGM" },
      packages: [{ count: 40, kind: "DR" }],
    },
    {
      sequence: 3,
      description: "Dried mango slices, unsweetened",
      hsCode: "081340",
      originCountry: "PK",
      originCriterion: "WO",
      quantity: { value: "1500", unit: "KGM" },
      grossWeight: { value: "1650", unit: "KGM" },
      packages: [{ count: 300, kind: "CT" }],
    },
  ],
  certifiedQuantity: { value: "46300", unit: "KGM" },
  preferenceScheme: "CPFTA",
  exporterDeclaration: { place: "Karachi", date: "2026-06-11", signatoryName: "Sana Memon" },
};

describe("certificate of origin XML form", function () {
  it("reads the preferential CPFTA fixture, with RVC criteria on several HS lines, into the expected model", function () {
    const certificate = read(fixture);
    expect(certificate).to.deep.equal(parseCertificateDocument(CPFTA));
    expect(certificate.items.map((item) => [item.hsCode, item.originCriterion])).to.deep.equal([
      ["200899", "RVC 45%"],
      ["200989", "RVC 42%"],
      ["081340", "WO"],
    ]);
  });

  const models: [string, CertificateOfOrigin][] = [
    ["the CPFTA certificate", parseCertificateDocument(CPFTA) as CertificateOfOrigin],
    ["the sample EU-GSP certificate", sampleCertificateOfOrigin()],
    [
      "a certificate with every flag and optional part",
      sampleCertificateOfOrigin({
        cumulation: { type: "DIAGONAL", countries: ["BD", "LK"] },
        invoicingParty: { name: "Gulf Textile Trading FZE", country: "AE" },
        backToBack: {
          originalCertificateNumber: "BD-EPB-2026-77",
          originalIssueDate: "2026-02-01",
          originalCountry: "BD",
        },
        replaces: { certificateNumber: "PK-KCCI-2026-004100", date: "2026-03-01", reason: "Lost in transit" },
        remarks: "Goods <as per> invoice & packing list",
        issuedRetrospectively: true,
        certifiedTrueCopy: true,
        exhibition: true,
        deMinimis: true,
      }),
    ],
    [
      "a non-preferential certificate",
      sampleCertificateOfOrigin({
        certificateType: "COO_NONPREFERENTIAL",
        preferenceScheme: undefined,
        items: [{ sequence: 1, description: "Towels", hsCode: "630260", originCountry: "PK" }],
      }),
    ],
  ];
  for (const [name, model] of models) {
    it(`${name} reads back from its XML as an equal model with an equal digest`, function () {
      const back = read(writeCooXml(model));
      expect(back).to.deep.equal(model);
      expect(documentDigest(back, SALT)).to.equal(documentDigest(model, SALT));
    });

    it(`${name} reads the same with its elements in reverse order`, function () {
      expect(read(reversedXml(writeCooXml(model), PREFIXES))).to.deep.equal(model);
    });
  }

  const cases: [string, string, RegExp][] = [
    [
      "a misspelt element",
      fixture.replace("<Ucr>", "<UCR>").replace("</Ucr>", "</UCR>"),
      /\/CertificateOfOrigin\/UCR: is not part of this form; check its name, or remove it/,
    ],
    [
      "an element from another namespace",
      fixture.replace("<Ucr>", '<x:Note xmlns:x="urn:x">hi</x:Note><Ucr>'),
      /\/CertificateOfOrigin\/x:Note: is not part of this form \(its namespace is "urn:x"\)/,
    ],
    [
      "a missing HS code, by its item",
      fixture.replace("<HsCode>200989</HsCode>", ""),
      /\/CertificateOfOrigin\/Item\[2\]\/HsCode: missing; add the HS code/,
    ],
    [
      "a malformed HS code",
      fixture.replace("<HsCode>081340</HsCode>", "<HsCode>0813-40</HsCode>"),
      /\/CertificateOfOrigin\/Item\[3\]\/HsCode: expected an HS code of 6 to 10 digits/,
    ],
    [
      "a value without its currency",
      fixture.replace('<FobValue currency="USD">28650</FobValue>', "<FobValue>28650</FobValue>"),
      /\/CertificateOfOrigin\/Item\[2\]\/FobValue\/@currency: missing/,
    ],
    [
      "a flag that is not true or false",
      fixture.replace("</ExporterDeclaration>", "</ExporterDeclaration><Exhibition>yes</Exhibition>"),
      /\/CertificateOfOrigin\/Exhibition: expected "true" or "false"/,
    ],
    [
      "a sequence number that is not a number",
      fixture.replace("<Sequence>3</Sequence>", "<Sequence>three</Sequence>"),
      /\/CertificateOfOrigin\/Item\[3\]\/Sequence: expected a whole number in digits/,
    ],
    [
      "a preferential certificate without an origin criterion",
      fixture.replace("<OriginCriterion>WO</OriginCriterion>", ""),
      /is not valid\. The certificate document is not valid: items\[2\]\.originCriterion: required on a preferential certificate/,
    ],
    [
      "a certificate number given twice",
      fixture.replace("<IssueDate>", "<CertificateNumber>X</CertificateNumber><IssueDate>"),
      /\/CertificateOfOrigin\/CertificateNumber\[2\]: appears 2 times where one is allowed/,
    ],
  ];
  for (const [name, xml, message] of cases) {
    it(`rejects ${name}, naming where`, function () {
      expect(rejection(() => read(xml)).message).to.match(message);
    });
  }
});
