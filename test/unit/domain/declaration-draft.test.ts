import { expect } from "chai";
import { buildDeclarationDraft, type DraftCandidate } from "../../../src/domain/declarations/declaration-draft.js";
import type { CertificateOfOriginInput } from "../../../src/domain/documents/certificate-of-origin.js";
import type { PhytosanitaryCertificateInput } from "../../../src/domain/documents/phytosanitary-certificate.js";
import { CertificateType } from "../../../src/domain/registry-types.js";
import { fragment, type VerificationResult } from "../../../src/domain/verification.js";
import { ROSE_CONSIGNMENT, roseCertificateOfOrigin, samplePhytosanitaryCertificate } from "../../fixtures/documents.js";

const UCR = ROSE_CONSIGNMENT.ucr;
const COO_ID = `0x${"c0".repeat(32)}`;
const PHYTO_ID = `0x${"f1".repeat(32)}`;
const OTHER_ID = `0x${"d2".repeat(32)}`;

const phytoSample = samplePhytosanitaryCertificate();

/** A Kenyan chamber's preferential CoO for the roses KEPHIS certified: the same consignment. */
function roseCoo(overrides: Partial<CertificateOfOriginInput> = {}) {
  return roseCertificateOfOrigin(5, overrides);
}

function rosePhyto(overrides: Partial<PhytosanitaryCertificateInput> = {}) {
  return samplePhytosanitaryCertificate({ ...ROSE_CONSIGNMENT, ...overrides });
}

function verdict(id: string, status: VerificationResult["status"]): VerificationResult {
  const fragments =
    status === "VALID"
      ? [
          fragment("DOCUMENT_INTEGRITY", "VALID", "The document is exactly the one the issuer anchored."),
          fragment("DOCUMENT_STATUS", "VALID", "In force.", { status: "ISSUED" }),
        ]
      : status === "INVALID"
        ? [
            fragment("DOCUMENT_INTEGRITY", "VALID", "The document is exactly the one the issuer anchored."),
            fragment("DOCUMENT_STATUS", "INVALID", "Revoked: the certificate was withdrawn for good.", {
              status: "REVOKED",
            }),
          ]
        : [fragment("DOCUMENT_STATUS", "UNAVAILABLE", "The chain node could not be reached.")];
  return { certificateId: id, status, ...(status !== "UNAVAILABLE" && { checkedAtBlock: 120 }), fragments };
}

function coo(document = roseCoo(), id = COO_ID, status: VerificationResult["status"] = "VALID"): DraftCandidate {
  return {
    certificateId: id,
    certificateType: CertificateType[document.certificateType],
    status: status === "INVALID" ? "REVOKED" : "ISSUED",
    exportCountry: document.exportCountry,
    importCountry: document.importCountry ?? "",
    verification: verdict(id, status),
    document,
  };
}

function phyto(document = rosePhyto(), status = "ACCEPTED"): DraftCandidate {
  return {
    certificateId: PHYTO_ID,
    certificateType: CertificateType[document.certificateType],
    status,
    exportCountry: document.exportCountry,
    importCountry: document.importCountry ?? "",
    verification: verdict(PHYTO_ID, "VALID"),
    document,
  };
}

describe("The import declaration draft of a consignment", function () {
  it("fills the declaration from a CoO and an ePhyto that agree, merging their lines for the same goods", function () {
    const draft = buildDeclarationDraft({ ucr: UCR, candidates: [phyto(), coo()] });

    expect(draft.disagreements).to.deep.equal([]);
    expect(draft.ucr).to.equal(UCR);
    expect(draft.exportDeclaration).to.deep.equal({ value: "KE-EX-2026-55102", certificateId: COO_ID });
    expect(draft.consignor).to.deep.equal({ value: phytoSample.exporter, certificateId: COO_ID });
    expect(draft.consignee).to.deep.equal({ value: phytoSample.consignee, certificateId: COO_ID });
    expect(draft.exportCountry).to.deep.equal({ value: "KE", certificateId: COO_ID });
    expect(draft.importCountry).to.deep.equal({ value: "NL", certificateId: COO_ID });
    expect(draft.invoices?.value.map((invoice) => invoice.number)).to.deep.equal(["NHR-2026-0302"]);
    expect(draft.lines).to.have.length(1);
    expect(draft.lines[0]).to.deep.include({
      hsCode: { value: "060311", certificateId: COO_ID },
      description: { value: "Fresh cut flowers", certificateId: COO_ID },
      quantity: { value: { value: "48000", unit: "NAR" }, certificateId: COO_ID },
      originCountry: { value: "KE", certificateId: COO_ID },
      originCriterion: { value: "WO", certificateId: COO_ID },
      scientificName: { value: "Rosa spp.", certificateId: PHYTO_ID },
      commonName: { value: "Roses", certificateId: PHYTO_ID },
      sources: [
        { certificateId: COO_ID, sequence: 1 },
        { certificateId: PHYTO_ID, sequence: 1 },
      ],
    });
    expect(draft.preference).to.deep.equal({
      claimed: true,
      certificateId: COO_ID,
      scheme: { value: "EU-EAC-EPA", certificateId: COO_ID },
    });
    expect(draft.phyto).to.have.length(1);
    expect(draft.phyto[0]).to.deep.include({
      certificateId: PHYTO_ID,
      type: "PHYTO",
      status: "ACCEPTED",
      accepted: true,
    });
    expect(draft.phyto[0].treatments?.[0]).to.deep.include({ type: "Spray", chemical: "Spinosad" });
    expect(draft.phyto[0].additionalDeclarations).to.deep.equal(phytoSample.additionalDeclarations);
    expect(draft.used).to.deep.equal([
      {
        certificateId: COO_ID,
        type: "COO_PREFERENTIAL",
        status: "ISSUED",
        certificateNumber: "KE-NCCI-2026-000731",
        issueDate: "2026-03-02",
        checkedAtBlock: 120,
        contents: "DOCUMENT",
      },
      {
        certificateId: PHYTO_ID,
        type: "PHYTO",
        status: "ACCEPTED",
        certificateNumber: "KE-EPH-2026-0158732",
        issueDate: "2026-03-03",
        checkedAtBlock: 120,
        contents: "DOCUMENT",
      },
    ]);
    expect(draft.leftOut).to.deep.equal([]);
  });

  it("flags every field the CoO and the ePhyto state differently, with each value and the certificate it came from", function () {
    const phytoDocument = rosePhyto({
      consignee: { ...phytoSample.consignee, name: "Aalsmeer Flower Traders B.V." },
      items: [
        {
          ...phytoSample.items[0],
          quantity: { value: "45000", unit: "NAR" },
          placesOfOrigin: [{ country: "UG", region: "Wakiso" }],
        },
      ],
      transport: { ...phytoSample.transport, voyageNumber: "KQ114" },
    });
    const draft = buildDeclarationDraft({ ucr: UCR, candidates: [coo(), phyto(phytoDocument)] });

    const by = (field: string) => draft.disagreements.find((d) => d.field === field);
    expect(by("consignee.name")).to.deep.equal({
      field: "consignee.name",
      values: [
        { value: "Aalsmeer Flower Trading B.V.", certificateId: COO_ID, type: "COO_PREFERENTIAL" },
        { value: "Aalsmeer Flower Traders B.V.", certificateId: PHYTO_ID, type: "PHYTO" },
      ],
    });
    expect(by("lines[0].quantity")?.values.map((v) => v.value)).to.deep.equal(["48000 NAR", "45000 NAR"]);
    expect(by("lines[0].originCountry")?.values.map((v) => v.value)).to.deep.equal(["KE", "UG"]);
    expect(by("transport.voyageNumber")?.values.map((v) => v.value)).to.deep.equal(["KQ112", "KQ114"]);
    expect(draft.disagreements.map((d) => d.field)).to.have.members([
      "consignee.name",
      "transport.voyageNumber",
      "lines[0].quantity",
      "lines[0].originCountry",
    ]);
    // The draft keeps the CoO's values where they disagree.
    expect(draft.consignee?.value.name).to.equal("Aalsmeer Flower Trading B.V.");
    expect(draft.lines[0].quantity).to.deep.equal({ value: { value: "48000", unit: "NAR" }, certificateId: COO_ID });
  });

  it("builds only from certificates that verify VALID and says why each other one was left out", function () {
    const revoked = coo(
      roseCoo({ certificateNumber: "KE-NCCI-2026-000700", consignee: { name: "Someone Else B.V.", country: "BE" } }),
      OTHER_ID,
      "INVALID",
    );
    const unreachable = {
      ...phyto(),
      certificateId: `0x${"e3".repeat(32)}`,
      verification: verdict(PHYTO_ID, "UNAVAILABLE"),
    };
    const draft = buildDeclarationDraft({ ucr: UCR, candidates: [revoked, coo(), unreachable] });

    expect(draft.used.map((u) => u.certificateId)).to.deep.equal([COO_ID]);
    expect(draft.leftOut).to.deep.equal([
      {
        certificateId: OTHER_ID,
        type: "COO_PREFERENTIAL",
        status: "REVOKED",
        verdict: "INVALID",
        reason: "DOCUMENT_STATUS: Revoked: the certificate was withdrawn for good.",
        checkedAtBlock: 120,
      },
      {
        certificateId: `0x${"e3".repeat(32)}`,
        type: "PHYTO",
        status: "ACCEPTED",
        verdict: "UNAVAILABLE",
        reason: "DOCUMENT_STATUS: The chain node could not be reached.",
      },
    ]);
    expect(draft.consignee?.value.name).to.equal("Aalsmeer Flower Trading B.V.");
    expect(draft.disagreements).to.deep.equal([]);
    expect(draft.phyto).to.deep.equal([]);
    expect(draft.lines.flatMap((line) => line.sources.map((s) => s.certificateId))).to.deep.equal([COO_ID]);
  });

  it("takes only the registry facts of a certificate whose document the caller may not open", function () {
    const withheld = "Its document is encrypted for the NPPO of the importing country.";
    const { document: _document, ...unopened } = phyto(rosePhyto(), "ISSUED");
    const draft = buildDeclarationDraft({
      ucr: UCR,
      candidates: [coo(roseCoo({ importCountry: "DE" })), { ...unopened, withheld }],
    });

    expect(draft.used[1]).to.deep.equal({
      certificateId: PHYTO_ID,
      type: "PHYTO",
      status: "ISSUED",
      checkedAtBlock: 120,
      contents: "REGISTRY",
      note: withheld,
    });
    expect(draft.phyto).to.deep.equal([{ certificateId: PHYTO_ID, type: "PHYTO", status: "ISSUED", accepted: false }]);
    expect(draft.lines[0].sources).to.deep.equal([{ certificateId: COO_ID, sequence: 1 }]);
    expect(draft.disagreements).to.deep.equal([
      {
        field: "importCountry",
        values: [
          { value: "DE", certificateId: COO_ID, type: "COO_PREFERENTIAL" },
          { value: "NL", certificateId: PHYTO_ID, type: "PHYTO" },
        ],
      },
    ]);
  });

  it("does not flag what can both be right: a tariff line against its subheading, other units, other letter case", function () {
    const phytoDocument = rosePhyto({
      consignee: { ...phytoSample.consignee, name: "AALSMEER FLOWER TRADING B.V." },
      items: [{ ...phytoSample.items[0], hsCode: "06031100", quantity: { value: "1920", unit: "KGM" } }],
    });
    const draft = buildDeclarationDraft({ ucr: UCR, candidates: [coo(), phyto(phytoDocument)] });

    expect(draft.disagreements).to.deep.equal([]);
    expect(draft.lines).to.have.length(1);
    expect(draft.lines[0].hsCode).to.deep.equal({ value: "060311", certificateId: COO_ID });
  });

  it("joins an ePhyto line without HS code to the only CoO line, keeps unmatched goods apart, and claims no preference on a non-preferential CoO", function () {
    const plain = roseCoo({
      certificateType: "COO_NONPREFERENTIAL",
      preferenceScheme: undefined,
      items: [{ ...roseCoo().items[0], originCriterion: undefined }],
    });
    const single = buildDeclarationDraft({
      ucr: UCR,
      candidates: [coo(plain), phyto(rosePhyto({ items: [{ ...phytoSample.items[0], hsCode: undefined }] }))],
    });
    expect(single.lines).to.have.length(1);
    expect(single.lines[0].sources.map((s) => s.certificateId)).to.deep.equal([COO_ID, PHYTO_ID]);
    expect(single.preference).to.deep.equal({ claimed: false, certificateId: COO_ID });

    const apart = buildDeclarationDraft({
      ucr: UCR,
      candidates: [coo(plain), phyto(rosePhyto({ items: [{ ...phytoSample.items[0], hsCode: "060312" }] }))],
    });
    expect(apart.lines.map((line) => line.sources.map((s) => s.certificateId))).to.deep.equal([[COO_ID], [PHYTO_ID]]);
    expect(apart.lines[1].hsCode).to.deep.equal({ value: "060312", certificateId: PHYTO_ID });
    expect(apart.lines[1].originCountry).to.deep.equal({ value: "KE", certificateId: PHYTO_ID });
  });

  it("is empty but for the certificates left out when none verifies", function () {
    const draft = buildDeclarationDraft({ ucr: UCR, candidates: [coo(roseCoo(), COO_ID, "INVALID")] });
    expect(draft).to.deep.equal({
      ucr: UCR,
      lines: [],
      phyto: [],
      disagreements: [],
      used: [],
      leftOut: [
        {
          certificateId: COO_ID,
          type: "COO_PREFERENTIAL",
          status: "REVOKED",
          verdict: "INVALID",
          reason: "DOCUMENT_STATUS: Revoked: the certificate was withdrawn for good.",
          checkedAtBlock: 120,
        },
      ],
    });
  });
});
