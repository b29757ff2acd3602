import { expect } from "chai";
import { network } from "hardhat";
import { countryCode } from "../../src/domain/certificate-terms.js";
import { CertificateStatus } from "../../src/domain/registry-types.js";
import { issueSubject } from "../fixtures/lifecycle.js";
import { cidOf, cooTerms, deployRegistryScenario, reasonHash, type RegistryScenario } from "../fixtures/registry.js";

const connection = await network.create();
const { networkHelpers, ethers, provider } = connection;
const scenario = (): Promise<RegistryScenario> => deployRegistryScenario(connection);

describe("Drawdown of a certificate of origin", function () {
  it("refuses the second of two drawdowns in one block that together exceed the quantity", async function () {
    const s = await networkHelpers.loadFixture(scenario);
    const coo = await issueSubject(s, "COO"); // certifies 1,000
    const customs = s.registry.connect(s.actors.customsCN);
    await provider.request({ method: "evm_setAutomine", params: [false] });
    try {
      const first = await customs.drawDown(coo.id, coo.terms, reasonHash("DECL-A"), 600n, { gasLimit: 200_000n });
      const second = await customs.drawDown(coo.id, coo.terms, reasonHash("DECL-B"), 600n, { gasLimit: 200_000n });
      await provider.request({ method: "evm_mine", params: [] });
      const [a, b] = await Promise.all([
        ethers.provider.getTransactionReceipt(first.hash),
        ethers.provider.getTransactionReceipt(second.hash),
      ]);
      expect(a!.blockNumber).to.equal(b!.blockNumber);
      expect(a!.status).to.equal(1);
      expect(b!.status).to.equal(0);
    } finally {
      await provider.request({ method: "evm_setAutomine", params: [true] });
    }
    expect(await s.registry.consumedQuantity(coo.id)).to.equal(600n);
    await expect(customs.drawDown(coo.id, coo.terms, reasonHash("DECL-B"), 600n))
      .to.be.revertedWithCustomError(s.registry, "CertificateRegistryQuantityExceeded")
      .withArgs(coo.id, 400n, 600n);
  });

  it("draws down to zero and then marks the certificate EXHAUSTED", async function () {
    const s = await networkHelpers.loadFixture(scenario);
    const coo = await issueSubject(s, "COO");
    const customs = s.registry.connect(s.actors.customsCN);
    await expect(customs.drawDown(coo.id, coo.terms, reasonHash("D1"), 250n))
      .to.emit(s.registry, "CertificateDrawnDown")
      .withArgs(coo.id, s.ids.customsCN, reasonHash("D1"), 250n, 750n, false);
    await s.registry.connect(s.actors.customsCN).acceptCertificate(coo.id);
    await expect(customs.drawDown(coo.id, coo.terms, reasonHash("D2"), 750n))
      .to.emit(s.registry, "CertificateExhausted")
      .withArgs(coo.id);
    expect((await s.registry.certificate(coo.id)).status).to.equal(CertificateStatus.EXHAUSTED);
    expect(await s.registry.consumedQuantity(coo.id)).to.equal(1_000n);
  });

  it("refuses customs of a country other than the importing one", async function () {
    const s = await networkHelpers.loadFixture(scenario);
    const coo = await issueSubject(s, "COO");
    await expect(s.registry.connect(s.actors.customsGE).drawDown(coo.id, coo.terms, reasonHash("GE-1"), 1n))
      .to.be.revertedWithCustomError(s.registry, "CertificateRegistryWrongImportCountry")
      .withArgs(coo.id, countryCode("CN"), countryCode("GE"));
    expect(await s.registry.consumedQuantity(coo.id)).to.equal(0n);
  });

  it("records and flags use by any country when the certificate names no importing country", async function () {
    const s = await networkHelpers.loadFixture(scenario);
    const coo = await issueSubject(s, "COO", { importCountry: "" });
    await expect(s.registry.connect(s.actors.customsGE).drawDown(coo.id, coo.terms, reasonHash("GE-1"), 100n))
      .to.emit(s.registry, "CertificateDrawnDown")
      .withArgs(coo.id, s.ids.customsGE, reasonHash("GE-1"), 100n, 900n, true);
    await expect(s.registry.connect(s.actors.customsCN).drawDown(coo.id, coo.terms, reasonHash("CN-1"), 100n))
      .to.emit(s.registry, "CertificateDrawnDown")
      .withArgs(coo.id, s.ids.customsCN, reasonHash("CN-1"), 100n, 800n, true);
  });

  it("refuses terms that are not the certificate's, a zero amount, and a CoO without quantity", async function () {
    const s = await networkHelpers.loadFixture(scenario);
    const coo = await issueSubject(s, "COO");
    const customs = s.registry.connect(s.actors.customsCN);
    await expect(customs.drawDown(coo.id, { ...coo.terms, quantity: 1_000_000n }, reasonHash("D"), 5_000n))
      .to.be.revertedWithCustomError(s.registry, "CertificateRegistryTermsMismatch")
      .withArgs(coo.id);
    await expect(customs.drawDown(coo.id, coo.terms, reasonHash("D"), 0n))
      .to.be.revertedWithCustomError(s.registry, "CertificateRegistryZeroAmount")
      .withArgs(coo.id);
    const noQuantity = cooTerms({ quantity: 0n, unit: "" });
    await s.registry.connect(s.actors.chamberPK).issueCertificate(noQuantity, cidOf("nq"));
    const id = await s.registry.certificateId(s.ids.chamberPK, noQuantity.numberHash);
    await expect(customs.drawDown(id, noQuantity, reasonHash("D"), 1n))
      .to.be.revertedWithCustomError(s.registry, "CertificateRegistryNotDrawable")
      .withArgs(id);
  });
});

describe("Drawdown across a replacement", function () {
  it("counts what was drawn against the old certificate against its replacement", async function () {
    const s = await networkHelpers.loadFixture(scenario);
    const old = await issueSubject(s, "COO"); // certifies 1,000
    await s.registry.connect(s.actors.customsCN).drawDown(old.id, old.terms, reasonHash("D1"), 600n);
    const replacement = cooTerms({ quantity: 1_000n });
    await s.registry.connect(s.actors.chamberPK).replaceCertificate(old.id, replacement, cidOf("corrected"), 1);
    const id = await s.registry.supersededBy(old.id);
    expect(await s.registry.consumedQuantity(id)).to.equal(600n);
    await expect(s.registry.connect(s.actors.customsCN).drawDown(id, replacement, reasonHash("D2"), 500n))
      .to.be.revertedWithCustomError(s.registry, "CertificateRegistryQuantityExceeded")
      .withArgs(id, 400n, 500n);
    await s.registry.connect(s.actors.customsCN).drawDown(id, replacement, reasonHash("D2"), 400n);
    expect((await s.registry.certificate(id)).status).to.equal(CertificateStatus.EXHAUSTED);
  });

  it("refuses a replacement that certifies no more than was already drawn", async function () {
    const s = await networkHelpers.loadFixture(scenario);
    const old = await issueSubject(s, "COO");
    await s.registry.connect(s.actors.customsCN).drawDown(old.id, old.terms, reasonHash("D1"), 600n);
    await expect(
      s.registry.connect(s.actors.chamberPK).replaceCertificate(old.id, cooTerms({ quantity: 600n }), cidOf("x"), 1),
    )
      .to.be.revertedWithCustomError(s.registry, "CertificateRegistryReplacementBelowConsumed")
      .withArgs(old.id, 600n, 600n);
    expect((await s.registry.certificate(old.id)).status).to.equal(CertificateStatus.ISSUED);
  });
});
