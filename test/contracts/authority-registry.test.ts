import { expect } from "chai";
import { network } from "hardhat";
import { Wallet } from "ethers";
import { certificateId, countryCode } from "../../src/domain/certificate-terms.js";
import {
  AuthorityKind,
  AuthorityStatus,
  COO_TYPES,
  CertificateStatus,
  CertificateType,
  PHYTO_TYPES,
  typesMask,
} from "../../src/domain/registry-types.js";
import {
  NO_END,
  cidOf,
  deployRegistryScenario,
  phytoTerms,
  reasonHash,
  type RegistryScenario,
} from "../fixtures/registry.js";

const connection = await network.create();
const { networkHelpers, ethers } = connection;
const { time } = networkHelpers;
const scenario = (): Promise<RegistryScenario> => deployRegistryScenario(connection);

async function blockTime(tx: { wait(): Promise<{ blockNumber: number } | null> }): Promise<number> {
  const receipt = await tx.wait();
  return (await ethers.provider.getBlock(receipt!.blockNumber))!.timestamp;
}

describe("Accreditation at a point in time", function () {
  it("keeps a certificate issued before its issuer's suspension valid at its issuing time, and refuses issuance after", async function () {
    const { registry, authorities, actors, ids } = await networkHelpers.loadFixture(scenario);
    const terms = phytoTerms();
    const issuedAt = await blockTime(await registry.connect(actors.nppoPK).issueCertificate(terms, cidOf("a")));
    const suspendedAt = await blockTime(await authorities.connect(actors.accreditorPK).suspendAuthority(ids.nppoPK, 7));

    expect(await authorities.wasAccreditedAt(ids.nppoPK, CertificateType.PHYTO, issuedAt)).to.equal(true);
    expect(await authorities.wasKeyValidAt(ids.nppoPK, actors.nppoPK.address, issuedAt)).to.equal(true);
    expect(await authorities.wasAccreditedAt(ids.nppoPK, CertificateType.PHYTO, suspendedAt)).to.equal(false);
    expect((await registry.certificate(certificateId(ids.nppoPK, terms.numberHash))).status).to.equal(
      CertificateStatus.ISSUED,
    );
    await expect(registry.connect(actors.nppoPK).issueCertificate(phytoTerms(), cidOf("b")))
      .to.be.revertedWithCustomError(registry, "AuthorityRegistryAuthorityNotActive")
      .withArgs(ids.nppoPK, AuthorityStatus.SUSPENDED);

    const reinstatedAt = await blockTime(await authorities.connect(actors.accreditorPK).reinstateAuthority(ids.nppoPK));
    await registry.connect(actors.nppoPK).issueCertificate(phytoTerms(), cidOf("c"));
    const [status, types] = await authorities.accreditationAt(ids.nppoPK, reinstatedAt);
    expect([status, types]).to.deep.equal([BigInt(AuthorityStatus.ACTIVE), BigInt(PHYTO_TYPES)]);
    expect((await authorities.accreditationAt(ids.nppoPK, suspendedAt))[0]).to.equal(AuthorityStatus.SUSPENDED);
    expect((await authorities.accreditationAt(ids.nppoPK, issuedAt - 1_000_000))[0]).to.equal(AuthorityStatus.NONE);
  });

  it("keeps a certificate issued before a key rotation valid at its issuing time, and refuses the old key afterwards", async function () {
    const { registry, authorities, actors, ids } = await networkHelpers.loadFixture(scenario);
    const issuedAt = await blockTime(await registry.connect(actors.nppoPK).issueCertificate(phytoTerms(), cidOf("a")));
    const rotatedAt = await blockTime(
      await authorities
        .connect(actors.accreditorPK)
        .rotateSigningKey(ids.nppoPK, actors.nppoPK.address, actors.spareKey.address, NO_END),
    );
    expect(await authorities.wasKeyValidAt(ids.nppoPK, actors.nppoPK.address, issuedAt)).to.equal(true);
    expect(await authorities.wasKeyValidAt(ids.nppoPK, actors.nppoPK.address, rotatedAt)).to.equal(false);
    expect(await authorities.wasKeyValidAt(ids.nppoPK, actors.spareKey.address, rotatedAt)).to.equal(true);
    expect(await authorities.wasKeyValidAt(ids.nppoPK, actors.spareKey.address, issuedAt)).to.equal(false);

    await expect(registry.connect(actors.nppoPK).issueCertificate(phytoTerms(), cidOf("b")))
      .to.be.revertedWithCustomError(registry, "AuthorityRegistryUnauthorizedKey")
      .withArgs(actors.nppoPK.address);
    await registry.connect(actors.spareKey).issueCertificate(phytoTerms(), cidOf("c"));
  });

  it("refuses a revoked key at once and records when it was revoked", async function () {
    const { registry, authorities, actors, ids } = await networkHelpers.loadFixture(scenario);
    const before = await blockTime(await registry.connect(actors.nppoPK).issueCertificate(phytoTerms(), cidOf("a")));
    const tx = authorities.connect(actors.accreditorPK).revokeSigningKey(ids.nppoPK, actors.nppoPK.address);
    await expect(tx).to.emit(authorities, "SigningKeyRevoked");
    const revokedAt = await blockTime(await tx);
    expect((await authorities.signingKey(actors.nppoPK.address)).revokedAt).to.equal(BigInt(revokedAt));
    expect(await authorities.wasKeyValidAt(ids.nppoPK, actors.nppoPK.address, before)).to.equal(true);
    expect(await authorities.wasKeyValidAt(ids.nppoPK, actors.nppoPK.address, revokedAt)).to.equal(false);
    await expect(registry.connect(actors.nppoPK).issueCertificate(phytoTerms(), cidOf("b")))
      .to.be.revertedWithCustomError(registry, "AuthorityRegistryUnauthorizedKey")
      .withArgs(actors.nppoPK.address);
    await expect(authorities.connect(actors.accreditorPK).revokeSigningKey(ids.nppoPK, actors.nppoPK.address))
      .to.be.revertedWithCustomError(authorities, "AuthorityRegistryKeyAlreadyEnded")
      .withArgs(actors.nppoPK.address);
  });

  it("lets a key act only inside its validity window", async function () {
    const { registry, authorities, actors, ids } = await networkHelpers.loadFixture(scenario);
    const now = await time.latest();
    await authorities
      .connect(actors.accreditorPK)
      .addSigningKey(ids.nppoPK, actors.spareKey.address, now + 100, now + 200);
    await expect(registry.connect(actors.spareKey).issueCertificate(phytoTerms(), cidOf("early")))
      .to.be.revertedWithCustomError(registry, "AuthorityRegistryUnauthorizedKey")
      .withArgs(actors.spareKey.address);
    await time.increaseTo(now + 150);
    await registry.connect(actors.spareKey).issueCertificate(phytoTerms(), cidOf("in window"));
    await time.increaseTo(now + 200);
    await expect(registry.connect(actors.spareKey).issueCertificate(phytoTerms(), cidOf("late")))
      .to.be.revertedWithCustomError(registry, "AuthorityRegistryUnauthorizedKey")
      .withArgs(actors.spareKey.address);
  });

  it("applies a change of certificate types from then on, keeping the earlier answer", async function () {
    const { registry, authorities, actors, ids } = await networkHelpers.loadFixture(scenario);
    const before = await time.latest();
    await expect(
      authorities.connect(actors.accreditorPK).setCertificateTypes(ids.nppoPK, typesMask(CertificateType.PHYTO)),
    )
      .to.emit(authorities, "AuthorityCertificateTypesChanged")
      .withArgs(ids.nppoPK, PHYTO_TYPES, typesMask(CertificateType.PHYTO));
    const reexport = phytoTerms({ type: CertificateType.PHYTO_REEXPORT });
    await expect(registry.connect(actors.nppoPK).issueCertificate(reexport, cidOf("r")))
      .to.be.revertedWithCustomError(registry, "AuthorityRegistryNotAccredited")
      .withArgs(ids.nppoPK, CertificateType.PHYTO_REEXPORT, countryCode("PK"));
    expect(await authorities.wasAccreditedAt(ids.nppoPK, CertificateType.PHYTO_REEXPORT, before)).to.equal(true);
    expect(await authorities.wasAccreditedAt(ids.nppoPK, CertificateType.PHYTO_REEXPORT, await time.latest())).to.equal(
      false,
    );
  });

  it("lets a suspended issuer still revoke what it issued, and its accreditor too", async function () {
    const { registry, authorities, actors, ids } = await networkHelpers.loadFixture(scenario);
    const a = phytoTerms();
    const b = phytoTerms();
    await registry.connect(actors.nppoPK).issueCertificate(a, cidOf("a"));
    await registry.connect(actors.nppoPK).issueCertificate(b, cidOf("b"));
    await authorities.connect(actors.accreditorPK).suspendAuthority(ids.nppoPK, 1);
    await expect(
      registry.connect(actors.nppoPK).revokeCertificate(certificateId(ids.nppoPK, a.numberHash), 2, reasonHash("x")),
    )
      .to.emit(registry, "CertificateRevoked")
      .withArgs(certificateId(ids.nppoPK, a.numberHash), ids.nppoPK, 2, reasonHash("x"));
    await expect(
      registry
        .connect(actors.accreditorPK)
        .revokeCertificate(certificateId(ids.nppoPK, b.numberHash), 9, reasonHash("y")),
    )
      .to.emit(registry, "CertificateRevoked")
      .withArgs(certificateId(ids.nppoPK, b.numberHash), 0, 9, reasonHash("y"));
  });
});

describe("Accreditors and authorities", function () {
  it("appoints one accreditor per country, replacing the previous one", async function () {
    const { authorities, actors } = await networkHelpers.loadFixture(scenario);
    await expect(authorities.appointAccreditor(countryCode("PK"), actors.spareKey.address))
      .to.emit(authorities, "AccreditorAppointed")
      .withArgs(countryCode("PK"), actors.spareKey.address, actors.accreditorPK.address);
    expect(await authorities.accreditorOf(countryCode("PK"))).to.equal(actors.spareKey.address);
    expect(await authorities.accreditorCountry(actors.accreditorPK.address)).to.equal("0x0000");
    await expect(
      authorities.connect(actors.accreditorPK).registerAuthority(countryCode("PK"), AuthorityKind.CUSTOMS, 0, "x"),
    )
      .to.be.revertedWithCustomError(authorities, "AuthorityRegistryUnauthorizedAccreditor")
      .withArgs(actors.accreditorPK.address, countryCode("PK"));
  });

  it("refuses malformed countries, a zero accreditor and one accreditor for two countries", async function () {
    const { authorities, actors } = await networkHelpers.loadFixture(scenario);
    for (const bad of ["0x706b", "0x5030", "0x0000"]) {
      await expect(authorities.appointAccreditor(bad, actors.spareKey.address))
        .to.be.revertedWithCustomError(authorities, "AuthorityRegistryInvalidCountry")
        .withArgs(bad);
    }
    await expect(authorities.appointAccreditor(countryCode("FR"), ethers.ZeroAddress))
      .to.be.revertedWithCustomError(authorities, "AuthorityRegistryInvalidAccreditor")
      .withArgs(ethers.ZeroAddress);
    await expect(authorities.appointAccreditor(countryCode("FR"), actors.accreditorPK.address))
      .to.be.revertedWithCustomError(authorities, "AuthorityRegistryAccreditorOfOtherCountry")
      .withArgs(actors.accreditorPK.address, countryCode("PK"));
    await expect(authorities.removeAccreditor(countryCode("FR")))
      .to.be.revertedWithCustomError(authorities, "AuthorityRegistryNoAccreditor")
      .withArgs(countryCode("FR"));
  });

  it("refuses kinds and certificate types that do not go together", async function () {
    const { authorities, actors } = await networkHelpers.loadFixture(scenario);
    const r = authorities.connect(actors.accreditorPK);
    await expect(r.registerAuthority(countryCode("PK"), AuthorityKind.NONE, 0, "x"))
      .to.be.revertedWithCustomError(authorities, "AuthorityRegistryInvalidKind")
      .withArgs(AuthorityKind.NONE);
    await expect(r.registerAuthority(countryCode("PK"), AuthorityKind.CHAMBER, PHYTO_TYPES, "x"))
      .to.be.revertedWithCustomError(authorities, "AuthorityRegistryTypesNotAllowedForKind")
      .withArgs(AuthorityKind.CHAMBER, PHYTO_TYPES);
    await expect(r.registerAuthority(countryCode("PK"), AuthorityKind.NPPO, COO_TYPES, "x"))
      .to.be.revertedWithCustomError(authorities, "AuthorityRegistryTypesNotAllowedForKind")
      .withArgs(AuthorityKind.NPPO, COO_TYPES);
    await expect(r.registerAuthority(countryCode("PK"), AuthorityKind.CUSTOMS, 1, "x"))
      .to.be.revertedWithCustomError(authorities, "AuthorityRegistryTypesNotAllowedForKind")
      .withArgs(AuthorityKind.CUSTOMS, 1);
    await expect(r.registerAuthority(countryCode("PK"), AuthorityKind.CHAMBER, COO_TYPES, "Sialkot Chamber"))
      .to.emit(authorities, "AuthorityRegistered")
      .withArgs(9, countryCode("PK"), AuthorityKind.CHAMBER, COO_TYPES, "Sialkot Chamber");
  });

  it("keeps a withdrawn authority withdrawn", async function () {
    const { authorities, actors, ids } = await networkHelpers.loadFixture(scenario);
    const r = authorities.connect(actors.accreditorPK);
    await expect(r.withdrawAuthority(ids.chamberPK, 5))
      .to.emit(authorities, "AuthorityWithdrawn")
      .withArgs(ids.chamberPK, 5);
    for (const call of [
      r.reinstateAuthority(ids.chamberPK),
      r.suspendAuthority(ids.chamberPK, 1),
      r.withdrawAuthority(ids.chamberPK, 1),
      r.setCertificateTypes(ids.chamberPK, COO_TYPES),
      r.addSigningKey(ids.chamberPK, actors.spareKey.address, 0, NO_END),
    ]) {
      await expect(call)
        .to.be.revertedWithCustomError(authorities, "AuthorityRegistryInvalidAuthorityStatus")
        .withArgs(ids.chamberPK, AuthorityStatus.WITHDRAWN);
    }
    await expect(r.suspendAuthority(99, 1))
      .to.be.revertedWithCustomError(authorities, "AuthorityRegistryUnknownAuthority")
      .withArgs(99);
  });

  it("refuses bad keys and key windows", async function () {
    const { authorities, actors, ids } = await networkHelpers.loadFixture(scenario);
    const r = authorities.connect(actors.accreditorPK);
    const now = await time.latest();
    await expect(r.addSigningKey(ids.nppoPK, actors.chamberPK.address, 0, NO_END))
      .to.be.revertedWithCustomError(authorities, "AuthorityRegistryKeyAlreadyRegistered")
      .withArgs(actors.chamberPK.address, ids.chamberPK);
    await expect(r.addSigningKey(ids.nppoPK, ethers.ZeroAddress, 0, NO_END))
      .to.be.revertedWithCustomError(authorities, "AuthorityRegistryInvalidKey")
      .withArgs(ethers.ZeroAddress);
    await expect(r.addSigningKey(ids.nppoPK, actors.spareKey.address, now - 10, NO_END))
      .to.be.revertedWithCustomError(authorities, "AuthorityRegistryInvalidKeyWindow")
      .withArgs(now - 10, NO_END);
    await expect(r.addSigningKey(ids.nppoPK, actors.spareKey.address, now + 100, now + 100))
      .to.be.revertedWithCustomError(authorities, "AuthorityRegistryInvalidKeyWindow")
      .withArgs(now + 100, now + 100);
    await expect(r.rotateSigningKey(ids.nppoPK, actors.chamberPK.address, actors.spareKey.address, NO_END))
      .to.be.revertedWithCustomError(authorities, "AuthorityRegistryKeyNotOfAuthority")
      .withArgs(actors.chamberPK.address, ids.nppoPK);
  });

  it("bounds the live keys of one authority and frees a place when a key ends", async function () {
    const { registry, authorities, actors, ids } = await networkHelpers.loadFixture(scenario);
    const r = authorities.connect(actors.accreditorPK);
    const max = await authorities.MAX_LIVE_KEYS();
    const extra = Array.from({ length: Number(max) }, () => Wallet.createRandom().address);
    for (const key of extra.slice(0, Number(max) - 1)) await r.addSigningKey(ids.nppoPK, key, 0, NO_END);
    await expect(r.addSigningKey(ids.nppoPK, extra[Number(max) - 1], 0, NO_END))
      .to.be.revertedWithCustomError(authorities, "AuthorityRegistryTooManyLiveKeys")
      .withArgs(ids.nppoPK, max);
    await r.revokeSigningKey(ids.nppoPK, extra[0]);
    await r.addSigningKey(ids.nppoPK, extra[Number(max) - 1], 0, NO_END);
    // every live key follows the authority's accreditation
    await r.suspendAuthority(ids.nppoPK, 1);
    for (const key of [actors.nppoPK.address, ...extra.slice(1)]) {
      expect((await registry.signingKey(key)).status, key).to.equal(AuthorityStatus.SUSPENDED);
    }
  });

  it("refuses key management until governance has connected the certificate registry", async function () {
    const { actors } = await networkHelpers.loadFixture(scenario);
    const implementation = await ethers.deployContract("AuthorityRegistry");
    const proxy = await ethers.deployContract("ERC1967Proxy", [
      await implementation.getAddress(),
      implementation.interface.encodeFunctionData("initialize", [actors.governance.address]),
    ]);
    const lonely = await ethers.getContractAt("AuthorityRegistry", await proxy.getAddress());
    await lonely.appointAccreditor(countryCode("PK"), actors.accreditorPK.address);
    await lonely
      .connect(actors.accreditorPK)
      .registerAuthority(countryCode("PK"), AuthorityKind.NPPO, PHYTO_TYPES, "x");
    await expect(
      lonely.connect(actors.accreditorPK).addSigningKey(1, actors.spareKey.address, 0, NO_END),
    ).to.be.revertedWithCustomError(lonely, "AuthorityRegistryCertificateRegistryNotSet");
  });
});
