import { expect } from "chai";
import { acceptCertificate } from "../../../src/application/accept-certificate.js";
import { drawDown } from "../../../src/application/draw-down.js";
import { issueBatch } from "../../../src/application/issue-batch.js";
import { addSigningKey } from "../../../src/application/add-signing-key.js";
import { issueCertificate } from "../../../src/application/issue-certificate.js";
import { registerAccreditor } from "../../../src/application/register-accreditor.js";
import { reinstateAuthority } from "../../../src/application/reinstate-authority.js";
import { reinstateCertificate } from "../../../src/application/reinstate-certificate.js";
import { rejectCertificate } from "../../../src/application/reject-certificate.js";
import { replaceCertificate } from "../../../src/application/replace-certificate.js";
import { revokeCertificate } from "../../../src/application/revoke-certificate.js";
import { revokeSigningKey } from "../../../src/application/revoke-signing-key.js";
import { rotateSigningKey } from "../../../src/application/rotate-signing-key.js";
import { promoteBatchLeaf } from "../../../src/application/promote-batch-leaf.js";
import { revokeBatchLeaf } from "../../../src/application/revoke-batch-leaf.js";
import { revokeBatch } from "../../../src/application/revoke-batch.js";
import { suspendAuthority } from "../../../src/application/suspend-authority.js";
import { suspendCertificate } from "../../../src/application/suspend-certificate.js";
import { ForbiddenError } from "../../../src/domain/errors.js";
import { AuthorityStatus, CertificateStatus } from "../../../src/domain/registry-types.js";
import { numberedCertificates } from "../../fixtures/documents.js";
import {
  devAccount,
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

/** A JSON-RPC call to the Hardhat node (mining, snapshots). */
async function rpc(url: string, method: string, params: unknown[] = []): Promise<unknown> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: unknown; error?: { message: string } };
  if (body.error) throw new Error(`${method} failed: ${body.error.message}`);
  return body.result;
}

const mine = (url: string, n: number) => rpc(url, "hardhat_mine", [`0x${n.toString(16)}`]);

type CertificateRow = { id: string; status: number; consumed: string };
type AuthorityRow = { id: number; status: number };
type KeyRow = {
  address: string;
  authorityId: number;
  validFrom: number;
  validUntil: number;
  endedBlock: number | null;
};

describe(`Index rebuild: the SQL index is a pure function of the chain (${usingPostgres() ? "PostgreSQL" : "PGlite"})`, function () {
  let chain: TestChain;
  /** Indexes in ranges of 3 blocks, caught up many times while the history is made. */
  let gateway: TestGateway;
  let world: World;
  const extra: TestGateway[] = [];
  /** Positions the live index reported after each catch-up, with the head right then. */
  const positions: { position?: number; head: number }[] = [];
  /** What the live index got wrong against the chain, checked after each catch-up. */
  const differences: string[] = [];

  const coo = (importCountry?: string) => cooFrom(world, importCountry);
  const phyto = () => phytoFrom(world);
  const head = async () => (await gateway.context.chain.block("latest")).number;
  /** Where the index's certificates (status, consumed) and authorities (status) differ from the chain at `at`. */
  async function disagreements(at: number): Promise<string[]> {
    const ctx = gateway.context;
    const snapshot = await ctx.index.snapshot();
    const found: string[] = [];
    for (const row of snapshot.certificates as CertificateRow[]) {
      const [onChain, consumed] = await Promise.all([
        ctx.chain.certificate(row.id, at),
        ctx.chain.consumedQuantity(row.id, at),
      ]);
      if (row.status !== onChain.status)
        found.push(`block ${at}: ${row.id} status ${row.status}, chain ${onChain.status}`);
      if (BigInt(row.consumed) !== consumed)
        found.push(`block ${at}: ${row.id} consumed ${row.consumed}, chain ${consumed}`);
    }
    for (const row of snapshot.authorities as AuthorityRow[]) {
      const onChain = await ctx.chain.authority(row.id, at);
      if (row.status !== onChain.status)
        found.push(`block ${at}: authority ${row.id} status ${row.status}, chain ${onChain.status}`);
    }
    return found;
  }

  const catchUp = async () => {
    const position = await gateway.context.indexer.catchUp();
    positions.push({ position: position?.blockNumber, head: await head() });
    if (position) differences.push(...(await disagreements(position.blockNumber)));
  };

  /** A varied history through the use cases, with the live index caught up in between. */
  async function makeHistory(): Promise<void> {
    const ctx = gateway.context;
    const chamber = () => ({ signer: world.chamberPK.key });
    await catchUp();

    const issued = async (document: unknown, signer: string) => {
      const outcome = await issueCertificate(ctx, { document, signer });
      expect(outcome.status).to.equal("CONFIRMED");
      return outcome.certificateId;
    };
    const exhausted = await issued(coo(), world.chamberPK.key);
    const replaced = await issued(coo(), world.chamberPK.key);
    const dutch = await issued(coo("NL"), world.chamberPK.key);
    const accepted = await issued(phyto(), world.nppoKE.key);
    const revoked = await issued(phyto(), world.nppoKE.key);
    const rejected = await issued(phyto(), world.nppoKE.key);
    await catchUp();

    // A drawdown, then a replacement that carries what was drawn, then a drawdown on the replacement.
    await drawDown(ctx, { signer: world.customsDE.key, id: replaced, declarationReference: "DE-1", amount: "70" });
    await catchUp();
    const replacement = await replaceCertificate(ctx, {
      ...chamber(),
      replacedId: replaced,
      document: coo(),
      reasonCode: 1,
    });
    await catchUp();
    await drawDown(ctx, {
      signer: world.customsDE.key,
      id: replacement.certificateId,
      declarationReference: "DE-2",
      amount: "1000.25",
    });

    await revokeCertificate(ctx, { signer: world.nppoKE.key, id: revoked, reasonCode: 3, reasonText: "pest found" });
    await suspendCertificate(ctx, { ...chamber(), id: dutch, reasonCode: 2 });
    await catchUp();
    await reinstateCertificate(ctx, { ...chamber(), id: dutch });
    await acceptCertificate(ctx, { signer: world.nppoNL.key, id: accepted });
    await rejectCertificate(ctx, { signer: world.nppoNL.key, id: rejected, reasonCode: 4, reasonText: "thrips" });
    await acceptCertificate(ctx, { signer: world.customsNL.key, id: dutch });
    await catchUp();
    await drawDown(ctx, { signer: world.customsNL.key, id: dutch, declarationReference: "NL-1", amount: "11" });
    await drawDown(ctx, { signer: world.customsDE.key, id: exhausted, declarationReference: "DE-3", amount: "5000" });
    await catchUp();
    await drawDown(ctx, { signer: world.customsDE.key, id: exhausted, declarationReference: "DE-4", amount: "6070" });

    const members = numberedCertificates("COO", 12).map((d, i) => {
      const country = i % 2 === 0 ? "DE" : "NL";
      return {
        ...d,
        issuer: { ...d.issuer, authorityId: world.chamberPK.authorityId },
        importCountry: country,
        consignee: { ...d.consignee, country },
      };
    });
    const batch = await issueBatch(ctx, { documents: members.slice(0, 8), ...chamber() });
    expect(batch.status).to.equal("CONFIRMED");
    await catchUp();
    const promoted = batch.certificates[0].certificateId;
    expect((await promoteBatchLeaf(ctx, { id: promoted, ...chamber() })).status).to.equal("CONFIRMED");
    const revokedLeaf = { id: batch.certificates[1].certificateId, reasonCode: 3, ...chamber() };
    expect((await revokeBatchLeaf(ctx, revokedLeaf)).status).to.equal("CONFIRMED");
    await catchUp();
    await drawDown(ctx, { signer: world.customsDE.key, id: promoted, declarationReference: "DE-5", amount: "3" });
    const revokedBatch = await issueBatch(ctx, { documents: members.slice(8), ...chamber() });
    await revokeBatch(ctx, { root: revokedBatch.root, reasonCode: 1, ...chamber() });
    await catchUp();

    // A key added and revoked, and a country's accreditor replaced.
    const spare = (await gateway.keystore.create("Karachi chamber spare key")).address;
    await addSigningKey(ctx, {
      accreditor: world.accreditors.PK,
      authorityId: world.chamberPK.authorityId,
      key: spare,
      validUntil: Math.floor(Date.now() / 1000) + 30 * 86_400,
    });
    await catchUp();
    await revokeSigningKey(ctx, {
      accreditor: world.accreditors.PK,
      authorityId: world.chamberPK.authorityId,
      key: spare,
    });
    await registerAccreditor(ctx, { governance: world.governance, country: "NL", accreditor: devAccount(7).address });

    const newKey = (await gateway.keystore.create("KEPHIS signing key 2")).address;
    await rotateSigningKey(ctx, {
      accreditor: world.accreditors.KE,
      authorityId: world.nppoKE.authorityId,
      oldKey: world.nppoKE.key,
      newKey,
      newKeyValidUntil: Math.floor(Date.now() / 1000) + 365 * 86_400,
    });
    await issued(phyto(), newKey);
    await catchUp();

    await suspendAuthority(ctx, {
      accreditor: world.accreditors.PK,
      authorityId: world.chamberPK.authorityId,
      reasonCode: 2,
    });
    let refused: unknown;
    try {
      await issueCertificate(ctx, { document: coo(), ...chamber() });
    } catch (error) {
      refused = error;
    }
    expect(refused).to.be.instanceOf(ForbiddenError);
    await catchUp();
    await reinstateAuthority(ctx, { accreditor: world.accreditors.PK, authorityId: world.chamberPK.authorityId });
    // One authority stays suspended, so the index holds more than one authority status.
    await suspendAuthority(ctx, {
      accreditor: world.accreditors.FR,
      authorityId: world.customsFR.authorityId,
      reasonCode: 1,
    });
    await revokeCertificate(ctx, { signer: world.accreditors.PK, id: replacement.certificateId, reasonCode: 7 });
    await catchUp();
  }

  before(async function () {
    chain = await startTestChain();
    gateway = await openTestGateway(chain, { blockRange: 3 });
    world = await seedAuthorities(gateway);
    await makeHistory();
  });

  after(async function () {
    for (const g of extra) await g.dispose();
    await gateway?.dispose();
    await chain?.node.stop();
  });

  it("the live index, caught up in ranges of 3 blocks, stood at the head and agreed with the chain after every catch-up", async function () {
    expect(positions.length).to.be.greaterThan(10);
    for (const { position, head } of positions) expect(position).to.equal(head);
    expect(differences).to.deep.equal([]);
    const position = await gateway.context.indexer.position();
    expect(position?.blockHash).to.equal((await gateway.context.chain.block(position!.blockNumber)).hash);
  });

  it("a rebuild from the chain gives exactly the rows and the position the live index had", async function () {
    const live = await gateway.context.index.snapshot();
    const livePosition = await gateway.context.indexer.position();
    expect(live.certificates).to.have.length.greaterThan(5);
    expect(live.chain_events).to.have.length.greaterThan(50);

    const rebuilt = await gateway.context.indexer.rebuild();
    expect(rebuilt).to.deep.equal(livePosition);
    expect(await gateway.context.indexer.position()).to.deep.equal(livePosition);
    expect(await gateway.context.index.snapshot()).to.deep.equal(live);
  });

  it("a second gateway with an empty database, caught up once from block 0, holds the same index", async function () {
    const second = await openTestGateway(chain);
    extra.push(second);
    expect(await second.context.indexer.position()).to.equal(undefined);
    const position = await second.context.indexer.catchUp();
    expect(position).to.deep.equal(await gateway.context.indexer.position());
    expect(await second.context.index.snapshot()).to.deep.equal(await gateway.context.index.snapshot());
  });

  it("agrees with the chain: every certificate's status and consumed quantity, every authority's status", async function () {
    const ctx = gateway.context;
    const at = (await ctx.indexer.position())!.blockNumber;
    expect(at).to.equal(await head());
    const snapshot = await ctx.index.snapshot();

    const events = await ctx.chain.events(chain.deployment.deploymentBlock, at);
    expect(snapshot.chain_events).to.have.length(events.length);
    const anchored = events.filter((e) => e.name === "CertificateIssued" || e.name === "BatchLeafRecorded");
    const certificates = snapshot.certificates as CertificateRow[];
    expect(certificates.map((c) => c.id)).to.have.members(anchored.map((e) => String(e.args.id)));

    expect(await disagreements(at)).to.deep.equal([]);
    // The history reached every status the lifecycle has.
    expect([...new Set(certificates.map((c) => c.status))].sort()).to.deep.equal(
      [
        CertificateStatus.ISSUED,
        CertificateStatus.REVOKED,
        CertificateStatus.SUPERSEDED,
        CertificateStatus.ACCEPTED,
        CertificateStatus.REJECTED,
        CertificateStatus.EXHAUSTED,
      ].sort(),
    );

    const authorities = snapshot.authorities as AuthorityRow[];
    expect(authorities).to.have.length(7);
    expect(authorities.find((a) => a.id === world.customsFR.authorityId)?.status).to.equal(AuthorityStatus.SUSPENDED);

    // Each key's window in the index is the one the chain applies: valid from its start, ended at its end.
    const keys = snapshot.signing_keys as KeyRow[];
    expect(keys.filter((k) => k.endedBlock !== null)).to.have.length(2); // the rotated and the revoked key
    for (const key of keys) {
      const validAt = (t: number) => ctx.chain.wasKeyValidAt(key.authorityId, key.address, t, at);
      expect(await validAt(key.validFrom), `${key.address} at its start`).to.equal(key.validUntil > key.validFrom);
      expect(await validAt(key.validUntil), `${key.address} at its end`).to.equal(false);
    }
    const batches = snapshot.batches as { status: number; count: number }[];
    expect(batches.map((b) => [b.status, b.count])).to.have.deep.members([
      [CertificateStatus.ISSUED, 8],
      [CertificateStatus.REVOKED, 4],
    ]);
    const accreditors = snapshot.accreditors as { country: string; address: string }[];
    expect(accreditors.find((a) => a.country === "NL")?.address).to.equal(devAccount(7).address);
    expect(authorities.find((a) => a.id === world.chamberPK.authorityId)?.status).to.equal(AuthorityStatus.ACTIVE);
  });

  it("with 2 confirmations the indexer stays 2 blocks behind the head", async function () {
    const behind = await openTestGateway(chain, { confirmations: 2 });
    extra.push(behind);
    const first = await behind.context.indexer.catchUp();
    const headNow = await head();
    expect(first?.blockNumber).to.equal(headNow - 2);
    expect(first?.blockHash).to.equal((await gateway.context.chain.block(headNow - 2)).hash);

    // A certificate anchored in the newest block is indexed only once two more blocks follow it.
    const issued = await issueCertificate(gateway.context, { document: coo(), signer: world.chamberPK.key });
    expect((await behind.context.indexer.catchUp())?.blockNumber).to.equal(issued.blockNumber! - 2);
    expect(await behind.context.index.certificate(issued.certificateId)).to.equal(undefined);
    await mine(chain.node.url, 1);
    expect((await behind.context.indexer.catchUp())?.blockNumber).to.equal(issued.blockNumber! - 1);
    expect(await behind.context.index.certificate(issued.certificateId)).to.equal(undefined);
    await mine(chain.node.url, 1);
    expect((await behind.context.indexer.catchUp())?.blockNumber).to.equal(issued.blockNumber);
    expect((await behind.context.index.certificate(issued.certificateId))?.status).to.equal(CertificateStatus.ISSUED);
  });

  it("after a reorganisation below its position, rebuilds itself to the new chain", async function () {
    const ctx = gateway.context;
    const url = chain.node.url;
    const snapshot = await rpc(url, "evm_snapshot");
    const orphan = await issueCertificate(ctx, { document: coo(), signer: world.chamberPK.key });
    await ctx.indexer.catchUp();
    expect(await ctx.index.certificate(orphan.certificateId)).to.not.equal(undefined);

    // The block the index stands on is replaced by others: its hash no longer matches.
    expect(await rpc(url, "evm_revert", [snapshot])).to.equal(true);
    await mine(url, 2);
    const position = await ctx.indexer.catchUp();
    const tip = await ctx.chain.block("latest");
    expect(position).to.deep.equal({ blockNumber: tip.number, blockHash: tip.hash });
    expect(await ctx.index.certificate(orphan.certificateId)).to.equal(undefined);

    const fresh = await openTestGateway(chain);
    extra.push(fresh);
    await fresh.context.indexer.catchUp();
    expect(await ctx.index.snapshot()).to.deep.equal(await fresh.context.index.snapshot());
  });
});
