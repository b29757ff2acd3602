import { expect } from "chai";
import type { Caller } from "../../../src/domain/caller.js";
import { notificationFor } from "../../../src/domain/notification-audience.js";
import {
  notificationOf,
  type Notification,
  type NotificationScope,
  type RecordedEvent,
} from "../../../src/domain/notification.js";
import { CertificateType } from "../../../src/domain/registry-types.js";

const ID = `0x${"ab".repeat(32)}`;
const ROOT = `0x${"cd".repeat(32)}`;
const TX = `0x${"ef".repeat(32)}`;

const cooScope: NotificationScope = {
  issuer: 7,
  issuerCountry: "PK",
  certificateType: CertificateType.COO_PREFERENTIAL,
  exportCountry: "PK",
  importCountry: "DE",
  watchers: ["verifier@fr"],
};
const phytoScope: NotificationScope = { ...cooScope, certificateType: CertificateType.PHYTO, issuer: 8 };
const batchScope: NotificationScope = { issuer: 7, issuerCountry: "PK", watchers: ["verifier@fr"] };

function event(name: string, args: RecordedEvent["args"] = {}, logIndex = 0): RecordedEvent {
  return {
    blockNumber: 42,
    logIndex,
    blockTime: 1_750_000_000,
    transactionHash: TX,
    name,
    certificateId: ID,
    authorityId: 7,
    args: { id: ID, ...args },
  };
}

function notification(name: string, scope = cooScope, args: RecordedEvent["args"] = {}): Notification {
  const made = notificationOf(event(name, args), { scope });
  if (!made) throw new Error(`${name} made no notification`);
  return made;
}

const caller = (role: Caller["role"], claims: Partial<Caller> = {}): Caller => ({
  subject: `${role}-user`,
  role,
  ...claims,
});

describe("Who receives a certificate's notifications", function () {
  const revoked = notification("CertificateRevoked", cooScope, { reasonCode: 3, reasonHash: TX });

  it("the issuing authority receives it in full, another issuer does not", function () {
    expect(notificationFor(caller("issuer", { authorityId: 7 }), revoked, cooScope)).to.deep.equal(revoked);
    expect(notificationFor(caller("issuer", { authorityId: 9 }), revoked, cooScope)).to.equal(undefined);
    expect(notificationFor(caller("issuer"), revoked, cooScope)).to.equal(undefined);
  });

  it("customs of the importing country receive certificates of origin, customs of another country do not", function () {
    expect(notificationFor(caller("customs", { country: "DE" }), revoked, cooScope)).to.deep.equal(revoked);
    expect(notificationFor(caller("customs", { country: "de" }), revoked, cooScope)).to.deep.equal(revoked);
    expect(notificationFor(caller("customs", { country: "FR" }), revoked, cooScope)).to.equal(undefined);
    expect(notificationFor(caller("customs"), revoked, cooScope)).to.equal(undefined);
  });

  it("the importing country's NPPO receives phytosanitary certificates, its customs do not, and the reverse for origin", function () {
    const phyto = notification("CertificateRevoked", phytoScope);
    expect(notificationFor(caller("nppo", { country: "DE" }), phyto, phytoScope)).to.deep.equal(phyto);
    expect(notificationFor(caller("customs", { country: "DE" }), phyto, phytoScope)).to.equal(undefined);
    expect(notificationFor(caller("nppo", { country: "DE" }), revoked, cooScope)).to.equal(undefined);
  });

  it("nobody receives as importer a certificate that names no importing country", function () {
    const unnamed = { ...cooScope, importCountry: "" };
    expect(notificationFor(caller("customs", { country: "" }), revoked, unnamed)).to.equal(undefined);
  });

  it("auditors and admins receive everything", function () {
    for (const role of ["auditor", "admin"] as const) {
      expect(notificationFor(caller(role), revoked, cooScope)).to.deep.equal(revoked);
      expect(notificationFor(caller(role), revoked, phytoScope)).to.deep.equal(revoked);
    }
  });

  it("the accreditor of the issuer's country receives it, another country's accreditor does not", function () {
    expect(notificationFor(caller("accreditor", { country: "PK" }), revoked, cooScope)).to.deep.equal(revoked);
    expect(notificationFor(caller("accreditor", { country: "DE" }), revoked, cooScope)).to.equal(undefined);
  });

  it("a watcher is told of revocation, suspension and supersession with the status only", function () {
    const watcher = caller("customs", { subject: "verifier@fr", country: "FR" });
    for (const [name, status] of [
      ["CertificateRevoked", "REVOKED"],
      ["CertificateSuspended", "SUSPENDED"],
      ["CertificateSuperseded", "SUPERSEDED"],
    ] as const) {
      const full = notification(name, cooScope, { reasonCode: 2, reasonHash: TX, replacement: ROOT });
      const told = notificationFor(watcher, full, cooScope);
      expect(told, name).to.deep.equal({
        id: "42-0",
        type: full.type,
        certificateId: ID,
        status,
        block: 42,
        time: full.time,
        transaction: TX,
        data: {},
      });
    }
  });

  it("a watcher is not told of other changes, and a stranger of nothing", function () {
    const watcher = caller("customs", { subject: "verifier@fr", country: "FR" });
    for (const name of ["CertificateIssued", "CertificateAccepted", "CertificateReinstated", "CertificateExhausted"]) {
      expect(notificationFor(watcher, notification(name), cooScope), name).to.equal(undefined);
    }
    expect(notificationFor(caller("customs", { subject: "other", country: "FR" }), revoked, cooScope)).to.equal(
      undefined,
    );
  });

  it("a batch's events go to its issuer, the accreditor, auditors, and watchers of its members when revoked", function () {
    const anchored = notificationOf(
      { ...event("BatchAnchored", { root: ROOT, count: 3 }), certificateId: undefined, batchRoot: ROOT },
      { scope: batchScope },
    )!;
    const batchRevoked = notificationOf(
      { ...event("BatchRevoked", { root: ROOT, reasonCode: 1 }), certificateId: undefined, batchRoot: ROOT },
      { scope: batchScope },
    )!;
    expect(notificationFor(caller("issuer", { authorityId: 7 }), anchored, batchScope)).to.deep.equal(anchored);
    expect(notificationFor(caller("accreditor", { country: "PK" }), anchored, batchScope)).to.deep.equal(anchored);
    expect(notificationFor(caller("auditor"), anchored, batchScope)).to.deep.equal(anchored);
    expect(notificationFor(caller("customs", { country: "DE" }), anchored, batchScope)).to.equal(undefined);
    const watcher = caller("customs", { subject: "verifier@fr", country: "FR" });
    expect(notificationFor(watcher, anchored, batchScope)).to.equal(undefined);
    expect(notificationFor(watcher, batchRevoked, batchScope)).to.include({ status: "REVOKED", batchRoot: ROOT });
  });
});

describe("What an indexed event notifies", function () {
  it("names the type, the status it leaves, the acting authority and the reason", function () {
    const made = notification("CertificateRevoked", cooScope, { reasonCode: 3, reasonHash: TX });
    expect(made).to.deep.equal({
      id: "42-0",
      type: "certificate.revoked",
      certificateId: ID,
      status: "REVOKED",
      block: 42,
      time: "2025-06-15T15:06:40.000Z",
      transaction: TX,
      authorityId: 7,
      data: { reasonCode: 3, reasonHash: TX },
    });
  });

  it("tells an issuance's type and countries", function () {
    expect(notification("CertificateIssued").data).to.deep.equal({
      certificateType: "COO_PREFERENTIAL",
      exportCountry: "PK",
      importCountry: "DE",
    });
  });

  it("keeps the status before a drawdown, and names no authority for the accreditor (0)", function () {
    const drawn = notificationOf(event("CertificateDrawnDown", { amount: "10", remaining: "5" }), {
      scope: cooScope,
      statusBefore: "ACCEPTED",
    });
    expect(drawn).to.include({ type: "certificate.drawn_down", status: "ACCEPTED" });
    expect(drawn?.data).to.deep.equal({ amount: "10", remaining: "5" });
    const byAccreditor = notificationOf({ ...event("CertificateRevoked"), authorityId: 0 }, { scope: cooScope });
    expect(byAccreditor).to.not.have.property("authorityId");
  });

  it("tells a batch member revoked in one transaction as its revocation alone", function () {
    const recorded = { ...event("BatchLeafRecorded", { root: ROOT }), batchRoot: ROOT };
    const revoked = event("CertificateRevoked", { reasonCode: 1 }, 1);
    const scope = { ...cooScope, batchRoot: ROOT };
    expect(notificationOf(recorded, { scope, next: revoked })).to.equal(undefined);
    expect(notificationOf(revoked, { scope })).to.include({ type: "certificate.revoked", batchRoot: ROOT });
    expect(notificationOf(recorded, { scope })).to.include({ type: "batch.leaf_promoted", status: "ISSUED" });
  });

  it("makes none for events that change no certificate or batch", function () {
    expect(notificationOf(event("AuthoritySuspended"), { scope: cooScope })).to.equal(undefined);
    expect(notificationOf(event("SigningKeyAdded"), { scope: cooScope })).to.equal(undefined);
  });
});
