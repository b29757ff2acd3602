import { expect } from "chai";
import { network } from "hardhat";
import { certificateId, countryCode, unpackTerms } from "../../src/domain/certificate-terms.js";
import { CertificateStatus, CertificateType } from "../../src/domain/registry-types.js";
import { cidOf, cooTerms, deployRegistryScenario, phytoTerms, type RegistryScenario } from "../fixtures/registry.js";

const connection = await network.create();
const { networkHelpers } = connection;

function scenario(): Promise<RegistryScenario> {
  return deployRegistryScenario(connection);
}

describe("Single issuance", function () {
  it("puts every term in the event, so an indexer can rebuild them from the chain alone", async function () {
    const { registry, actors } = await networkHelpers.loadFixture(scenario);
    const terms = cooTerms({ quantity: 123_456_789n, unit: "TNE", validUntil: 2n ** 39n, importCountry: "GE" });
    const receipt = await (await registry.connect(actors.chamberPK).issueCertificate(terms, cidOf("doc"))).wait();
    const event = registry.interface.parseLog(receipt!.logs[0])!;
    expect(event.name).to.equal("CertificateIssued");
    const {
      id,
      numberHash,
      digest,
      terms: packed,
    } = event.args.toObject() as {
      id: string;
      numberHash: string;
      digest: string;
      terms: bigint;
    };
    expect(unpackTerms(numberHash, digest, packed)).to.deep.equal(terms);
    expect(await registry.matchesTerms(id, terms)).to.equal(true);
  });

  it("refuses an importing country that is not an ISO code and a validity that has already ended", async function () {
    const { registry, actors } = await networkHelpers.loadFixture(scenario);
    const bad = { ...phytoTerms({}), importCountry: "0x636e" };
    await expect(registry.connect(actors.nppoPK).issueCertificate(bad, cidOf("x")))
      .to.be.revertedWithCustomError(registry, "CertificateRegistryInvalidImportCountry")
      .withArgs("0x636e");
    const expired = phytoTerms({ validUntil: 1_000n });
    await expect(registry.connect(actors.nppoPK).issueCertificate(expired, cidOf("x")))
      .to.be.revertedWithCustomError(registry, "CertificateRegistryAlreadyExpired")
      .withArgs(1_000n);
  });

  it("anchors an ePhyto under the id derived from issuer and certificate number, with the CID in the event", async function () {
    const { registry, actors, ids } = await networkHelpers.loadFixture(scenario);
    const terms = phytoTerms({ number: "PK-PHY-2026-000777" });
    const id = certificateId(ids.nppoPK, terms.numberHash);
    await expect(registry.connect(actors.nppoPK).issueCertificate(terms, cidOf("doc")))
      .to.emit(registry, "CertificateIssued")
      .withArgs(
        id,
        ids.nppoPK,
        actors.nppoPK.address,
        terms.numberHash,
        terms.digest,
        (packed: bigint) => packed > 0n,
        cidOf("doc"),
      );
    const record = await registry.certificate(id);
    expect(record.status).to.equal(CertificateStatus.ISSUED);
    expect(record.certificateType).to.equal(CertificateType.PHYTO);
    expect(record.importCountry).to.equal(countryCode("CN"));
    expect(record.issuer).to.equal(BigInt(ids.nppoPK));
    expect(await registry.matchesTerms(id, terms)).to.equal(true);
    expect(await registry.matchesTerms(id, { ...terms, digest: cidOf("other").slice(0, 66) })).to.equal(false);
  });

  it("refuses the same certificate number from the same issuer twice", async function () {
    const { registry, actors, ids } = await networkHelpers.loadFixture(scenario);
    const terms = cooTerms({ number: "PK-COO-1" });
    await registry.connect(actors.chamberPK).issueCertificate(terms, cidOf("a"));
    await expect(
      registry.connect(actors.chamberPK).issueCertificate({ ...terms, digest: terms.numberHash }, cidOf("b")),
    )
      .to.be.revertedWithCustomError(registry, "CertificateRegistryAlreadyExists")
      .withArgs(certificateId(ids.chamberPK, terms.numberHash));
  });
});
