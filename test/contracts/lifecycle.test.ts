import { expect } from "chai";
import { network } from "hardhat";
import { CertificateStatus } from "../../src/domain/registry-types.js";
import {
  STATUS_NAMES,
  TABLE_ACTIONS,
  contractAction,
  perform,
  subjectIn,
  type CertificateKind,
  type TableAction,
} from "../fixtures/lifecycle.js";
import { deployRegistryScenario, type RegistryScenario } from "../fixtures/registry.js";

const connection = await network.create();
const { networkHelpers } = connection;
const scenario = (): Promise<RegistryScenario> => deployRegistryScenario(connection);

const { ISSUED, SUSPENDED, REVOKED, SUPERSEDED, ACCEPTED, REJECTED, EXHAUSTED } = CertificateStatus;

/**
 * DESIGN §3, written out independently of the contract: for each action, the statuses it is
 * allowed from and the status it leads to. A partial drawdown keeps the status.
 */
const ALLOWED: Record<TableAction, { from: CertificateStatus[]; to: CertificateStatus | "same" }> = {
  SUSPEND: { from: [ISSUED], to: SUSPENDED },
  REINSTATE: { from: [SUSPENDED], to: ISSUED },
  REVOKE: { from: [ISSUED, SUSPENDED, ACCEPTED, REJECTED], to: REVOKED },
  REPLACE: { from: [ISSUED, SUSPENDED, REJECTED], to: SUPERSEDED },
  ACCEPT: { from: [ISSUED], to: ACCEPTED },
  REJECT: { from: [ISSUED], to: REJECTED },
  DRAW_DOWN_PART: { from: [ISSUED, ACCEPTED], to: "same" },
  DRAW_DOWN_REST: { from: [ISSUED, ACCEPTED], to: EXHAUSTED },
};

const STATUSES_OF: Record<CertificateKind, CertificateStatus[]> = {
  COO: [ISSUED, SUSPENDED, REVOKED, SUPERSEDED, ACCEPTED, REJECTED, EXHAUSTED],
  PHYTO: [ISSUED, SUSPENDED, REVOKED, SUPERSEDED, ACCEPTED, REJECTED],
};

function shouldBehaveLikeLifecycle(kind: CertificateKind): void {
  describe(`${kind === "COO" ? "Certificate of origin" : "Phytosanitary certificate"} transition table`, function () {
    for (const status of STATUSES_OF[kind]) {
      for (const action of TABLE_ACTIONS) {
        const drawdown = action.startsWith("DRAW_DOWN");
        const rule = ALLOWED[action];
        if (kind === "PHYTO" && drawdown) {
          it(`refuses ${action} on a ${STATUS_NAMES[status]} phytosanitary certificate as not drawable`, async function () {
            const s = await networkHelpers.loadFixture(scenario);
            const subject = await subjectIn(s, kind, status);
            await expect(perform(s, subject, action))
              .to.be.revertedWithCustomError(s.registry, "CertificateRegistryNotDrawable")
              .withArgs(subject.id);
            expect((await s.registry.certificate(subject.id)).status).to.equal(status);
          });
          continue;
        }
        const allowed = rule.from.includes(status);
        const expected = rule.to === "same" ? status : rule.to;
        const title = allowed
          ? `moves ${STATUS_NAMES[status]} to ${STATUS_NAMES[expected]} on ${action}`
          : `refuses ${action} from ${STATUS_NAMES[status]}, naming the current status`;
        it(title, async function () {
          const s = await networkHelpers.loadFixture(scenario);
          const subject = await subjectIn(s, kind, status);
          if (allowed) {
            await (await perform(s, subject, action)).wait();
            expect((await s.registry.certificate(subject.id)).status).to.equal(expected);
          } else {
            await expect(perform(s, subject, action))
              .to.be.revertedWithCustomError(s.registry, "CertificateRegistryInvalidTransition")
              .withArgs(subject.id, status, contractAction(action));
            expect((await s.registry.certificate(subject.id)).status).to.equal(status);
          }
        });
      }
    }

    it("refuses every action on an unknown certificate id", async function () {
      const s = await networkHelpers.loadFixture(scenario);
      const subject = await subjectIn(s, kind, ISSUED);
      const unknown = { ...subject, id: "0x" + "ab".repeat(32) };
      for (const action of TABLE_ACTIONS) {
        await expect(perform(s, unknown, action), action)
          .to.be.revertedWithCustomError(s.registry, "CertificateRegistryUnknownCertificate")
          .withArgs(unknown.id);
      }
    });
  });
}

shouldBehaveLikeLifecycle("COO");
shouldBehaveLikeLifecycle("PHYTO");

describe("Replacement", function () {
  it("links both certificates in one transaction: old supersededBy new, new supersedes old", async function () {
    const s = await networkHelpers.loadFixture(scenario);
    const old = await subjectIn(s, "PHYTO", ISSUED);
    const tx = await perform(s, old, "REPLACE");
    const receipt = await tx.wait();
    const superseded = receipt!.logs
      .map((log) => s.registry.interface.parseLog(log))
      .find((e) => e?.name === "CertificateSuperseded");
    const replacement = superseded!.args.replacement as string;
    expect(await s.registry.supersededBy(old.id)).to.equal(replacement);
    expect(await s.registry.supersedes(replacement)).to.equal(old.id);
    expect((await s.registry.certificate(old.id)).status).to.equal(SUPERSEDED);
    expect((await s.registry.certificate(replacement)).status).to.equal(ISSUED);
  });

  it("is refused to another issuer, even of the same country, and changes nothing", async function () {
    const s = await networkHelpers.loadFixture(scenario);
    const old = await subjectIn(s, "PHYTO", ISSUED);
    await expect(perform(s, old, "REPLACE", s.actors.chamberPK))
      .to.be.revertedWithCustomError(s.registry, "CertificateRegistryUnauthorizedActor")
      .withArgs(old.id, s.actors.chamberPK.address);
    expect((await s.registry.certificate(old.id)).status).to.equal(ISSUED);
    expect(await s.registry.supersededBy(old.id)).to.equal("0x" + "00".repeat(32));
  });
});
