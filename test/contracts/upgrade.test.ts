import { expect } from "chai";
import { network } from "hardhat";
import { AbiCoder, keccak256, toUtf8Bytes } from "ethers";
import { CertificateStatus } from "../../src/domain/registry-types.js";
import { perform, subjectIn, type Subject } from "../fixtures/lifecycle.js";
import {
  batchTree,
  cidOf,
  cooTerms,
  deployRegistryScenario,
  reasonHash,
  type Actors,
  type RegistryScenario,
} from "../fixtures/registry.js";
import { COO_TYPES } from "../../src/domain/registry-types.js";

const connection = await network.create();
const { networkHelpers, ethers } = connection;
const scenario = (): Promise<RegistryScenario> => deployRegistryScenario(connection);

function erc7201Slot(namespace: string): bigint {
  const inner = BigInt(keccak256(toUtf8Bytes(namespace))) - 1n;
  return BigInt(keccak256(AbiCoder.defaultAbiCoder().encode(["uint256"], [inner]))) & ~0xffn;
}

/** Everything a reader can see of the registries, to compare before and after an upgrade. */
async function snapshot(s: RegistryScenario, subjects: Subject[], root: string) {
  const out: unknown[] = [];
  for (const subject of subjects) {
    const id = subject.id;
    out.push(
      [...(await s.registry.certificate(id))],
      await s.registry.consumedQuantity(id),
      await s.registry.supersededBy(id),
      await s.registry.matchesTerms(id, subject.terms),
    );
  }
  out.push([...(await s.registry.batch(root))]);
  for (const id of Object.values(s.ids) as number[]) {
    out.push([...(await s.authorities.authority(id))]);
    out.push([...(await s.authorities.accreditationAt(id, 2n ** 47n))]);
  }
  for (const a of Object.values(s.actors) as Actors[keyof Actors][]) {
    out.push([...(await s.authorities.signingKey(a.address))], [...(await s.registry.signingKey(a.address))]);
    out.push(await s.registry.nonces(a.address));
  }
  return out;
}

describe("Upgrades", function () {
  it("keeps every record, status, link, batch and accreditation when governance upgrades both registries", async function () {
    const s = await networkHelpers.loadFixture(scenario);
    const subjects: Subject[] = [];
    for (const status of Object.values(CertificateStatus).filter((v) => v !== CertificateStatus.NONE)) {
      subjects.push(await subjectIn(s, "COO", status));
    }
    const partly = await subjectIn(s, "COO", CertificateStatus.ACCEPTED);
    await (await perform(s, partly, "DRAW_DOWN_PART")).wait();
    subjects.push(partly);
    const leaves = [cooTerms({}), cooTerms({})];
    const tree = batchTree(leaves);
    await s.registry.connect(s.actors.chamberPK).anchorBatch(tree.root, COO_TYPES, 2, cidOf("m"));
    await s.authorities.connect(s.actors.accreditorPK).suspendAuthority(s.ids.customsPK, 1);
    const before = await snapshot(s, subjects, tree.root);

    const certificatesV2 = await ethers.deployContract("CertificateRegistryV2");
    const authoritiesV2 = await ethers.deployContract("AuthorityRegistryV2");
    await s.registry.upgradeToAndCall(await certificatesV2.getAddress(), "0x");
    await s.authorities.upgradeToAndCall(await authoritiesV2.getAddress(), "0x");

    expect(await s.registry.version()).to.equal("2");
    expect(await s.authorities.version()).to.equal("2");
    const upgraded = await ethers.getContractAt("CertificateRegistryV2", await s.registry.getAddress());
    expect(await upgraded.upgradeNote()).to.equal("certificate records kept");
    expect(await snapshot(s, subjects, tree.root)).to.deep.equal(before);

    // and it keeps working: the partly drawn CoO can be drawn down to the end
    await s.registry.connect(s.actors.customsCN).drawDown(partly.id, partly.terms, reasonHash("after"), 999n);
    expect((await s.registry.certificate(partly.id)).status).to.equal(CertificateStatus.EXHAUSTED);
  });

  it("cannot be initialised twice, nor through the implementation", async function () {
    const s = await networkHelpers.loadFixture(scenario);
    await expect(s.authorities.initialize(s.actors.outsider.address)).to.be.revertedWithCustomError(
      s.authorities,
      "InvalidInitialization",
    );
    await expect(
      s.registry.initialize(s.actors.outsider.address, await s.authorities.getAddress()),
    ).to.be.revertedWithCustomError(s.registry, "InvalidInitialization");
    const implementation = await ethers.deployContract("CertificateRegistry");
    await expect(
      implementation.initialize(s.actors.outsider.address, await s.authorities.getAddress()),
    ).to.be.revertedWithCustomError(implementation, "InvalidInitialization");
  });

  it("keeps its state in the ERC-7201 namespaces it declares", async function () {
    const s = await networkHelpers.loadFixture(scenario);
    const certificates = erc7201Slot("tradeseal.storage.CertificateRegistry");
    const authorities = erc7201Slot("tradeseal.storage.AuthorityRegistry");
    // CertificateRegistryStorage.authorities is its first member
    const stored = await ethers.provider.getStorage(await s.registry.getAddress(), certificates);
    expect(BigInt(stored)).to.equal(BigInt(await s.authorities.getAddress()));
    // AuthorityRegistryStorage.authorityCount is its third member
    const count = await ethers.provider.getStorage(await s.authorities.getAddress(), authorities + 2n);
    expect(BigInt(count)).to.equal(await s.authorities.authorityCount());
  });
});
