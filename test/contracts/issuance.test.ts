import { expect } from "chai";
import { network } from "hardhat";
import { certificateId, countryCode } from "../../src/domain/certificate-terms.js";
import { CertificateStatus, CertificateType } from "../../src/domain/registry-types.js";
import { cidOf, cooTerms, deployRegistryScenario, phytoTerms, type RegistryScenario } from "../fixtures/registry.js";

const connection = await network.create();
const { networkHelpers } = connection;

function scenario(): Promise<RegistryScenario> {
  return deployRegistryScenario(connection);
}

describe("Single issuance", function () {
  it("anchors an ePhyto under the id derived from issuer and certificate number, with the CID in the event", async function () {
    const { registry, actors, ids } = await networkHelpers.loadFixture(scenario);
    const terms = phytoTerms({ number: "PK-PHY-2026-000777" });
    const id = certificateId(ids.nppoPK, terms.numberHash);
    await expect(registry.connect(actors.nppoPK).issueCertificate(terms, cidOf("doc")))
      .to.emit(registry, "CertificateIssued")
      .withArgs(id, ids.nppoPK, actors.nppoPK.address, terms.numberHash, terms.digest, (packed: bigint) => packed > 0n, cidOf("doc"));
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
    await expect(registry.connect(actors.chamberPK).issueCertificate({ ...terms, digest: terms.numberHash }, cidOf("b")))
      .to.be.revertedWithCustomError(registry, "CertificateRegistryAlreadyExists")
      .withArgs(certificateId(ids.chamberPK, terms.numberHash));
  });
});
