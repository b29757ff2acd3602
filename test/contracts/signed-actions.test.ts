import { expect } from "chai";
import { network } from "hardhat";
import { certificateId } from "../../src/domain/certificate-terms.js";
import { CertificateStatus } from "../../src/domain/registry-types.js";
import { registryDomain } from "../../src/domain/signed-actions.js";
import { issueSubject } from "../fixtures/lifecycle.js";
import {
  NO_END,
  authorize,
  cidOf,
  deployRegistryScenario,
  phytoTerms,
  reasonHash,
  type RegistryScenario,
} from "../fixtures/registry.js";

const connection = await network.create();
const { networkHelpers } = connection;
const { time } = networkHelpers;
const scenario = (): Promise<RegistryScenario> => deployRegistryScenario(connection);

describe("Relayed EIP-712 actions", function () {
  it("records the signing key and its authority, not the relayer, and advances the signer's nonce", async function () {
    const { registry, actors, ids } = await networkHelpers.loadFixture(scenario);
    const terms = phytoTerms();
    const auth = await authorize(registry, actors.nppoPK, "IssueCertificate", { terms, cid: cidOf("doc") });
    expect(await registry.nonces(actors.nppoPK.address)).to.equal(0n);
    await expect(registry.connect(actors.relayer).issueCertificateWithSig(terms, cidOf("doc"), auth))
      .to.emit(registry, "CertificateIssued")
      .withArgs(
        certificateId(ids.nppoPK, terms.numberHash),
        ids.nppoPK,
        actors.nppoPK.address,
        terms.numberHash,
        terms.digest,
        (packed: bigint) => packed > 0n,
        cidOf("doc"),
      );
    expect(await registry.nonces(actors.nppoPK.address)).to.equal(1n);
  });

  it("refuses a replay of the same signed action", async function () {
    const s = await networkHelpers.loadFixture(scenario);
    const subject = await issueSubject(s, "PHYTO");
    const auth = await authorize(s.registry, s.actors.nppoPK, "SuspendCertificate", { id: subject.id, reasonCode: 1 });
    const relayer = s.registry.connect(s.actors.relayer);
    await relayer.suspendCertificateWithSig(subject.id, 1, auth);
    await s.registry.connect(s.actors.nppoPK).reinstateCertificate(subject.id);
    await expect(relayer.suspendCertificateWithSig(subject.id, 1, auth))
      .to.be.revertedWithCustomError(s.registry, "CertificateRegistryInvalidSignature")
      .withArgs(s.actors.nppoPK.address);
    expect((await s.registry.certificate(subject.id)).status).to.equal(CertificateStatus.ISSUED);
  });

  it("refuses a signature past its deadline", async function () {
    const s = await networkHelpers.loadFixture(scenario);
    const subject = await issueSubject(s, "PHYTO");
    const deadline = BigInt(await time.latest()) + 60n;
    const auth = await authorize(
      s.registry,
      s.actors.nppoPK,
      "RevokeCertificate",
      {
        id: subject.id,
        reasonCode: 2,
        reasonHash: reasonHash("x"),
      },
      { deadline },
    );
    await time.increaseTo(deadline + 1n);
    await expect(s.registry.connect(s.actors.relayer).revokeCertificateWithSig(subject.id, 2, reasonHash("x"), auth))
      .to.be.revertedWithCustomError(s.registry, "CertificateRegistryExpiredSignature")
      .withArgs(deadline);
  });

  it("refuses a signature made for another chain or another contract", async function () {
    const s = await networkHelpers.loadFixture(scenario);
    const subject = await issueSubject(s, "PHYTO");
    const message = { id: subject.id };
    const otherChain = await authorize(s.registry, s.actors.nppoPK, "ReinstateCertificate", message, { chainId: 1n });
    await s.registry.connect(s.actors.nppoPK).suspendCertificate(subject.id, 1);
    const relayer = s.registry.connect(s.actors.relayer);
    await expect(relayer.reinstateCertificateWithSig(subject.id, otherChain))
      .to.be.revertedWithCustomError(s.registry, "CertificateRegistryInvalidSignature")
      .withArgs(s.actors.nppoPK.address);
    const otherContract = await s.authorities.getAddress();
    const forged = await authorize(
      s.registry.attach(otherContract) as typeof s.registry,
      s.actors.nppoPK,
      "ReinstateCertificate",
      message,
      { nonce: 0n },
    );
    await expect(relayer.reinstateCertificateWithSig(subject.id, forged))
      .to.be.revertedWithCustomError(s.registry, "CertificateRegistryInvalidSignature")
      .withArgs(s.actors.nppoPK.address);
  });

  it("refuses a signature by a key that is not the acting authority's", async function () {
    const s = await networkHelpers.loadFixture(scenario);
    const subject = await issueSubject(s, "PHYTO");
    const relayer = s.registry.connect(s.actors.relayer);
    const message = { id: subject.id, reasonCode: 1 };
    // an outsider signs but claims to be the NPPO's key
    const claimed = await authorize(s.registry, s.actors.outsider, "SuspendCertificate", message, {
      nonce: await s.registry.nonces(s.actors.nppoPK.address),
    });
    await expect(relayer.suspendCertificateWithSig(subject.id, 1, { ...claimed, signer: s.actors.nppoPK.address }))
      .to.be.revertedWithCustomError(s.registry, "CertificateRegistryInvalidSignature")
      .withArgs(s.actors.nppoPK.address);
    // an outsider signs as itself: not a key at all
    await expect(
      relayer.suspendCertificateWithSig(
        subject.id,
        1,
        await authorize(s.registry, s.actors.outsider, "SuspendCertificate", message),
      ),
    )
      .to.be.revertedWithCustomError(s.registry, "AuthorityRegistryUnauthorizedKey")
      .withArgs(s.actors.outsider.address);
    // a valid key of another authority of the same country
    await expect(
      relayer.suspendCertificateWithSig(
        subject.id,
        1,
        await authorize(s.registry, s.actors.chamberPK, "SuspendCertificate", message),
      ),
    )
      .to.be.revertedWithCustomError(s.registry, "CertificateRegistryUnauthorizedActor")
      .withArgs(subject.id, s.actors.chamberPK.address);
    // a rotated-out key of the right authority
    await s.authorities
      .connect(s.actors.accreditorPK)
      .rotateSigningKey(s.ids.nppoPK, s.actors.nppoPK.address, s.actors.spareKey.address, NO_END);
    await expect(
      relayer.suspendCertificateWithSig(
        subject.id,
        1,
        await authorize(s.registry, s.actors.nppoPK, "SuspendCertificate", message),
      ),
    )
      .to.be.revertedWithCustomError(s.registry, "AuthorityRegistryUnauthorizedKey")
      .withArgs(s.actors.nppoPK.address);
    expect((await s.registry.certificate(subject.id)).status).to.equal(CertificateStatus.ISSUED);
  });

  it("refuses a relayer that alters any signed argument", async function () {
    const s = await networkHelpers.loadFixture(scenario);
    const subject = await issueSubject(s, "COO");
    const auth = await authorize(s.registry, s.actors.customsCN, "DrawDown", {
      id: subject.id,
      declarationHash: reasonHash("DECL-1"),
      amount: 10n,
    });
    const relayer = s.registry.connect(s.actors.relayer);
    await expect(relayer.drawDownWithSig(subject.id, subject.terms, reasonHash("DECL-1"), 900n, auth))
      .to.be.revertedWithCustomError(s.registry, "CertificateRegistryInvalidSignature")
      .withArgs(s.actors.customsCN.address);
    await expect(relayer.drawDownWithSig(subject.id, subject.terms, reasonHash("DECL-2"), 10n, auth))
      .to.be.revertedWithCustomError(s.registry, "CertificateRegistryInvalidSignature")
      .withArgs(s.actors.customsCN.address);
    await relayer.drawDownWithSig(subject.id, subject.terms, reasonHash("DECL-1"), 10n, auth);
    expect(await s.registry.consumedQuantity(subject.id)).to.equal(10n);
  });

  it("publishes its EIP-712 domain (ERC-5267) as the gateway builds it", async function () {
    const { registry, ethers } = await networkHelpers.loadFixture(scenario);
    const domain = await registry.eip712Domain();
    const expected = registryDomain((await ethers.provider.getNetwork()).chainId, await registry.getAddress());
    expect([domain.name, domain.version, domain.chainId, domain.verifyingContract]).to.deep.equal([
      expected.name,
      expected.version,
      expected.chainId,
      expected.verifyingContract,
    ]);
  });
});
