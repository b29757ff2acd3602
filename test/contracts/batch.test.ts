import { expect } from "chai";
import { network } from "hardhat";
import { certificateId, countryCode } from "../../src/domain/certificate-terms.js";
import { CertificateStatus, CertificateType, COO_TYPES, PHYTO_TYPES } from "../../src/domain/registry-types.js";
import { batchTree, cidOf, cooTerms, deployRegistryScenario, phytoTerms, reasonHash } from "../fixtures/registry.js";

const connection = await network.create();
const { networkHelpers } = connection;

const BATCH_SIZE = 1_000;

async function batchScenario() {
  const s = await deployRegistryScenario(connection);
  const leaves = Array.from({ length: BATCH_SIZE }, (_, i) =>
    cooTerms({ number: `PK-COO-BATCH-${i}`, quantity: 1_000n }),
  );
  const tree = batchTree(leaves);
  await (
    await s.registry.connect(s.actors.chamberPK).anchorBatch(tree.root, COO_TYPES, BATCH_SIZE, cidOf("manifest"))
  ).wait();
  return { ...s, leaves, tree, root: tree.root };
}

describe("Batch issuance under one Merkle root", function () {
  it("verifies any leaf with its proof as ISSUED under the issuer's certificate id", async function () {
    const { registry, leaves, tree, root, ids } = await networkHelpers.loadFixture(batchScenario);
    for (const i of [0, 499, BATCH_SIZE - 1]) {
      const [id, status] = await registry.verifyBatchLeaf(root, leaves[i], tree.getProof(i));
      expect(id).to.equal(certificateId(ids.chamberPK, leaves[i].numberHash));
      expect(status).to.equal(CertificateStatus.ISSUED);
    }
    const [status, issuer, types, count] = await registry.batch(root);
    expect([status, issuer, types, count]).to.deep.equal([
      BigInt(CertificateStatus.ISSUED),
      BigInt(ids.chamberPK),
      BigInt(COO_TYPES),
      BigInt(BATCH_SIZE),
    ]);
    expect(await registry.batchCountry(root)).to.equal(countryCode("PK"));
  });

  it("refuses a wrong proof and altered terms", async function () {
    const { registry, leaves, tree, root } = await networkHelpers.loadFixture(batchScenario);
    await expect(registry.verifyBatchLeaf(root, leaves[3], tree.getProof(4))).to.be.revertedWithCustomError(
      registry,
      "CertificateRegistryInvalidProof",
    );
    const altered = { ...leaves[3], quantity: leaves[3].quantity * 10n };
    await expect(registry.verifyBatchLeaf(root, altered, tree.getProof(3))).to.be.revertedWithCustomError(
      registry,
      "CertificateRegistryInvalidProof",
    );
    await expect(registry.verifyBatchLeaf("0x" + "99".repeat(32), leaves[3], tree.getProof(3)))
      .to.be.revertedWithCustomError(registry, "CertificateRegistryUnknownBatch")
      .withArgs("0x" + "99".repeat(32));
  });

  it("revokes one leaf on its own, leaving the others in force", async function () {
    const { registry, actors, leaves, tree, root, ids } = await networkHelpers.loadFixture(batchScenario);
    const id = certificateId(ids.chamberPK, leaves[7].numberHash);
    await expect(
      registry
        .connect(actors.chamberPK)
        .revokeBatchLeaf(root, leaves[7], tree.getProof(7), 2, reasonHash("not shipped")),
    )
      .to.emit(registry, "BatchLeafRecorded")
      .and.to.emit(registry, "CertificateRevoked")
      .withArgs(id, ids.chamberPK, 2, reasonHash("not shipped"));
    expect((await registry.verifyBatchLeaf(root, leaves[7], tree.getProof(7)))[1]).to.equal(CertificateStatus.REVOKED);
    expect((await registry.verifyBatchLeaf(root, leaves[8], tree.getProof(8)))[1]).to.equal(CertificateStatus.ISSUED);
    await expect(
      registry.connect(actors.chamberPK).revokeBatchLeaf(root, leaves[7], tree.getProof(7), 2, reasonHash("again")),
    )
      .to.be.revertedWithCustomError(registry, "CertificateRegistryInvalidTransition")
      .withArgs(id, CertificateStatus.REVOKED, 2);
  });

  it("promotes a leaf to a full record that customs can accept and draw down", async function () {
    const { registry, actors, leaves, tree, root, ids } = await networkHelpers.loadFixture(batchScenario);
    const id = certificateId(ids.chamberPK, leaves[5].numberHash);
    await expect(registry.connect(actors.chamberPK).promoteBatchLeaf(root, leaves[5], tree.getProof(5)))
      .to.emit(registry, "BatchLeafRecorded")
      .withArgs(id, root, ids.chamberPK, leaves[5].numberHash, leaves[5].digest, (packed: bigint) => packed > 0n);
    expect(await registry.matchesTerms(id, leaves[5])).to.equal(true);
    await registry.connect(actors.customsCN).acceptCertificate(id);
    await registry.connect(actors.customsCN).drawDown(id, leaves[5], reasonHash("DECL"), 400n);
    expect(await registry.consumedQuantity(id)).to.equal(400n);
    expect((await registry.verifyBatchLeaf(root, leaves[5], tree.getProof(5)))[1]).to.equal(CertificateStatus.ACCEPTED);
    await expect(registry.connect(actors.chamberPK).promoteBatchLeaf(root, leaves[5], tree.getProof(5)))
      .to.be.revertedWithCustomError(registry, "CertificateRegistryAlreadyExists")
      .withArgs(id);
    await expect(registry.connect(actors.chamberPK).issueCertificate(leaves[5], cidOf("again")))
      .to.be.revertedWithCustomError(registry, "CertificateRegistryAlreadyExists")
      .withArgs(id);
  });

  it("revokes a whole batch; leaves with a record of their own keep it, the others cannot be promoted", async function () {
    const { registry, actors, leaves, tree, root } = await networkHelpers.loadFixture(batchScenario);
    await registry.connect(actors.chamberPK).promoteBatchLeaf(root, leaves[1], tree.getProof(1));
    await expect(registry.connect(actors.accreditorPK).revokeBatch(root, 9, reasonHash("fraud")))
      .to.emit(registry, "BatchRevoked")
      .withArgs(root, 0, 9, reasonHash("fraud"));
    expect((await registry.verifyBatchLeaf(root, leaves[2], tree.getProof(2)))[1]).to.equal(CertificateStatus.REVOKED);
    expect((await registry.verifyBatchLeaf(root, leaves[1], tree.getProof(1)))[1]).to.equal(CertificateStatus.ISSUED);
    await expect(registry.connect(actors.chamberPK).promoteBatchLeaf(root, leaves[2], tree.getProof(2)))
      .to.be.revertedWithCustomError(registry, "CertificateRegistryBatchNotInForce")
      .withArgs(root, CertificateStatus.REVOKED);
    await expect(registry.connect(actors.chamberPK).revokeBatch(root, 9, reasonHash("again")))
      .to.be.revertedWithCustomError(registry, "CertificateRegistryBatchNotInForce")
      .withArgs(root, CertificateStatus.REVOKED);
  });

  it("refuses leaves of a type or country the batch was not anchored for", async function () {
    const s = await networkHelpers.loadFixture(batchScenario);
    const mixed = [cooTerms({}), phytoTerms({}), cooTerms({ exportCountry: "CN" })];
    const tree = batchTree(mixed);
    await s.registry.connect(s.actors.chamberPK).anchorBatch(tree.root, COO_TYPES, 3, cidOf("mixed"));
    await expect(s.registry.verifyBatchLeaf(tree.root, mixed[1], tree.getProof(1)))
      .to.be.revertedWithCustomError(s.registry, "CertificateRegistryLeafOutsideBatch")
      .withArgs(tree.root, CertificateType.PHYTO, countryCode("PK"));
    await expect(s.registry.verifyBatchLeaf(tree.root, mixed[2], tree.getProof(2)))
      .to.be.revertedWithCustomError(s.registry, "CertificateRegistryLeafOutsideBatch")
      .withArgs(tree.root, CertificateType.COO_NONPREFERENTIAL, countryCode("CN"));
  });

  it("refuses anchoring the same root twice, an empty batch, and types the issuer is not accredited for", async function () {
    const { registry, actors, root, ids } = await networkHelpers.loadFixture(batchScenario);
    const chamber = registry.connect(actors.chamberPK);
    await expect(chamber.anchorBatch(root, COO_TYPES, 10, cidOf("x")))
      .to.be.revertedWithCustomError(registry, "CertificateRegistryBatchExists")
      .withArgs(root);
    await expect(chamber.anchorBatch("0x" + "01".repeat(32), COO_TYPES, 0, cidOf("x")))
      .to.be.revertedWithCustomError(registry, "CertificateRegistryEmptyBatch")
      .withArgs("0x" + "01".repeat(32));
    await expect(chamber.anchorBatch("0x" + "01".repeat(32), PHYTO_TYPES | COO_TYPES, 10, cidOf("x")))
      .to.be.revertedWithCustomError(registry, "AuthorityRegistryNotAccredited")
      .withArgs(ids.chamberPK, CertificateType.PHYTO, countryCode("PK"));
  });
});
