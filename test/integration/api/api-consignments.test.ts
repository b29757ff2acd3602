import { expect } from "chai";
import QRCode from "qrcode";
import { generateRecipientKeyPair } from "../../../src/adapters/crypto/recipient-key-pair.js";
import { readXml } from "../../../src/adapters/formats/xml/read-xml.js";
import type { XmlElement } from "../../../src/adapters/formats/xml/xml-element.js";
import { addSigningKey } from "../../../src/application/add-signing-key.js";
import { registerAuthority } from "../../../src/application/register-authority.js";
import type { CertificateOfOriginInput } from "../../../src/domain/documents/certificate-of-origin.js";
import { startTestApi, type TestApi } from "../../fixtures/api.js";
import { ROSE_CONSIGNMENT, roseCertificateOfOrigin, samplePhytosanitaryCertificate } from "../../fixtures/documents.js";
import {
  openTestGateway,
  phytoFrom,
  seedAuthorities,
  startTestChain,
  uniqueNumber,
  usingPostgres,
  type Party,
  type TestChain,
  type TestGateway,
  type World,
} from "../../fixtures/gateway.js";
import { call } from "./api-helpers.js";

const { ucr: UCR, exportDeclaration: EXPORT_DECLARATION } = ROSE_CONSIGNMENT;
const SVG = "http://www.w3.org/2000/svg";
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe(`Consignments over the HTTP API: certificates by UCR, the import declaration draft, QR codes (${usingPostgres() ? "PostgreSQL" : "PGlite"})`, function () {
  let chain: TestChain;
  let gateway: TestGateway;
  let world: World;
  let chamberKE: Party;
  let api: TestApi;
  const tokens: Record<string, string> = {};
  const ids = { revokedCoo: "", coo: "", phyto: "" };

  before(async function () {
    chain = await startTestChain();
    gateway = await openTestGateway(chain);
    world = await seedAuthorities(gateway);
    chamberKE = await registerKenyanChamber();
    await gateway.context.indexer.catchUp();
    api = await startTestApi(gateway);
    tokens.chamberKE = await api.tokenFor(chamberKE, "issuer");
    tokens.nppoKE = await api.tokenFor(world.nppoKE, "issuer");
    tokens.chamberPK = await api.tokenFor(world.chamberPK, "issuer");
    tokens.customsNL = await api.tokenFor(world.customsNL, "customs");
    tokens.nppoNL = await api.tokenFor(world.nppoNL, "nppo");
    tokens.customsFR = await api.tokenFor(world.customsFR, "customs");
    tokens.auditor = await api.tokenFor(world.auditor, "auditor");
    tokens.accreditorKE = await api.token({ subject: "accreditor-ke", role: "accreditor", country: "KE" });

    // One consignment of Kenyan roses to the Netherlands: a CoO issued in error and revoked, its
    // correct CoO, and the ePhyto, which names the consignee and the quantity differently.
    ids.revokedCoo = await issue(
      tokens.chamberKE,
      roseCoo({ consignee: { name: "Wrong Consignee B.V.", country: "NL" } }),
    );
    await post(`/v1/certificates/${ids.revokedCoo}/revoke`, tokens.chamberKE, {
      reasonCode: 3,
      reasonText: "wrong consignee",
    });
    ids.coo = await issue(tokens.chamberKE, roseCoo());
    const sample = samplePhytosanitaryCertificate();
    ids.phyto = await issue(tokens.nppoKE, {
      ...phytoFrom(world),
      ucr: UCR,
      exportDeclaration: EXPORT_DECLARATION,
      consignee: { ...sample.consignee, name: "Aalsmeer Flower Traders B.V." },
      items: [{ ...sample.items[0], quantity: { value: "45000", unit: "NAR" } }],
    });
    await post(`/v1/certificates/${ids.phyto}/accept`, tokens.nppoNL, {});
    await gateway.context.indexer.catchUp();
  });

  after(async function () {
    await api?.close();
    await gateway?.dispose();
    await chain?.node.stop();
  });

  /** A Kenyan chamber, registered as seedAuthorities registers the world's, with its keys held by the gateway. */
  async function registerKenyanChamber(): Promise<Party> {
    const ctx = gateway.context;
    const accreditor = world.accreditors.KE;
    const { authorityId } = await registerAuthority(ctx, {
      accreditor,
      country: "KE",
      kind: "CHAMBER",
      certificateTypes: ["COO_NONPREFERENTIAL", "COO_PREFERENTIAL"],
      name: "Kenya National Chamber of Commerce and Industry",
    });
    const signer = await gateway.keystore.create("KNCCI signing key");
    const validUntil = Math.floor(Date.now() / 1000) + 365 * 86_400;
    await addSigningKey(ctx, { accreditor, authorityId: authorityId!, key: signer.address, validUntil });
    const pair = await generateRecipientKeyPair(`issuer:KE:${authorityId}`);
    await ctx.vault.add(pair.privateKey);
    await ctx.keyDirectory.add({ ...pair.recipient, role: "ISSUER", authorityId });
    return { authorityId: authorityId!, country: "KE", key: signer.address, recipient: pair.privateKey };
  }

  /** The Kenyan chamber's preferential CoO for the roses KEPHIS certifies. */
  function roseCoo(overrides: Partial<CertificateOfOriginInput> = {}) {
    return roseCertificateOfOrigin(chamberKE.authorityId, { certificateNumber: uniqueNumber("KE-NCCI"), ...overrides });
  }

  async function issue(token: string, document: unknown): Promise<string> {
    const reply = await call(`${api.url}/v1/certificates`, { token, json: document });
    expect(reply.status, reply.text).to.equal(201);
    await gateway.context.indexer.catchUp();
    return reply.body.certificateId as string;
  }

  async function post(path: string, token: string, json: unknown): Promise<void> {
    const reply = await call(`${api.url}${path}`, { token, json });
    expect(reply.status, reply.text).to.equal(200);
  }

  const consignment = (token?: string, ucr = UCR) =>
    call(`${api.url}/v1/consignments/${encodeURIComponent(ucr)}`, { ...(token && { token }) });
  const draftFor = (token?: string, ucr = UCR) =>
    call(`${api.url}/v1/consignments/${encodeURIComponent(ucr)}/declaration-draft`, { ...(token && { token }) });

  describe("GET /v1/consignments/{ucr}", function () {
    it("lists every certificate of the consignment, oldest first, with its verification, for the importing customs and NPPO and auditors", async function () {
      for (const party of ["customsNL", "nppoNL", "auditor"]) {
        const reply = await consignment(tokens[party]);
        expect(reply.status, `${party}: ${reply.text}`).to.equal(200);
        expect(reply.body.ucr).to.equal(UCR);
        const listed = reply.body.certificates as {
          id: string;
          certificate: {
            status: string;
            type: string;
            issuer: { id: number; name: string };
            links: { verify: string };
          };
          verification: { status: string; fragments: { name: string; status: string }[] };
        }[];
        expect(
          listed.map((c) => c.id),
          party,
        ).to.deep.equal([ids.revokedCoo, ids.coo, ids.phyto]);
        expect(listed.map((c) => [c.certificate.type, c.certificate.status, c.verification.status])).to.deep.equal([
          ["COO_PREFERENTIAL", "REVOKED", "INVALID"],
          ["COO_PREFERENTIAL", "ISSUED", "VALID"],
          ["PHYTO", "ACCEPTED", "VALID"],
        ]);
        expect(listed[1].certificate.issuer).to.deep.equal({
          id: chamberKE.authorityId,
          name: "Kenya National Chamber of Commerce and Industry",
          country: "KE",
        });
        expect(listed[2].certificate.links.verify).to.equal(`${api.url}/verify/${ids.phyto}`);
        expect(listed[0].verification.fragments).to.deep.include({
          name: "DOCUMENT_STATUS",
          status: "INVALID",
          reason: "Revoked: the certificate was withdrawn for good.",
          data: { status: "REVOKED" },
        });
      }
    });

    it("shows an issuer only its own certificates of the consignment", async function () {
      const chamber = await consignment(tokens.chamberKE);
      expect(chamber.body.certificates.map((c: { id: string }) => c.id)).to.deep.equal([ids.revokedCoo, ids.coo]);
      const nppo = await consignment(tokens.nppoKE);
      expect(nppo.body.certificates.map((c: { id: string }) => c.id)).to.deep.equal([ids.phyto]);
    });

    it("refuses callers outside the consignment: 401 without a token, 403 for another country's customs, another issuer or an accreditor", async function () {
      const anonymous = await consignment();
      expect(anonymous.status).to.equal(401);
      expect(anonymous.type).to.contain("application/problem+json");
      for (const party of ["customsFR", "chamberPK", "accreditorKE"]) {
        const refused = await consignment(tokens[party]);
        expect(refused.status, party).to.equal(403);
        expect(refused.type).to.contain("application/problem+json");
        expect(refused.body.code).to.equal("FORBIDDEN");
      }
      expect((await draftFor()).status).to.equal(401);
      expect((await draftFor(tokens.customsFR)).status).to.equal(403);
    });

    it("answers 404 with a problem for a UCR this gateway knows no certificate of", async function () {
      for (const reply of [
        await consignment(tokens.auditor, "6ZZ00000000-NONE"),
        await draftFor(tokens.auditor, "6ZZ00000000-NONE"),
      ]) {
        expect(reply.status).to.equal(404);
        expect(reply.type).to.contain("application/problem+json");
        expect(reply.body.code).to.equal("NOT_FOUND");
        expect(reply.body.detail).to.contain("6ZZ00000000-NONE");
      }
    });
  });

  describe("GET /v1/consignments/{ucr}/declaration-draft", function () {
    it("drafts from the certificates that verify only, leaves the revoked CoO out with its reason, and flags where the CoO and the ePhyto disagree", async function () {
      const reply = await draftFor(tokens.auditor);
      expect(reply.status, reply.text).to.equal(200);
      const draft = reply.body;

      expect(
        draft.used.map((u: { certificateId: string; contents: string }) => [u.certificateId, u.contents]),
      ).to.deep.equal([
        [ids.coo, "DOCUMENT"],
        [ids.phyto, "DOCUMENT"],
      ]);
      expect(draft.leftOut).to.have.length(1);
      expect(draft.leftOut[0]).to.deep.include({
        certificateId: ids.revokedCoo,
        type: "COO_PREFERENTIAL",
        status: "REVOKED",
        verdict: "INVALID",
      });
      expect(draft.leftOut[0].reason).to.contain("Revoked");

      expect(draft.consignee).to.deep.include({ certificateId: ids.coo });
      expect(draft.consignee.value.name).to.equal("Aalsmeer Flower Trading B.V.");
      expect(draft.consignor.value.name).to.equal("Naivasha Highland Roses Ltd.");
      expect(draft.exportDeclaration).to.deep.equal({ value: EXPORT_DECLARATION, certificateId: ids.coo });
      expect(draft.exportCountry.value).to.equal("KE");
      expect(draft.importCountry.value).to.equal("NL");
      expect(draft.lines).to.have.length(1);
      expect(draft.lines[0]).to.deep.include({
        hsCode: { value: "060311", certificateId: ids.coo },
        originCountry: { value: "KE", certificateId: ids.coo },
        originCriterion: { value: "WO", certificateId: ids.coo },
        scientificName: { value: "Rosa spp.", certificateId: ids.phyto },
      });
      expect(draft.preference).to.deep.equal({
        claimed: true,
        certificateId: ids.coo,
        scheme: { value: "EU-EAC-EPA", certificateId: ids.coo },
      });
      expect(draft.phyto).to.have.length(1);
      expect(draft.phyto[0]).to.deep.include({ certificateId: ids.phyto, status: "ACCEPTED", accepted: true });
      expect(draft.phyto[0].treatments[0]).to.deep.include({ type: "Spray", chemical: "Spinosad" });
      expect(draft.phyto[0].additionalDeclarations).to.have.length(1);

      expect(draft.disagreements).to.deep.equal([
        {
          field: "consignee.name",
          values: [
            { value: "Aalsmeer Flower Trading B.V.", certificateId: ids.coo, type: "COO_PREFERENTIAL" },
            { value: "Aalsmeer Flower Traders B.V.", certificateId: ids.phyto, type: "PHYTO" },
          ],
        },
        {
          field: "lines[0].quantity",
          values: [
            { value: "48000 NAR", certificateId: ids.coo, type: "COO_PREFERENTIAL" },
            { value: "45000 NAR", certificateId: ids.phyto, type: "PHYTO" },
          ],
        },
      ]);
    });

    it("gives the importing customs the CoO's contents and only the registry facts of the ePhyto, which is encrypted for the NPPO", async function () {
      const reply = await draftFor(tokens.customsNL);
      expect(reply.status, reply.text).to.equal(200);
      const draft = reply.body;
      expect(draft.used).to.have.length(2);
      expect(draft.used[0]).to.deep.include({ certificateId: ids.coo, contents: "DOCUMENT" });
      expect(draft.used[1]).to.deep.include({ certificateId: ids.phyto, contents: "REGISTRY", status: "ACCEPTED" });
      expect(draft.used[1].note).to.contain("encrypted for");
      expect(draft.phyto).to.deep.equal([
        { certificateId: ids.phyto, type: "PHYTO", status: "ACCEPTED", accepted: true },
      ]);
      expect(draft.consignee.value.name).to.equal("Aalsmeer Flower Trading B.V.");
      expect(draft.lines[0].sources).to.deep.equal([{ certificateId: ids.coo, sequence: 1 }]);
      expect(draft.disagreements).to.deep.equal([]);
      expect(draft.leftOut.map((l: { certificateId: string }) => l.certificateId)).to.deep.equal([ids.revokedCoo]);
    });

    it("is published in the OpenAPI document with its answer schemas", async function () {
      const openapi = (await call(`${api.url}/openapi.json`)).body;
      expect(openapi.paths).to.have.property("/v1/consignments/{ucr}");
      expect(openapi.paths).to.have.property("/v1/consignments/{ucr}/declaration-draft");
      expect(openapi.paths).to.have.property("/v1/certificates/{id}/qr");
      expect(openapi.components.schemas).to.have.property("DeclarationDraft");
      expect(openapi.components.schemas).to.have.property("ConsignmentCertificates");
      expect(Object.keys(openapi.paths["/v1/certificates/{id}/qr"].get.responses["200"].content)).to.deep.equal([
        "image/svg+xml",
        "image/png",
      ]);
    });
  });

  describe("GET /v1/certificates/{id}/qr", function () {
    it("draws the verification link as an SVG QR code by default, to anyone", async function () {
      const reply = await call(`${api.url}/v1/certificates/${ids.coo}/qr`);
      expect(reply.status).to.equal(200);
      expect(reply.type).to.match(/^image\/svg\+xml/);
      const svg = readXml(reply.text);
      expect(svg).to.deep.include({ namespace: SVG, name: "svg" });
      const paths = svg.children.filter((child: XmlElement) => child.name === "path");
      expect(paths.some((path) => /^M[\d.\s]+[hvm]/.test(path.attributes.d ?? ""))).to.equal(true);
      // The library draws the same code for the link itself: the image carries exactly the verification link.
      const expected = await QRCode.toString(`${api.url}/verify/${ids.coo}`, {
        type: "svg",
        errorCorrectionLevel: "M",
        margin: 4,
      });
      expect(reply.text).to.equal(expected);
    });

    it("draws it as a PNG with Accept: image/png or ?format=png", async function () {
      for (const [query, headers] of [
        ["", { accept: "image/png" }],
        ["?format=png", {}],
      ] as const) {
        const response = await fetch(`${api.url}/v1/certificates/${ids.phyto}/qr${query}`, { headers });
        expect(response.status).to.equal(200);
        expect(response.headers.get("content-type")).to.equal("image/png");
        const bytes = new Uint8Array(await response.arrayBuffer());
        expect([...bytes.subarray(0, 8)]).to.deep.equal(PNG_SIGNATURE);
      }
    });

    it("answers 404 for an unknown id, 400 for a malformed one and 406 for an image type it does not draw", async function () {
      const unknown = await call(`${api.url}/v1/certificates/0x${"00".repeat(32)}/qr`);
      expect(unknown.status).to.equal(404);
      expect(unknown.type).to.contain("application/problem+json");
      expect((await call(`${api.url}/v1/certificates/not-an-id/qr`)).status).to.equal(400);
      const gif = await call(`${api.url}/v1/certificates/${ids.coo}/qr`, { headers: { accept: "image/gif" } });
      expect(gif.status).to.equal(406);
      expect(gif.type).to.contain("application/problem+json");
    });
  });
});
