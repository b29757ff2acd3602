import { expect } from "chai";
import { issueCertificate } from "../../../src/application/issue-certificate.js";
import { sampleCertificateOfOrigin } from "../../fixtures/documents.js";
import {
  openTestGateway,
  seedAuthorities,
  startTestChain,
  type TestChain,
  type TestGateway,
  type World,
} from "../../fixtures/gateway.js";

/** One JSON-RPC call to the test node (Hardhat's evm_* methods). */
async function rpc(url: string, method: string, params: unknown[] = []): Promise<unknown> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  return ((await response.json()) as { result: unknown }).result;
}

describe("Indexer: the index follows the chain when blocks it indexed are replaced", function () {
  let chain: TestChain;
  let gateway: TestGateway;
  let world: World;

  before(async function () {
    chain = await startTestChain();
    gateway = await openTestGateway(chain);
    world = await seedAuthorities(gateway);
  });

  after(async function () {
    await gateway?.dispose();
    await chain?.node.stop();
  });

  it("drops what the replaced blocks held and reports the new chain's block", async function () {
    await gateway.context.indexer.catchUp();
    const snapshot = await rpc(chain.node.url, "evm_snapshot");
    const sample = sampleCertificateOfOrigin();
    const issued = await issueCertificate(gateway.context, {
      document: {
        ...sample,
        certificateNumber: `PK-REORG-${Date.now()}`,
        issuer: { ...sample.issuer, authorityId: world.chamberPK.authorityId },
      },
      signer: world.chamberPK.key,
    });
    const indexed = await gateway.context.indexer.catchUp();
    expect(await gateway.context.index.certificate(issued.certificateId)).to.not.equal(undefined);

    // The blocks since the snapshot are replaced by as many empty ones, and two more.
    expect(await rpc(chain.node.url, "evm_revert", [snapshot])).to.equal(true);
    for (let i = 0; i < 3; i++) await rpc(chain.node.url, "evm_mine");
    const head = await gateway.context.chain.block("latest");
    expect(head.number).to.be.greaterThan(indexed!.blockNumber);

    const position = await gateway.context.indexer.catchUp();
    expect(position).to.deep.equal({ blockNumber: head.number, blockHash: head.hash });
    expect(await gateway.context.index.certificate(issued.certificateId)).to.equal(undefined);
    expect(await gateway.context.index.authorityHistory(world.chamberPK.authorityId)).to.not.have.length(0);
  });
});
