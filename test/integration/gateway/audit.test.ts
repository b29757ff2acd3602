import { expect } from "chai";
import { acceptCertificate } from "../../../src/application/accept-certificate.js";
import { addSigningKey } from "../../../src/application/add-signing-key.js";
import { drawDown } from "../../../src/application/draw-down.js";
import { exportHistory, HISTORY_CSV_COLUMNS, type HistoryRow } from "../../../src/application/export-history.js";
import { findAnomalies, type Anomaly, type AnomalyKind } from "../../../src/application/find-anomalies.js";
import { issueBatch } from "../../../src/application/issue-batch.js";
import { issueCertificate } from "../../../src/application/issue-certificate.js";
import { registerAuthority } from "../../../src/application/register-authority.js";
import { reinstateAuthority } from "../../../src/application/reinstate-authority.js";
import { revokeCertificate } from "../../../src/application/revoke-certificate.js";
import { suspendAuthority } from "../../../src/application/suspend-authority.js";
import { generateRecipientKeyPair } from "../../../src/adapters/crypto/recipient-key-pair.js";
import type { Clock } from "../../../src/application/ports/clock.js";
import { ForbiddenError, LifecycleError, ValidationError } from "../../../src/domain/errors.js";
import { systemClock } from "../../../src/main.js";
import { numberedCertificates } from "../../fixtures/documents.js";
import {
  cooFrom,
  openTestGateway,
  phytoFrom,
  seedAuthorities,
  startTestChain,
  uniqueNumber,
  usingPostgres,
  type TestChain,
  type TestGateway,
  type World,
} from "../../fixtures/gateway.js";

/** The error a request was refused with; fails the test when it was not refused. */
async function refusal(request: Promise<unknown>): Promise<Error> {
  try {
    await request;
  } catch (error) {
    return error as Error;
  }
  return expect.fail("the request was expected to be refused, but it succeeded");
}

/** One JSON-RPC call to the test node (Hardhat's evm_* methods). */
async function rpc(url: string, method: string, params: unknown[] = []): Promise<unknown> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  return ((await response.json()) as { result: unknown }).result;
}

/** Whether the rows are ordered by block, then log index, with no row twice. */
function inChainOrder(rows: readonly HistoryRow[]): boolean {
  return rows.every((r, i) => {
    const before = rows[i - 1];
    return i === 0 || before.block < r.block || (before.block === r.block && before.logIndex < r.logIndex);
  });
}

/** The sample CoO certifies 11 070 KGM and is invoiced 186 420 EUR. */
const CERTIFIED = "11070";

describe(`Auditor: anomaly reports, declarations, documents by UCR, history export (${usingPostgres() ? "PostgreSQL" : "PGlite"})`, function () {
  let chain: TestChain;
  let gateway: TestGateway;
  let world: World;

  /** How far the test has moved the chain's time ahead: the gateway's clock follows, so its signatures' deadlines do. */
  let shiftMs = 0;
  const chainClock: Clock = { now: () => new Date(Date.now() + shiftMs), sleep: (ms) => systemClock.sleep(ms) };
  const advanceChainTime = async (seconds: number) => {
    await rpc(chain.node.url, "evm_increaseTime", [seconds]);
    shiftMs += seconds * 1000;
  };

  const ctx = () => gateway.context;
  const anomalies = async (kind: AnomalyKind, about: Partial<Anomaly> = {}, query = {}): Promise<Anomaly[]> => {
    await ctx().indexer.catchUp();
    const found = await findAnomalies(ctx(), { kinds: [kind], ...query });
    return found.filter(
      (a) =>
        (about.certificateId === undefined || a.certificateId === about.certificateId) &&
        (about.authorityId === undefined || a.authorityId === about.authorityId),
    );
  };

  /** Issues a CoO of the chamber to `importCountry` ("" for none) and indexes it; returns its id. */
  async function issuedCoo(importCountry = "DE"): Promise<string> {
    const document = { ...cooFrom(world, importCountry || "DE"), importCountry: importCountry || undefined };
    const issued = await issueCertificate(ctx(), { document, signer: world.chamberPK.key });
    expect(issued.status).to.equal("CONFIRMED");
    await ctx().indexer.catchUp();
    return issued.certificateId;
  }

  before(async function () {
    chain = await startTestChain();
    gateway = await openTestGateway(chain, { parts: { clock: chainClock } });
    world = await seedAuthorities(gateway);
    await ctx().indexer.catchUp();
  });

  after(async function () {
    await gateway?.dispose();
    await chain?.node.stop();
  });

  it("a world where every party keeps to the rules reports no anomaly", async function () {
    const id = await issuedCoo();
    // Half the certified quantity, declared at half the CoO's invoiced value: in line, pro rata.
    const drawn = await drawDown(ctx(), {
      signer: world.customsDE.key,
      id,
      amount: "5535",
      declaration: { reference: "DE-ATLAS-CLEAN-1", invoiceValue: "93210.00", invoiceCurrency: "EUR" },
    });
    expect(drawn.status).to.equal("CONFIRMED");
    const phyto = await issueCertificate(ctx(), { document: phytoFrom(world), signer: world.nppoKE.key });
    await acceptCertificate(ctx(), { signer: world.nppoNL.key, id: phyto.certificateId });
    await ctx().indexer.catchUp();

    expect(await findAnomalies(ctx())).to.deep.equal([]);
    const [declared] = await ctx().declarations.forCertificate(id);
    expect(declared).to.include({
      reference: "DE-ATLAS-CLEAN-1",
      amount: "5535",
      invoiceValue: "93210",
      invoiceCurrency: "EUR",
      outcome: "RECORDED",
      authorityId: world.customsDE.authorityId,
      country: "DE",
      declarationHash: drawn.declarationHash,
    });
  });

  it("keeps each document's consignment reference and figures, and finds a consignment's documents by UCR", async function () {
    const ucr = uniqueNumber("UCR-PK-KE");
    const coo = {
      ...cooFrom(world),
      ucr,
      invoices: [
        { number: "INV-1", value: { amount: "100000.25", currency: "EUR" } },
        { number: "INV-2", value: { amount: "86419.75", currency: "EUR" } },
      ],
    };
    const issuedCoo = await issueCertificate(ctx(), { document: coo, signer: world.chamberPK.key });
    const issuedPhyto = await issueCertificate(ctx(), {
      document: { ...phytoFrom(world), ucr },
      signer: world.nppoKE.key,
    });

    const records = await ctx().documents.byUcr(ucr);
    expect(records.map((r) => r.certificateId)).to.have.members([issuedCoo.certificateId, issuedPhyto.certificateId]);
    const byKind = Object.fromEntries(records.map((r) => [r.kind, r]));
    expect(byKind.COO.ucr).to.equal(ucr);
    expect(byKind.COO.facts).to.deep.equal({
      kind: "COO",
      exportCountry: "PK",
      importCountry: "DE",
      exportDeclaration: "KPEX-HC-2026-118734",
      certifiedQuantity: CERTIFIED,
      certifiedUnit: "KGM",
      invoiceValue: "186420",
      invoiceCurrency: "EUR",
    });
    expect(byKind.PHYTO.facts).to.deep.equal({ kind: "PHYTO", exportCountry: "KE", importCountry: "NL" });
    expect(await ctx().documents.byUcr(uniqueNumber("UCR-NONE"))).to.deep.equal([]);
  });

  describe("OVER_DRAW_ATTEMPT", function () {
    let id: string;

    before(async function () {
      id = await issuedCoo();
      await drawDown(ctx(), { signer: world.customsDE.key, id, declarationReference: "DE-OD-1", amount: "10000" });
    });

    it("records a drawdown beyond what is left as REFUSED, and reports it once with the figures", async function () {
      const error = await refusal(
        drawDown(ctx(), { signer: world.customsDE.key, id, declarationReference: "DE-OD-2", amount: "2000" }),
      );
      expect(error).to.be.instanceOf(ValidationError);

      const log = await ctx().declarations.forCertificate(id);
      expect(log.map((d) => [d.reference, d.outcome])).to.deep.equal([
        ["DE-OD-1", "RECORDED"],
        ["DE-OD-2", "REFUSED"],
      ]);
      expect(log[1].reason).to.equal(`CertificateRegistryQuantityExceeded(${id}, 1070000, 2000000)`);

      const [found, ...more] = await anomalies("OVER_DRAW_ATTEMPT", { certificateId: id });
      expect(more).to.deep.equal([]);
      expect(found).to.include({ severity: "MEDIUM", authorityId: world.customsDE.authorityId });
      expect(found.evidence).to.include({
        reference: "DE-OD-2",
        requested: "2000",
        remaining: "1070",
        certified: CERTIFIED,
        unit: "KGM",
      });
      expect(found.explanation).to.include("2000 KGM").and.include("only 1070 KGM").and.include("refused");
    });

    it("settles drawdowns sent without waiting once the chain answers, so an over-draw among them is reported", async function () {
      const other = await issuedCoo();
      const sent = await Promise.all(
        [
          ["DE-NW-1", "70"],
          ["DE-NW-2", "99999"],
        ].map(([declarationReference, amount]) =>
          drawDown(ctx(), { signer: world.customsDE.key, id: other, declarationReference, amount, wait: false }),
        ),
      );
      expect(sent.map((s) => s.status)).to.deep.equal(["PENDING", "PENDING"]);
      expect((await ctx().declarations.forCertificate(other)).map((d) => d.outcome)).to.deep.equal([
        "PENDING",
        "PENDING",
      ]);
      // Reported before the chain has answered: nothing yet, and nothing settled.
      expect(await anomalies("OVER_DRAW_ATTEMPT", { certificateId: other })).to.deep.equal([]);

      for (const { idempotencyKey } of sent) await ctx().worker.settle(idempotencyKey, 20_000);
      const found = await anomalies("OVER_DRAW_ATTEMPT", { certificateId: other });
      expect(found.map((a) => [a.evidence.reference, a.evidence.requested])).to.deep.equal([["DE-NW-2", "99999"]]);
      const log = await ctx().declarations.forCertificate(other);
      expect(log.map((d) => [d.reference, d.outcome])).to.deep.equal([
        ["DE-NW-1", "RECORDED"],
        ["DE-NW-2", "REFUSED"],
      ]);
      expect(log[1].reason).to.match(/^CertificateRegistryQuantityExceeded\(/);
    });

    it("a drawdown on an exhausted certificate is an over-draw attempt with nothing left", async function () {
      await drawDown(ctx(), { signer: world.customsDE.key, id, declarationReference: "DE-OD-3", amount: "1070" });
      const error = await refusal(
        drawDown(ctx(), { signer: world.customsDE.key, id, declarationReference: "DE-OD-4", amount: "1" }),
      );
      expect(error).to.be.instanceOf(LifecycleError);
      const found = await anomalies("OVER_DRAW_ATTEMPT", { certificateId: id });
      expect(found.map((a) => [a.evidence.reference, a.evidence.remaining])).to.deep.equal([
        ["DE-OD-2", "1070"],
        ["DE-OD-4", "0"],
      ]);
    });
  });

  describe("USE_IN_TWO_COUNTRIES", function () {
    it("a certificate naming no importing country, drawn down by German and Dutch customs, is reported once", async function () {
      const id = await issuedCoo("");
      await drawDown(ctx(), { signer: world.customsDE.key, id, declarationReference: "DE-2C-1", amount: "1000" });
      await drawDown(ctx(), { signer: world.customsNL.key, id, declarationReference: "NL-2C-1", amount: "1500.5" });

      const [found, ...more] = await anomalies("USE_IN_TWO_COUNTRIES", { certificateId: id });
      expect(more).to.deep.equal([]);
      expect(found).to.include({ severity: "HIGH", authorityId: world.customsNL.authorityId });
      expect(found.evidence.importCountry).to.equal(null);
      expect(found.evidence.countries).to.deep.equal(["DE", "NL"]);
      const uses = found.evidence.uses as Record<string, unknown>[];
      expect(uses.map((u) => [u.act, u.country, u.amount, u.importCountryUnnamed])).to.deep.equal([
        ["DRAWDOWN", "DE", "1000", true],
        ["DRAWDOWN", "NL", "1500.5", true],
      ]);
      expect(found.block).to.equal(uses[1].block);
      expect(found.explanation).to.include("names no importing country").and.include("DE and NL");
    });

    it("one drawdown of a certificate naming no importing country is flagged, at a lower severity", async function () {
      const id = await issuedCoo("");
      await drawDown(ctx(), { signer: world.customsFR.key, id, declarationReference: "FR-1C-1", amount: "10" });
      const [found, ...more] = await anomalies("USE_IN_TWO_COUNTRIES", { certificateId: id });
      expect(more).to.deep.equal([]);
      expect(found).to.include({ severity: "MEDIUM", authorityId: world.customsFR.authorityId });
      expect(found.evidence.countries).to.deep.equal(["FR"]);
    });

    it("customs of another country are refused by the registry: the attempt is recorded and reported", async function () {
      const id = await issuedCoo("DE");
      const error = await refusal(
        drawDown(ctx(), { signer: world.customsFR.key, id, declarationReference: "FR-WRONG-1", amount: "10" }),
      );
      expect(error).to.be.instanceOf(ForbiddenError);
      const [logged] = await ctx().declarations.forCertificate(id);
      expect(logged).to.include({ outcome: "REFUSED", country: "FR", authorityId: world.customsFR.authorityId });
      expect(logged.reason).to.match(/^CertificateRegistryWrongImportCountry\(/);

      const [found, ...more] = await anomalies("USE_IN_TWO_COUNTRIES", { certificateId: id });
      expect(more).to.deep.equal([]);
      expect(found).to.include({ severity: "MEDIUM", authorityId: world.customsFR.authorityId });
      expect(found.evidence).to.include({ importCountry: "DE", country: "FR", reference: "FR-WRONG-1" });
      expect(await anomalies("OVER_DRAW_ATTEMPT", { certificateId: id })).to.deep.equal([]);
    });
  });

  describe("INVOICE_MISMATCH", function () {
    let id: string;

    before(async function () {
      id = await issuedCoo();
      // Half the quantity declared in another currency: not comparable, so not reported.
      await drawDown(ctx(), {
        signer: world.customsDE.key,
        id,
        amount: "5535",
        declaration: { reference: "DE-INV-USD", invoiceValue: 20_000, invoiceCurrency: "USD" },
      });
      // The other half declared at half its pro-rata value (93 210 EUR for 5 535 KGM).
      await drawDown(ctx(), {
        signer: world.customsDE.key,
        id,
        amount: "5535",
        declaration: { reference: "DE-INV-EUR", invoiceValue: "46605", invoiceCurrency: "EUR" },
      });
    });

    it("reports an import declaration at 50 % of the CoO's invoiced value once, with both values and the ratio", async function () {
      const [found, ...more] = await anomalies("INVOICE_MISMATCH", { certificateId: id });
      expect(more).to.deep.equal([]);
      expect(found).to.include({ severity: "HIGH", authorityId: world.customsDE.authorityId });
      expect(found.evidence).to.include({
        reference: "DE-INV-EUR",
        declaredValue: "46605",
        currency: "EUR",
        amount: "5535",
        invoicedValue: "186420",
        certifiedQuantity: CERTIFIED,
        expectedValue: "93210.00",
        ratio: 0.5,
        tolerance: 0.2,
      });
      expect(found.explanation).to.include("46605 EUR").and.include("186420 EUR").and.include("under-invoicing");
    });

    it("a wider tolerance leaves it out", async function () {
      expect(await anomalies("INVOICE_MISMATCH", { certificateId: id }, { invoiceTolerance: 0.6 })).to.deep.equal([]);
    });
  });

  describe("ISSUANCE_BURST", function () {
    let root: string;

    before(async function () {
      // The Kenyan NPPO issues one ePhyto an hour for three hours, then a batch of 30 at once.
      for (let hour = 0; hour < 3; hour++) {
        await issueCertificate(ctx(), { document: phytoFrom(world), signer: world.nppoKE.key });
        await advanceChainTime(3_600);
      }
      const documents = numberedCertificates("PHYTO", 30).map((d) => ({
        ...d,
        issuer: { ...d.issuer, authorityId: world.nppoKE.authorityId },
      }));
      const batch = await issueBatch(ctx(), { documents, signer: world.nppoKE.key });
      expect(batch.status).to.equal("CONFIRMED");
      root = batch.root;
    });

    it("a batch of 30 beyond max(20, 5 × the usual hourly count) is reported once for the issuer", async function () {
      const [found, ...more] = await anomalies(
        "ISSUANCE_BURST",
        { authorityId: world.nppoKE.authorityId },
        { burst: { minimum: 20 } },
      );
      expect(more).to.deep.equal([]);
      expect(found.evidence).to.include({ count: 30, threshold: 20, minimum: 20, factor: 5, windowSeconds: 3_600 });
      expect(found.evidence.median).to.be.at.most(4);
      expect(found.explanation).to.include("issued 30 certificates");
      expect(
        await anomalies("ISSUANCE_BURST", { authorityId: world.chamberPK.authorityId }, { burst: { minimum: 20 } }),
      ).to.be.empty;
    });

    it("the default threshold of 50 an hour is not reached", async function () {
      expect(await anomalies("ISSUANCE_BURST")).to.deep.equal([]);
    });

    it("batch members keep their consignment figures too", async function () {
      const [member] = await ctx().documents.byBatch(root);
      expect(member.ucr).to.equal("6KE51234567-NHR0302");
      expect(member.facts).to.deep.equal({ kind: "PHYTO", exportCountry: "KE", importCountry: "NL" });
    });
  });

  describe("SUSPENDED_ISSUER", function () {
    let issuer: { authorityId: number; key: string };
    let inForce: string[];

    before(async function () {
      const { authorityId } = await registerAuthority(ctx(), {
        accreditor: world.accreditors.PK,
        country: "PK",
        kind: "CHAMBER",
        certificateTypes: ["COO_NONPREFERENTIAL", "COO_PREFERENTIAL"],
        name: "Lahore Chamber of Commerce",
      });
      const signer = await gateway.keystore.create("Lahore Chamber signing key");
      await addSigningKey(ctx(), {
        accreditor: world.accreditors.PK,
        authorityId: authorityId!,
        key: signer.address,
        validUntil: Math.floor(Date.now() / 1000) + 365 * 86_400,
      });
      const pair = await generateRecipientKeyPair(`issuer:PK:${authorityId}`);
      await ctx().keyDirectory.add({ ...pair.recipient, role: "ISSUER", authorityId });
      issuer = { authorityId: authorityId!, key: signer.address };

      const issue = async () => {
        const document = cooFrom(world);
        const issued = await issueCertificate(ctx(), {
          document: { ...document, issuer: { ...document.issuer, authorityId: issuer.authorityId } },
          signer: issuer.key,
        });
        return issued.certificateId;
      };
      inForce = [await issue(), await issue()];
      await revokeCertificate(ctx(), { signer: issuer.key, id: await issue(), reasonCode: 1, reasonText: "typo" });
    });

    it("an active issuer's certificates raise nothing", async function () {
      expect(await anomalies("SUSPENDED_ISSUER", { authorityId: issuer.authorityId })).to.deep.equal([]);
    });

    it("a suspended issuer whose certificates are still in force is reported once, listing them", async function () {
      await suspendAuthority(ctx(), {
        accreditor: world.accreditors.PK,
        authorityId: issuer.authorityId,
        reasonCode: 2,
      });
      const error = await refusal(
        issueCertificate(ctx(), {
          document: { ...cooFrom(world), issuer: { ...cooFrom(world).issuer, authorityId: issuer.authorityId } },
          signer: issuer.key,
        }),
      );
      expect(error).to.be.instanceOf(ForbiddenError);

      const [found, ...more] = await anomalies("SUSPENDED_ISSUER", { authorityId: issuer.authorityId });
      expect(more).to.deep.equal([]);
      expect(found.severity).to.equal("MEDIUM");
      expect(found.evidence).to.include({ status: "SUSPENDED", inForce: 2, batchesInForce: 0 });
      expect(found.evidence.certificateIds).to.have.members(inForce);
      expect(found.explanation).to.include("SUSPENDED since").and.include("2 certificate(s)");
    });

    it("reinstated, it is no longer reported", async function () {
      await reinstateAuthority(ctx(), { accreditor: world.accreditors.PK, authorityId: issuer.authorityId });
      expect(await anomalies("SUSPENDED_ISSUER", { authorityId: issuer.authorityId })).to.deep.equal([]);
    });
  });

  describe("the report's period and kinds", function () {
    it("a period before anything happened is empty, and an unknown kind is refused", async function () {
      expect(await findAnomalies(ctx(), { from: 0, to: 1_000 })).to.deep.equal([]);
      const all = await findAnomalies(ctx());
      expect(all).to.have.length.above(0);
      expect(await findAnomalies(ctx(), { from: 1_000, to: 4_000_000_000 })).to.deep.equal(all);
      const error = await refusal(findAnomalies(ctx(), { kinds: ["NOT_A_KIND" as AnomalyKind] }));
      expect(error).to.be.instanceOf(ValidationError);
    });
  });

  describe("history export", function () {
    let id: string;

    before(async function () {
      id = await issuedCoo();
      await drawDown(ctx(), { signer: world.customsDE.key, id, declarationReference: "DE-H-1", amount: "70.5" });
      await drawDown(ctx(), { signer: world.customsDE.key, id, declarationReference: "DE-H-2", amount: "10999.5" });
      await ctx().indexer.catchUp();
    });

    it("gives a certificate's history as JSON rows in chain order", async function () {
      const exported = await exportHistory(ctx(), { subject: { certificateId: id }, format: "json" });
      if (exported.format !== "json") return expect.fail("expected JSON rows");
      expect(exported.rows.map((r) => r.event)).to.deep.equal([
        "CertificateIssued",
        "CertificateDrawnDown",
        "CertificateDrawnDown",
        "CertificateExhausted",
      ]);
      expect(inChainOrder(exported.rows)).to.equal(true);
      expect(exported.rows[1]).to.include({ certificate: id, authority: world.customsDE.authorityId });
      expect(exported.rows[1].arguments).to.include({ amount: "70500", importCountryUnnamed: false });
      expect(exported.rows[0].time).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
    });

    it("gives the same history as CSV with the documented columns, one line per event", async function () {
      const json = await exportHistory(ctx(), { subject: { certificateId: id }, format: "json" });
      const exported = await exportHistory(ctx(), { subject: { certificateId: id }, format: "csv" });
      if (json.format !== "json" || exported.format !== "csv") return expect.fail("expected JSON and CSV");
      const [header, ...lines] = exported.csv.trimEnd().split("\n");
      expect(header).to.equal(HISTORY_CSV_COLUMNS.join(","));
      const column = (name: string) => HISTORY_CSV_COLUMNS.indexOf(name as (typeof HISTORY_CSV_COLUMNS)[number]);
      const cells = lines.map((line) => line.split(","));
      expect(cells.every((c) => c.length === HISTORY_CSV_COLUMNS.length)).to.equal(true);
      expect(
        cells.map((c) => [Number(c[column("block")]), Number(c[column("logIndex")]), c[column("event")]]),
      ).to.deep.equal(json.rows.map((r) => [r.block, r.logIndex, r.event]));
      const firstDrawdown = cells[1];
      expect(firstDrawdown[column("certificate")]).to.equal(id);
      expect(firstDrawdown[column("authority")]).to.equal(String(world.customsDE.authorityId));
      expect(firstDrawdown[column("amount")]).to.equal("70500");
      expect(firstDrawdown[column("remaining")]).to.equal("10999500");
      expect(firstDrawdown[column("importCountryUnnamed")]).to.equal("false");
      expect(firstDrawdown[column("time")]).to.equal(json.rows[1].time);
      expect(cells[0][column("issuer")]).to.equal(String(world.chamberPK.authorityId));
    });

    it("gives an authority's history in chain order, and refuses an unknown authority", async function () {
      const exported = await exportHistory(ctx(), {
        subject: { authorityId: world.customsDE.authorityId },
        format: "json",
      });
      if (exported.format !== "json") return expect.fail("expected JSON rows");
      expect(exported.rows[0].event).to.equal("AuthorityRegistered");
      expect(inChainOrder(exported.rows)).to.equal(true);
      expect(exported.rows.filter((r) => r.certificate === id).map((r) => r.event)).to.deep.equal([
        "CertificateDrawnDown",
        "CertificateDrawnDown",
      ]);
      const csv = await exportHistory(ctx(), { subject: { authorityId: world.customsDE.authorityId }, format: "csv" });
      if (csv.format !== "csv") return expect.fail("expected CSV");
      expect(csv.csv.trimEnd().split("\n")).to.have.length(exported.rows.length + 1);
      await refusal(exportHistory(ctx(), { subject: { authorityId: 9_999 }, format: "json" }));
    });
  });
});
