import { expect } from "chai";
import { issueCertificate } from "../../../src/application/issue-certificate.js";
import { revokeCertificate } from "../../../src/application/revoke-certificate.js";
import { verifyCertificate } from "../../../src/application/verify-certificate.js";
import {
  cooFrom,
  openTestGateway,
  seedAuthorities,
  startTestChain,
  usingPostgres,
  type TestChain,
  type TestGateway,
  type World,
} from "../../fixtures/gateway.js";

/** Long enough that nothing in a test outlives it: any fresh read comes from the gateway's own receipts. */
const HEAD_MAX_AGE_MS = 60_000;

describe(`Verification at a recent head, shared between callers (${usingPostgres() ? "PostgreSQL" : "PGlite"})`, function () {
  let chain: TestChain;
  let gateway: TestGateway;
  let world: World;

  before(async function () {
    chain = await startTestChain();
    gateway = await openTestGateway(chain, { headMaxAgeMs: HEAD_MAX_AGE_MS });
    world = await seedAuthorities(gateway);
  });

  after(async function () {
    await gateway?.dispose();
    await chain?.node.stop();
  });

  async function mineOutsideTheGateway(): Promise<void> {
    const response = await fetch(gateway.config.chain.rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "evm_mine", params: [] }),
    });
    expect(response.ok).to.equal(true);
  }

  it("answers a revocation made through this gateway at once, however recent the head it had read", async function () {
    const issued = await issueCertificate(gateway.context, { document: cooFrom(world), signer: world.chamberPK.key });
    await gateway.context.indexer.catchUp();
    const before = await verifyCertificate(gateway.context, { id: issued.certificateId });
    expect(before.status).to.equal("VALID");

    const revoked = await revokeCertificate(gateway.context, {
      signer: world.chamberPK.key,
      id: issued.certificateId,
      reasonCode: 3,
    });
    expect(revoked.status).to.equal("CONFIRMED");
    const after = await verifyCertificate(gateway.context, { id: issued.certificateId });
    expect(after.status).to.equal("INVALID");
    expect(after.fragments.find((f) => f.name === "DOCUMENT_STATUS")?.status).to.equal("INVALID");
    expect(after.checkedAtBlock).to.be.greaterThan(before.checkedAtBlock!);
  });

  it("reads a block made elsewhere only once its head is older than the setting, and names the block it read at", async function () {
    const issued = await issueCertificate(gateway.context, { document: cooFrom(world), signer: world.chamberPK.key });
    const first = await verifyCertificate(gateway.context, { id: issued.certificateId });
    await mineOutsideTheGateway();
    const second = await verifyCertificate(gateway.context, { id: issued.certificateId });
    expect(second.checkedAtBlock).to.equal(first.checkedAtBlock);
    expect(second).to.deep.equal(first);
  });
});
