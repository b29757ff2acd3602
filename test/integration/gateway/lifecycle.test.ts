import { expect } from "chai";
import { keccak256, toUtf8Bytes } from "ethers";
import { acceptCertificate } from "../../../src/application/accept-certificate.js";
import { loadTerms } from "../../../src/application/chain-actions.js";
import { drawDown } from "../../../src/application/draw-down.js";
import { issueBatch } from "../../../src/application/issue-batch.js";
import { issueCertificate } from "../../../src/application/issue-certificate.js";
import { reinstateAuthority } from "../../../src/application/reinstate-authority.js";
import { reinstateCertificate } from "../../../src/application/reinstate-certificate.js";
import { rejectCertificate } from "../../../src/application/reject-certificate.js";
import { revokeCertificate } from "../../../src/application/revoke-certificate.js";
import { rotateSigningKey } from "../../../src/application/rotate-signing-key.js";
import type { DocumentRecord } from "../../../src/application/ports/document-records.js";
import { idOfDocument } from "../../../src/application/seal-document.js";
import { suspendAuthority } from "../../../src/application/suspend-authority.js";
import { suspendCertificate } from "../../../src/application/suspend-certificate.js";
import { traceAuthority } from "../../../src/application/trace-authority.js";
import { verifyBatchLeaf } from "../../../src/application/verify-batch-leaf.js";
import { verifyCertificate } from "../../../src/application/verify-certificate.js";
import { verifyDocument } from "../../../src/application/verify-document.js";
import type { CertificateOfOrigin } from "../../../src/domain/documents/certificate-of-origin.js";
import { ForbiddenError, LifecycleError, ValidationError } from "../../../src/domain/errors.js";
import { AuthorityStatus, CertificateStatus } from "../../../src/domain/registry-types.js";
import type { VerificationFragment, VerificationResult } from "../../../src/domain/verification.js";
import { numberedCertificates } from "../../fixtures/documents.js";
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
const fragmentOf = (result: VerificationResult, name: VerificationFragment["name"]): VerificationFragment =>
  result.fragments.find((f) => f.name === name)!;

/** The error a request was refused with; fails the test when it was not refused. */
async function refusal(request: Promise<unknown>): Promise<Error> {
  try {
    await request;
  } catch (error) {
    return error as Error;
  }
  return expect.fail("the request was expected to be refused, but it succeeded");
}

/** The sample CoO certifies 11 070 KGM: 11 070 000 thousandths on chain. */
const CERTIFIED = 11_070_000n;

describe(`Gateway certificate lifecycle through the use cases (${usingPostgres() ? "PostgreSQL" : "PGlite"})`, function () {
  let chain: TestChain;
  let gateway: TestGateway;
  let world: World;
  /** The chamber's current signing key: the rotation test replaces it. */
  let chamberKey: string;

  const coo = (importCountry?: string) => cooFrom(world, importCountry);
  const phyto = () => phytoFrom(world);
  const head = async () => (await gateway.context.chain.block("latest")).number;
  const chainStatus = async (id: string) => (await gateway.context.chain.certificate(id, await head())).status;
  const consumedOnChain = async (id: string) => gateway.context.chain.consumedQuantity(id, await head());

  /** Issues a CoO with the chamber's current key and indexes it (a drawdown reads its terms from the index). */
  async function issuedCoo(): Promise<string> {
    const issued = await issueCertificate(gateway.context, { document: coo(), signer: chamberKey });
    expect(issued.status).to.equal("CONFIRMED");
    await gateway.context.indexer.catchUp();
    return issued.certificateId;
  }

  async function issuedPhyto(): Promise<string> {
    const issued = await issueCertificate(gateway.context, { document: phyto(), signer: world.nppoKE.key });
    expect(issued.status).to.equal("CONFIRMED");
    return issued.certificateId;
  }

  before(async function () {
    chain = await startTestChain();
    gateway = await openTestGateway(chain);
    world = await seedAuthorities(gateway);
    chamberKey = world.chamberPK.key;
  });

  after(async function () {
    await gateway?.dispose();
    await chain?.node.stop();
  });

  describe("drawdown of a certificate of origin by the importing customs", function () {
    let id: string;
    let first: Awaited<ReturnType<typeof drawDown>>;
    const customsDE = () => ({ signer: world.customsDE.key, id });

    before(async function () {
      id = await issuedCoo();
    });

    it("a partial drawdown leaves USAGE VALID with the remaining quantity", async function () {
      first = await drawDown(gateway.context, {
        ...customsDE(),
        declarationReference: "DE-ATLAS-26DE0001",
        amount: "4000.5",
      });
      expect(first.status).to.equal("CONFIRMED");
      expect(first.declarationHash).to.equal(keccak256(toUtf8Bytes("DE-ATLAS-26DE0001")));

      const result = await verifyCertificate(gateway.context, { id });
      expect(result.status).to.equal("VALID");
      const usage = fragmentOf(result, "USAGE");
      expect(usage.status).to.equal("VALID");
      expect(usage.data).to.include({
        certified: CERTIFIED.toString(),
        consumed: "4000500",
        remaining: (CERTIFIED - 4_000_500n).toString(),
      });
      expect(await consumedOnChain(id)).to.equal(4_000_500n);
    });

    it("refuses a drawdown beyond what is left with a ValidationError, and changes nothing", async function () {
      const error = await refusal(
        drawDown(gateway.context, { ...customsDE(), declarationReference: "DE-ATLAS-26DE0002", amount: "8000" }),
      );
      expect(error).to.be.instanceOf(ValidationError);
      expect(error.message)
        .to.include(`remaining ${CERTIFIED - 4_000_500n}`)
        .and.include("requested 8000000");
      expect(await consumedOnChain(id)).to.equal(4_000_500n);
      expect(await chainStatus(id)).to.equal(CertificateStatus.ISSUED);
    });

    it("repeating a declaration reference is the same drawdown, recorded once", async function () {
      const again = await drawDown(gateway.context, {
        ...customsDE(),
        declarationReference: "DE-ATLAS-26DE0001",
        amount: "4000.5",
      });
      expect(again.status).to.equal("CONFIRMED");
      expect(again.transactionHash).to.equal(first.transactionHash);
      expect(await consumedOnChain(id)).to.equal(4_000_500n);
      await gateway.context.indexer.catchUp();
      const drawdowns = await gateway.context.index.drawdowns(id);
      expect(drawdowns.map((d) => d.declarationHash)).to.deep.equal([first.declarationHash]);
      expect(drawdowns[0].amount).to.equal(4_000_500n);
    });

    it("refuses customs of a country the certificate does not name (FR) with a ForbiddenError", async function () {
      const error = await refusal(
        drawDown(gateway.context, {
          signer: world.customsFR.key,
          id,
          declarationReference: "FR-DELTA-26FR0001",
          amount: "1",
        }),
      );
      expect(error).to.be.instanceOf(ForbiddenError);
      expect(error.message).to.include("CertificateRegistryWrongImportCountry");
      expect(await consumedOnChain(id)).to.equal(4_000_500n);
    });

    it("refuses another country's customs even when they quote a declaration already drawn down", async function () {
      const error = await refusal(
        drawDown(gateway.context, {
          signer: world.customsFR.key,
          id,
          declarationReference: "DE-ATLAS-26DE0001",
          amount: "4000.5",
        }),
      );
      expect(error).to.be.instanceOf(ForbiddenError);
    });

    it("drawing the rest exhausts the certificate: EXHAUSTED, USAGE and DOCUMENT_STATUS INVALID", async function () {
      const outcome = await drawDown(gateway.context, {
        ...customsDE(),
        declarationReference: "DE-ATLAS-26DE0003",
        amount: "7069.5",
      });
      expect(outcome.status).to.equal("CONFIRMED");
      expect(await chainStatus(id)).to.equal(CertificateStatus.EXHAUSTED);
      expect(await consumedOnChain(id)).to.equal(CERTIFIED);

      await gateway.context.indexer.catchUp();
      const result = await verifyCertificate(gateway.context, { id });
      expect(result.status).to.equal("INVALID");
      expect(fragmentOf(result, "DOCUMENT_STATUS")).to.deep.include({ status: "INVALID" });
      expect(fragmentOf(result, "DOCUMENT_STATUS").data?.status).to.equal("EXHAUSTED");
      expect(fragmentOf(result, "USAGE").status).to.equal("INVALID");
      expect(fragmentOf(result, "USAGE").data).to.include({ remaining: "0", drawdowns: 2 });
      expect(statuses(result).ISSUER_IDENTITY).to.equal("VALID");
    });

    it("refuses any drawdown on an exhausted certificate with a LifecycleError naming EXHAUSTED", async function () {
      const error = await refusal(
        drawDown(gateway.context, { ...customsDE(), declarationReference: "DE-ATLAS-26DE0004", amount: "0.001" }),
      );
      expect(error).to.be.instanceOf(LifecycleError);
      expect(error.message).to.include("EXHAUSTED");
    });
  });

  describe("acknowledgement by the importing country", function () {
    it("the importing NPPO (NL) accepts an ePhyto: status ACCEPTED, still VALID", async function () {
      const id = await issuedPhyto();
      const outcome = await acceptCertificate(gateway.context, { signer: world.nppoNL.key, id });
      expect(outcome.status).to.equal("CONFIRMED");
      expect(await chainStatus(id)).to.equal(CertificateStatus.ACCEPTED);
      const result = await verifyCertificate(gateway.context, { id });
      expect(result.status).to.equal("VALID");
      expect(fragmentOf(result, "DOCUMENT_STATUS").data?.status).to.equal("ACCEPTED");
    });

    it("a rejected ePhyto is INVALID, and the reason is recorded", async function () {
      const id = await issuedPhyto();
      const reasonText = "Live thrips (Frankliniella occidentalis) found at inspection";
      await rejectCertificate(gateway.context, { signer: world.nppoNL.key, id, reasonCode: 4, reasonText });
      const result = await verifyCertificate(gateway.context, { id });
      expect(result.status).to.equal("INVALID");
      expect(fragmentOf(result, "DOCUMENT_STATUS").data?.status).to.equal("REJECTED");

      await gateway.context.indexer.catchUp();
      const history = await gateway.context.index.certificateHistory(id);
      const rejection = history.find((h) => h.name === "CertificateRejected");
      expect(rejection?.args).to.include({
        authorityId: world.nppoNL.authorityId,
        reasonCode: 4,
        reasonHash: keccak256(toUtf8Bytes(reasonText)),
      });
    });

    it("a second acknowledgement is refused with a LifecycleError naming the status; a retry is not", async function () {
      const id = await issuedPhyto();
      const accepted = await acceptCertificate(gateway.context, { signer: world.nppoNL.key, id });
      const retried = await acceptCertificate(gateway.context, { signer: world.nppoNL.key, id });
      expect(retried.transactionHash).to.equal(accepted.transactionHash);

      const error = await refusal(
        rejectCertificate(gateway.context, { signer: world.nppoNL.key, id, reasonCode: 1, reasonText: "late" }),
      );
      expect(error).to.be.instanceOf(LifecycleError);
      expect(error.message).to.match(/is ACCEPTED: REJECT is not allowed/);
      expect(await chainStatus(id)).to.equal(CertificateStatus.ACCEPTED);
    });

    it("customs (DE) cannot acknowledge an ePhyto for the Netherlands: ForbiddenError", async function () {
      const id = await issuedPhyto();
      const error = await refusal(acceptCertificate(gateway.context, { signer: world.customsDE.key, id }));
      expect(error).to.be.instanceOf(ForbiddenError);
      expect(await chainStatus(id)).to.equal(CertificateStatus.ISSUED);
    });

    it("the wrong party is refused even after the right one has acknowledged", async function () {
      const id = await issuedPhyto();
      await acceptCertificate(gateway.context, { signer: world.nppoNL.key, id });
      const error = await refusal(acceptCertificate(gateway.context, { signer: world.customsDE.key, id }));
      expect(error).to.be.instanceOf(ForbiddenError);
    });
  });

  describe("suspension and revocation by the issuer", function () {
    it("a suspended certificate is INVALID, and VALID again once reinstated", async function () {
      const id = await issuedCoo();
      await suspendCertificate(gateway.context, { signer: chamberKey, id, reasonCode: 2 });
      const suspended = await verifyCertificate(gateway.context, { id });
      expect(suspended.status).to.equal("INVALID");
      expect(fragmentOf(suspended, "DOCUMENT_STATUS").data?.status).to.equal("SUSPENDED");

      await reinstateCertificate(gateway.context, { signer: chamberKey, id });
      const reinstated = await verifyCertificate(gateway.context, { id });
      expect(reinstated.status).to.equal("VALID");
      expect(fragmentOf(reinstated, "DOCUMENT_STATUS").data?.status).to.equal("ISSUED");
    });

    it("revoking a revoked certificate is refused with a LifecycleError naming REVOKED; a retry is not", async function () {
      const id = await issuedCoo();
      const revoke = { signer: chamberKey, id, reasonCode: 3, reasonText: "origin criterion not met" };
      const revoked = await revokeCertificate(gateway.context, revoke);
      expect((await revokeCertificate(gateway.context, revoke)).transactionHash).to.equal(revoked.transactionHash);

      const again = await refusal(
        revokeCertificate(gateway.context, { ...revoke, reasonCode: 5, reasonText: "issued in error" }),
      );
      expect(again).to.be.instanceOf(LifecycleError);
      expect(again.message).to.include("REVOKED");
      expect((again as LifecycleError).details.currentStatus).to.equal("REVOKED");

      const byAccreditor = await refusal(
        revokeCertificate(gateway.context, { signer: world.accreditors.PK, id, reasonCode: 3 }),
      );
      expect(byAccreditor).to.be.instanceOf(LifecycleError);
      expect(byAccreditor.message).to.include("REVOKED");
    });

    it("the accreditor of the issuer's country can revoke a certificate", async function () {
      const id = await issuedCoo();
      await revokeCertificate(gateway.context, { signer: world.accreditors.PK, id, reasonCode: 7 });
      expect(await chainStatus(id)).to.equal(CertificateStatus.REVOKED);
    });
  });

  describe("signing key rotation", function () {
    it("keeps certificates signed with the old key VALID, refuses the old key, and issues with the new one", async function () {
      const before = await issuedCoo();
      const oldKey = chamberKey;
      const newKey = (await gateway.keystore.create("Karachi Chamber of Commerce signing key 2")).address;
      await rotateSigningKey(gateway.context, {
        accreditor: world.accreditors.PK,
        authorityId: world.chamberPK.authorityId,
        oldKey,
        newKey,
        newKeyValidUntil: Math.floor(Date.now() / 1000) + 365 * 86_400,
      });
      chamberKey = newKey;

      const verified = await verifyCertificate(gateway.context, { id: before });
      expect(statuses(verified).ISSUER_IDENTITY).to.equal("VALID");
      expect(fragmentOf(verified, "ISSUER_IDENTITY").data?.key).to.equal(oldKey);

      const document = coo();
      const error = await refusal(issueCertificate(gateway.context, { document, signer: oldKey }));
      expect(error).to.be.instanceOf(ForbiddenError);
      expect(error.message).to.include("AuthorityRegistryUnauthorizedKey");
      expect(await chainStatus(idOfDocument(document))).to.equal(CertificateStatus.NONE);

      const issued = await issueCertificate(gateway.context, { document, signer: newKey });
      expect(issued.status).to.equal("CONFIRMED");
      const result = await verifyCertificate(gateway.context, { id: issued.certificateId });
      expect(result.status).to.equal("VALID");
      expect(fragmentOf(result, "ISSUER_IDENTITY").data?.key).to.equal(newKey);
    });
  });

  describe("a suspended issuing authority", function () {
    it("cannot issue, while what it issued before stays VALID; reinstated, it issues again", async function () {
      const before = await issuedCoo();
      const chamber = world.chamberPK.authorityId;
      await suspendAuthority(gateway.context, {
        accreditor: world.accreditors.PK,
        authorityId: chamber,
        reasonCode: 2,
      });
      try {
        expect((await gateway.context.chain.authority(chamber, await head())).status).to.equal(
          AuthorityStatus.SUSPENDED,
        );
        const document = coo();
        const error = await refusal(issueCertificate(gateway.context, { document, signer: chamberKey }));
        expect(error).to.be.instanceOf(ForbiddenError);
        expect(error.message).to.include("AuthorityRegistryAuthorityNotActive");
        expect(await chainStatus(idOfDocument(document))).to.equal(CertificateStatus.NONE);

        const earlier = await verifyCertificate(gateway.context, { id: before });
        expect(statuses(earlier)).to.include({ ISSUER_IDENTITY: "VALID", DOCUMENT_STATUS: "VALID" });
      } finally {
        await reinstateAuthority(gateway.context, { accreditor: world.accreditors.PK, authorityId: chamber });
      }
      expect((await gateway.context.chain.authority(chamber, await head())).status).to.equal(AuthorityStatus.ACTIVE);
      expect((await issueCertificate(gateway.context, { document: coo(), signer: chamberKey })).status).to.equal(
        "CONFIRMED",
      );
    });
  });

  describe("batch issuance", function () {
    let batch: Awaited<ReturnType<typeof issueBatch>>;
    let documents: CertificateOfOrigin[];
    const country = (i: number) => (i % 3 === 0 ? "NL" : "DE");

    before(async function () {
      documents = numberedCertificates("COO", 40).map((d, i) => ({
        ...d,
        issuer: { ...d.issuer, authorityId: world.chamberPK.authorityId },
        importCountry: country(i),
        consignee: { ...d.consignee, country: country(i) },
      }));
      batch = await issueBatch(gateway.context, { documents, signer: chamberKey });
    });

    it("anchors 40 certificates of origin with one transaction and one BatchAnchored event", async function () {
      expect(batch.status).to.equal("CONFIRMED");
      expect(batch.certificates).to.have.length(40);
      const events = await gateway.context.chain.events(batch.blockNumber!, batch.blockNumber!);
      expect(events.map((e) => e.name)).to.deep.equal(["BatchAnchored"]);
      expect(events[0].args).to.include({ root: batch.root, count: 40, issuer: world.chamberPK.authorityId });
      const records = await gateway.context.documents.byBatch(batch.root);
      expect(records).to.have.length(40);
    });

    it("a member verifies VALID by document through its Merkle proof; a tampered one is INVALID", async function () {
      const member = documents[7];
      const result = await verifyDocument(gateway.context, { document: member });
      expect(result.status).to.equal("VALID");
      expect(result.certificateId).to.equal(idOfDocument(member));
      expect(statuses(result)).to.include({
        DOCUMENT_INTEGRITY: "VALID",
        DOCUMENT_STATUS: "VALID",
        ISSUER_IDENTITY: "VALID",
      });
      expect(fragmentOf(result, "DOCUMENT_INTEGRITY").reason).to.match(/Merkle proof/);

      const [first, ...rest] = member.items;
      const tampered = { ...member, items: [{ ...first, quantity: { value: "13000", unit: "NAR" } }, ...rest] };
      const forged = await verifyDocument(gateway.context, { document: tampered });
      expect(forged.status).to.equal("INVALID");
      expect(statuses(forged).DOCUMENT_INTEGRITY).to.equal("INVALID");
    });

    it("verifyBatchLeaf holds with the member's proof and says INTEGRITY INVALID with another's", async function () {
      const records = new Map(
        (await gateway.context.documents.byBatch(batch.root)).map((r) => [r.certificateNumber, r]),
      );
      const a = records.get(documents[1].certificateNumber)!;
      const b = records.get(documents[2].certificateNumber)!;
      const right = await verifyBatchLeaf(gateway.context, {
        root: batch.root,
        terms: loadTerms(a.terms),
        proof: a.proof!,
      });
      expect(right.status).to.equal("VALID");
      expect(right.certificateId).to.equal(a.certificateId);

      const wrong = await verifyBatchLeaf(gateway.context, {
        root: batch.root,
        terms: loadTerms(a.terms),
        proof: b.proof!,
      });
      expect(wrong.status).to.equal("INVALID");
      expect(statuses(wrong).DOCUMENT_INTEGRITY).to.equal("INVALID");
    });

    it("a member verifies by id on the issuing gateway through its stored proof, before any record of its own", async function () {
      const id = idOfDocument(documents[4]); // a German member
      expect(await chainStatus(id)).to.equal(CertificateStatus.NONE);
      const plain = await verifyCertificate(gateway.context, { id });
      expect(plain.status).to.equal("VALID");
      expect(plain.certificateId).to.equal(id);
      expect(statuses(plain)).to.deep.equal({
        DOCUMENT_INTEGRITY: "SKIPPED",
        DOCUMENT_STATUS: "VALID",
        ISSUER_IDENTITY: "VALID",
        USAGE: "SKIPPED",
      });
      const withKey = await verifyCertificate(gateway.context, { id, key: world.customsDE.recipient });
      expect(statuses(withKey).DOCUMENT_INTEGRITY).to.equal("VALID");
      const otherCountry = await verifyCertificate(gateway.context, { id, key: world.customsNL.recipient });
      expect(statuses(otherCountry).DOCUMENT_INTEGRITY).to.equal("SKIPPED");
    });

    it("customs NL can read the Dutch members' part but not the German members'", async function () {
      const records = await gateway.context.documents.byBatch(batch.root);
      const byCountry = new Map<string, DocumentRecord>();
      for (const record of records) {
        const index = documents.findIndex((d) => d.certificateNumber === record.certificateNumber);
        byCountry.set(country(index), record);
      }
      const nlRecord = byCountry.get("NL")!;
      const deRecord = byCountry.get("DE")!;
      expect(nlRecord.cid).to.not.equal(deRecord.cid);
      const read = async (cid: string, key: World["customsNL"]["recipient"]) => {
        const envelope = await gateway.context.store.get(cid);
        expect(envelope, `stored part ${cid}`).to.not.equal(undefined);
        const plaintext = await gateway.context.cipher.decrypt(envelope!, key);
        return (JSON.parse(new TextDecoder().decode(plaintext)) as { documents: { document: CertificateOfOrigin }[] })
          .documents;
      };

      const dutch = await read(nlRecord.cid, world.customsNL.recipient);
      const expected = documents.filter((_, i) => country(i) === "NL").map((d) => d.certificateNumber);
      expect(dutch.map((d) => d.document.certificateNumber)).to.have.members(expected);

      const error = await refusal(read(deRecord.cid, world.customsNL.recipient));
      expect(error).to.be.instanceOf(ForbiddenError);
      expect(await read(deRecord.cid, world.customsDE.recipient)).to.have.length(40 - expected.length);
      expect(await read(deRecord.cid, world.auditor.recipient)).to.have.length(40 - expected.length);
    });
  });

  describe("tracing an authority", function () {
    it("lists the chamber's registration, keys, suspension and every event of its certificates, in chain order", async function () {
      await gateway.context.indexer.catchUp();
      const trace = await traceAuthority(gateway.context, { authorityId: world.chamberPK.authorityId });
      const names = trace.history.map((h) => h.name);
      expect(names.slice(0, 2)).to.deep.equal(["AuthorityRegistered", "SigningKeyAdded"]);
      const order = trace.history.map((h) => [h.blockNumber, h.logIndex]);
      const sorted = [...order].sort(([b1, l1], [b2, l2]) => b1 - b2 || l1 - l2);
      expect(order).to.deep.equal(sorted);
      for (const name of [
        "SigningKeyRotated",
        "AuthoritySuspended",
        "AuthorityReinstated",
        "CertificateIssued",
        "CertificateSuspended",
        "CertificateReinstated",
        "CertificateRevoked",
        "CertificateDrawnDown",
        "CertificateExhausted",
        "BatchAnchored",
      ]) {
        expect(names, name).to.include(name);
      }
      // The accreditor's revocation (authority 0) is part of the chamber's history too.
      expect(trace.history.some((h) => h.name === "CertificateRevoked" && h.args.authorityId === 0)).to.equal(true);
      const rotation = trace.history.find((h) => h.name === "SigningKeyRotated")!;
      expect(rotation.args).to.include({ oldKey: world.chamberPK.key, newKey: chamberKey });
      // Everything the chamber issued in this suite, and nothing another authority issued.
      const issued = trace.history.filter((h) => h.name === "CertificateIssued");
      expect(issued.every((h) => h.args.issuer === world.chamberPK.authorityId)).to.equal(true);
      expect(trace.indexedToBlock).to.equal(await head());

      const customs = await traceAuthority(gateway.context, { authorityId: world.customsDE.authorityId });
      expect(customs.history.map((h) => h.name)).to.include("CertificateDrawnDown");
      expect(customs.history.every((h) => h.name !== "CertificateIssued")).to.equal(true);
    });
  });
});
