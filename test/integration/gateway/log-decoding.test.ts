import { expect } from "chai";
import { JsonRpcProvider, type LogDescription } from "ethers";
import {
  authorityRegistryInterface,
  certificateRegistryInterface,
  createRegistryLogDecoder,
} from "../../../src/adapters/chain/registry-abi.js";
import { issueBatch } from "../../../src/application/issue-batch.js";
import { issueCertificate } from "../../../src/application/issue-certificate.js";
import { drawDown } from "../../../src/application/draw-down.js";
import { revokeCertificate } from "../../../src/application/revoke-certificate.js";
import { numberedCertificates } from "../../fixtures/documents.js";
import {
  openTestGateway,
  seedAuthorities,
  startTestChain,
  type TestChain,
  type TestGateway,
} from "../../fixtures/gateway.js";

/** ethers' own decoding of a log, made JSON-safe the way the registry decoder promises. */
function reference(parsed: LogDescription): Record<string, string | number | boolean> {
  const args: Record<string, string | number | boolean> = {};
  parsed.fragment.inputs.forEach((input, i) => {
    const value: unknown = parsed.args[i];
    const bits = Number(/^u?int(\d+)$/.exec(input.type)?.[1] ?? 256);
    if (typeof value === "bigint") args[input.name] = bits <= 48 ? Number(value) : value.toString();
    else args[input.name] = value as string | boolean;
  });
  return args;
}

describe("Registry log decoding", function () {
  let chain: TestChain;
  let gateway: TestGateway;

  before(async function () {
    chain = await startTestChain();
    gateway = await openTestGateway(chain);
  });

  after(async function () {
    await gateway?.dispose();
    await chain?.node.stop();
  });

  it("decodes every event of both registries exactly as ethers' ABI decoder does", async function () {
    const world = await seedAuthorities(gateway);
    const ctx = gateway.context;
    const [first, ...rest] = numberedCertificates("COO", 4).map((d) => ({
      ...d,
      issuer: { ...d.issuer, authorityId: world.chamberPK.authorityId },
    }));
    const issued = await issueCertificate(ctx, { document: first, signer: world.chamberPK.key });
    await ctx.indexer.catchUp();
    await drawDown(ctx, {
      signer: world.customsDE.key,
      id: issued.certificateId,
      declarationReference: "D-1",
      amount: "1.5",
    });
    await revokeCertificate(ctx, {
      signer: world.chamberPK.key,
      id: issued.certificateId,
      reasonCode: 2,
      reasonText: "x",
    });
    await issueBatch(ctx, { documents: rest, signer: world.chamberPK.key });

    const provider = new JsonRpcProvider(chain.node.url, 31337, { staticNetwork: true });
    try {
      const logs = await provider.getLogs({
        address: [chain.deployment.certificateRegistry, chain.deployment.authorityRegistry],
        fromBlock: 0,
        toBlock: "latest",
      });
      const decode = createRegistryLogDecoder({
        CertificateRegistry: chain.deployment.certificateRegistry,
        AuthorityRegistry: chain.deployment.authorityRegistry,
      });
      const names = new Set<string>();
      for (const log of logs) {
        const iface =
          log.address.toLowerCase() === chain.deployment.certificateRegistry.toLowerCase()
            ? certificateRegistryInterface
            : authorityRegistryInterface;
        const parsed = iface.parseLog(log);
        if (!parsed) continue;
        const ours = decode(log);
        expect(ours?.name).to.equal(parsed.name);
        expect(ours?.args, parsed.name).to.deep.equal(reference(parsed));
        names.add(parsed.name);
      }
      expect([...names]).to.include.members([
        "AccreditorAppointed",
        "AuthorityRegistered",
        "SigningKeyAdded",
        "CertificateIssued",
        "CertificateDrawnDown",
        "CertificateRevoked",
        "BatchAnchored",
      ]);
    } finally {
      provider.destroy();
    }
  });
});
