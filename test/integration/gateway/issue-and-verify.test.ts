import { rm } from "node:fs/promises";
import { expect } from "chai";
import { createHeliaDocumentStore } from "../../../src/adapters/storage/helia-document-store.js";
import { issueCertificate } from "../../../src/application/issue-certificate.js";
import { revokeCertificate } from "../../../src/application/revoke-certificate.js";
import { replaceCertificate } from "../../../src/application/replace-certificate.js";
import { verifyCertificate } from "../../../src/application/verify-certificate.js";
import { verifyDocument } from "../../../src/application/verify-document.js";
import { traceCertificate } from "../../../src/application/trace-certificate.js";
import { ConflictError, NotFoundError } from "../../../src/domain/errors.js";
import { CertificateStatus } from "../../../src/domain/registry-types.js";
import { idOfDocument } from "../../../src/application/seal-document.js";
import type { VerificationResult } from "../../../src/domain/verification.js";
import { freePort } from "../../fixtures/chain-node.js";
import {
  openTestGateway,
  seedAuthorities,
  startTestChain,
  usingPostgres,
  type TestChain,
  type TestGateway,
  type World,
  cooFrom,
  phytoFrom,
} from "../../fixtures/gateway.js";

const statuses = (result: VerificationResult): Record<string, string> =>
  Object.fromEntries(result.fragments.map((f) => [f.name, f.status]));

describe(`Gateway end to end: issue, store, anchor, index, verify (${usingPostgres() ? "PostgreSQL" : "PGlite"})`, function () {
  let chain: TestChain;
  let gateway: TestGateway;
  let world: World;

  const coo = (importCountry?: string) => cooFrom(world, importCountry);
  const phyto = () => phytoFrom(world);

  before(async function () {
    chain = await startTestChain();
    gateway = await openTestGateway(chain);
    world = await seedAuthorities(gateway);
  });

  after(async function () {
    await gateway?.dispose();
    await chain?.node.stop();
  });

  for (const kind of ["COO", "PHYTO"] as const) {
    it(`issues ${kind === "COO" ? "a certificate of origin" : "an ePhyto"} that verifies VALID by id, by document and with the importing side's key`, async function () {
      const document = kind === "COO" ? coo() : phyto();
      const issuer = kind === "COO" ? world.chamberPK : world.nppoKE;
      const importer = kind === "COO" ? world.customsDE : world.nppoNL;
      const issued = await issueCertificate(gateway.context, { document, signer: issuer.key });
      expect(issued.status).to.equal("CONFIRMED");
      await gateway.context.indexer.catchUp();

      const byId = await verifyCertificate(gateway.context, { id: issued.certificateId });
      expect(byId.status).to.equal("VALID");
      expect(statuses(byId)).to.deep.equal({
        DOCUMENT_INTEGRITY: "SKIPPED",
        DOCUMENT_STATUS: "VALID",
        ISSUER_IDENTITY: "VALID",
        USAGE: kind === "COO" ? "VALID" : "SKIPPED",
      });
      expect(byId.checkedAtBlock).to.be.a("number");

      const withKey = await verifyCertificate(gateway.context, { id: issued.certificateId, key: importer.recipient });
      expect(statuses(withKey).DOCUMENT_INTEGRITY).to.equal("VALID");
      const withAuditorKey = await verifyCertificate(gateway.context, {
        id: issued.certificateId,
        key: world.auditor.recipient,
      });
      expect(statuses(withAuditorKey).DOCUMENT_INTEGRITY).to.equal("VALID");

      const byDocument = await verifyDocument(gateway.context, { document });
      expect(byDocument.status).to.equal("VALID");
      expect(statuses(byDocument).DOCUMENT_INTEGRITY).to.equal("VALID");

      const indexed = await gateway.context.index.certificate(issued.certificateId);
      expect(indexed?.cid).to.equal(issued.cid);
      expect(indexed?.digest).to.equal(issued.digest);
    });
  }

  it("a party the document was not encrypted for cannot read it: integrity stays SKIPPED", async function () {
    const document = coo();
    const issued = await issueCertificate(gateway.context, { document, signer: world.chamberPK.key });
    // French customs hold a key, but the certificate names Germany as the importing country.
    const result = await verifyCertificate(gateway.context, {
      id: issued.certificateId,
      key: world.customsFR.recipient,
    });
    expect(statuses(result).DOCUMENT_INTEGRITY).to.equal("SKIPPED");
    expect(result.fragments[0].reason).to.match(/not encrypted for|altered|not the one/i);
  });

  it("flags a tampered document as INTEGRITY INVALID", async function () {
    const document = coo();
    await issueCertificate(gateway.context, { document, signer: world.chamberPK.key });
    const [first, ...rest] = document.items;
    const tampered = { ...document, items: [{ ...first, description: "Polyester bed linen" }, ...rest] };
    const result = await verifyDocument(gateway.context, { document: tampered });
    expect(result.status).to.equal("INVALID");
    expect(statuses(result).DOCUMENT_INTEGRITY).to.equal("INVALID");
    expect(statuses(result).DOCUMENT_STATUS).to.equal("VALID");
  });

  it("reports a revoked certificate's status as INVALID", async function () {
    const issued = await issueCertificate(gateway.context, { document: phyto(), signer: world.nppoKE.key });
    await revokeCertificate(gateway.context, {
      signer: world.nppoKE.key,
      id: issued.certificateId,
      reasonCode: 3,
      reasonText: "consignment re-inspected: pest found",
    });
    const result = await verifyCertificate(gateway.context, { id: issued.certificateId });
    expect(result.status).to.equal("INVALID");
    expect(statuses(result).DOCUMENT_STATUS).to.equal("INVALID");
    expect(result.fragments.find((f) => f.name === "DOCUMENT_STATUS")?.data?.status).to.equal("REVOKED");
  });

  it("points a superseded certificate to its replacement, and traces both ways", async function () {
    const original = await issueCertificate(gateway.context, { document: coo(), signer: world.chamberPK.key });
    const replacement = await replaceCertificate(gateway.context, {
      replacedId: original.certificateId,
      document: coo(),
      signer: world.chamberPK.key,
      reasonCode: 1,
    });
    const old = await verifyCertificate(gateway.context, { id: original.certificateId });
    const status = old.fragments.find((f) => f.name === "DOCUMENT_STATUS")!;
    expect(status.status).to.equal("INVALID");
    expect(status.data?.supersededBy).to.equal(replacement.certificateId);
    expect((await verifyCertificate(gateway.context, { id: replacement.certificateId })).status).to.equal("VALID");

    await gateway.context.indexer.catchUp();
    const trace = await traceCertificate(gateway.context, { id: original.certificateId });
    expect(trace.lineage).to.deep.equal([original.certificateId, replacement.certificateId]);
    expect(trace.history.map((h) => h.name)).to.deep.equal(["CertificateIssued", "CertificateSuperseded"]);
    const forward = await traceCertificate(gateway.context, { id: replacement.certificateId });
    expect(forward.certificate.supersedes).to.equal(original.certificateId);
  });

  it("says UNAVAILABLE, never INVALID, when the stored document is missing from storage", async function () {
    const issued = await issueCertificate(gateway.context, { document: coo(), signer: world.chamberPK.key });
    const emptyStore = await createHeliaDocumentStore({ directory: `${gateway.dataDir}/empty-ipfs-${Date.now()}` });
    try {
      const result = await verifyCertificate(
        { ...gateway.context, store: emptyStore },
        { id: issued.certificateId, key: world.customsDE.recipient },
      );
      expect(statuses(result).DOCUMENT_INTEGRITY).to.equal("UNAVAILABLE");
      expect(statuses(result).DOCUMENT_STATUS).to.equal("VALID");
      expect(result.status).to.equal("UNAVAILABLE");
    } finally {
      await emptyStore.close();
    }
  });

  it("says UNAVAILABLE, never INVALID, for every chain check when the node cannot be reached", async function () {
    const issued = await issueCertificate(gateway.context, { document: coo(), signer: world.chamberPK.key });
    const offline = await openTestGateway(chain, {
      rpcUrl: `http://127.0.0.1:${await freePort()}`,
      dataDir: gateway.dataDir + "-offline",
    });
    try {
      const result = await verifyCertificate(offline.context, { id: issued.certificateId });
      expect(result.status).to.equal("UNAVAILABLE");
      expect(result.fragments.map((f) => f.status)).to.deep.equal(Array(4).fill("UNAVAILABLE"));
      expect(result.fragments[0].reason).to.match(/cannot be reached/);
    } finally {
      await offline.dispose();
      await rm(offline.dataDir, { recursive: true, force: true });
    }
  });

  it("issuing the same certificate twice anchors it once; another document under the same number is refused", async function () {
    const document = coo();
    const first = await issueCertificate(gateway.context, { document, signer: world.chamberPK.key });
    const again = await issueCertificate(gateway.context, { document, signer: world.chamberPK.key });
    expect(again.certificateId).to.equal(first.certificateId);
    expect(again.digest).to.equal(first.digest);
    const changed = { ...document, remarks: "amended after issue" };
    let refused: unknown;
    try {
      await issueCertificate(gateway.context, { document: changed, signer: world.chamberPK.key });
    } catch (error) {
      refused = error;
    }
    expect(refused).to.be.instanceOf(ConflictError);
    await gateway.context.indexer.catchUp();
    const history = await gateway.context.index.certificateHistory(first.certificateId);
    expect(history.filter((h) => h.name === "CertificateIssued")).to.have.length(1);
  });

  it("refuses to issue with a key the gateway does not hold, and anchors nothing", async function () {
    const document = coo();
    let refused: unknown;
    try {
      await issueCertificate(gateway.context, { document, signer: "0x000000000000000000000000000000000000dEaD" });
    } catch (error) {
      refused = error;
    }
    expect(refused).to.be.instanceOf(NotFoundError);
    expect((refused as Error).message).to.match(/keystore|key/i);
    const head = await gateway.context.chain.block("latest");
    const onChain = await gateway.context.chain.certificate(idOfDocument(document), head.number);
    expect(onChain.status).to.equal(CertificateStatus.NONE);
  });
});
