import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "chai";
import { acceptCertificate } from "../../../src/application/accept-certificate.js";
import { drawDown } from "../../../src/application/draw-down.js";
import { issueBatch } from "../../../src/application/issue-batch.js";
import { issueCertificate } from "../../../src/application/issue-certificate.js";
import { listWebhooks } from "../../../src/application/list-webhooks.js";
import { Notifier } from "../../../src/application/notifier.js";
import type { WebhookDelivery } from "../../../src/application/ports/notification-store.js";
import { registerWebhook, MAX_WEBHOOKS_PER_OWNER } from "../../../src/application/register-webhook.js";
import { promoteBatchLeaf } from "../../../src/application/promote-batch-leaf.js";
import { removeWebhook } from "../../../src/application/remove-webhook.js";
import { revokeBatch } from "../../../src/application/revoke-batch.js";
import { revokeBatchLeaf } from "../../../src/application/revoke-batch-leaf.js";
import { revokeCertificate } from "../../../src/application/revoke-certificate.js";
import { watchCertificate } from "../../../src/application/watch-certificate.js";
import { WebhookDeliverer } from "../../../src/application/webhook-deliverer.js";
import { webhookDeliveries } from "../../../src/application/webhook-deliveries.js";
import type { Caller } from "../../../src/domain/caller.js";
import { ConflictError, ForbiddenError, ValidationError } from "../../../src/domain/errors.js";
import type { Notification } from "../../../src/domain/notification.js";
import { freePort } from "../../fixtures/chain-node.js";
import {
  cooFrom,
  openTestGateway,
  seedAuthorities,
  startTestChain,
  usingPostgres,
  type TestChain,
  type TestGateway,
  type World,
} from "../../fixtures/gateway.js";

interface Received {
  path: string;
  eventId: string;
  signature: string;
  body: string;
}

interface Receiver {
  url: (path: string) => string;
  received: Received[];
  close(): Promise<void>;
}

/** A real HTTP endpoint on 127.0.0.1 that records every request and answers with `answer`'s status. */
async function startReceiver(port = 0, answer: (request: Received) => number = () => 204): Promise<Receiver> {
  const received: Received[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = {
        path: req.url ?? "",
        eventId: String(req.headers["tradeseal-event-id"]),
        signature: String(req.headers["tradeseal-signature"]),
        body: Buffer.concat(chunks).toString("utf8"),
      };
      received.push(request);
      res.writeHead(answer(request)).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${bound}${path}`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Checks a `Tradeseal-Signature` as a receiver would: HMAC-SHA256 over "<t>.<body>" with the secret. */
function signatureVerifies(secret: string, header: string, body: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) return false;
  const expected = createHmac("sha256", secret).update(`${match[1]}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(match[2], "hex"));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`Notifications: webhooks and live listeners (${usingPostgres() ? "PostgreSQL" : "PGlite"})`, function () {
  let chain: TestChain;
  let gateway: TestGateway;
  let world: World;
  let receiver: Receiver;
  let first: Notifier;
  let second: Notifier;
  let deliverer: WebhookDeliverer;
  const closers: (() => Promise<void>)[] = [];

  const callers = {} as Record<"issuer" | "customsDE" | "customsFR" | "auditor" | "watcher", Caller>;
  const secrets: Record<string, string> = {};
  const heard: Record<"firstAuditor" | "secondAuditor" | "customsFR" | "watcher", Notification[]> = {
    firstAuditor: [],
    secondAuditor: [],
    customsFR: [],
    watcher: [],
  };
  let certificateId: string;

  /** What the index holds is turned into notifications (by both instances) and queued deliveries are sent. */
  async function settle(): Promise<void> {
    await gateway.context.indexer.catchUp();
    for (;;) {
      const [a, b] = await Promise.all([first.runOnce(), second.runOnce()]);
      if (a + b === 0) break;
    }
    while ((await deliverer.runOnce()) > 0);
  }

  /** Runs deliverer passes until `done` holds (deliveries wait out their backoff in between). */
  async function deliverUntil(done: () => Promise<boolean>): Promise<void> {
    for (let i = 0; i < 200 && !(await done()); i++) {
      await deliverer.runOnce();
      await sleep(10);
    }
    expect(await done(), "deliveries did not settle in time").to.equal(true);
  }

  const receivedAt = (path: string, id = certificateId) =>
    receiver.received.filter((r) => r.path === path && (JSON.parse(r.body) as Notification).certificateId === id);
  const typesAt = (path: string, id = certificateId) =>
    receivedAt(path, id).map((r) => (JSON.parse(r.body) as Notification).type);
  const deliveriesOf = (caller: Caller, webhookId: string): Promise<WebhookDelivery[]> =>
    webhookDeliveries(gateway.context, { caller, webhookId });

  before(async function () {
    chain = await startTestChain();
    gateway = await openTestGateway(chain);
    world = await seedAuthorities(gateway);
    const ctx = gateway.context;
    receiver = await startReceiver();
    closers.push(() => receiver.close());
    // Two gateway instances over one database, each with its own notifier.
    first = new Notifier({ store: ctx.notifications, clock: ctx.clock });
    second = new Notifier({ store: ctx.notifications, clock: ctx.clock });
    deliverer = new WebhookDeliverer({
      store: ctx.notifications,
      transport: ctx.webhookTransport,
      clock: ctx.clock,
      retryDelayMs: 20,
      maxRetryDelayMs: 100,
    });
    closers.push(
      () => first.stop(),
      () => second.stop(),
      () => deliverer.stop(),
    );

    Object.assign(callers, {
      issuer: {
        subject: "karachi-chamber-system",
        role: "issuer",
        authorityId: world.chamberPK.authorityId,
        country: "PK",
      },
      customsDE: { subject: "zoll-atlas", role: "customs", authorityId: world.customsDE.authorityId, country: "DE" },
      customsFR: { subject: "douane-delta", role: "customs", authorityId: world.customsFR.authorityId, country: "FR" },
      auditor: { subject: "audit-office", role: "auditor", authorityId: world.auditor.authorityId },
      watcher: { subject: "douane-verifier", role: "customs", authorityId: world.customsFR.authorityId, country: "FR" },
    } satisfies typeof callers);
    for (const [name, caller] of Object.entries(callers)) {
      const { id, secret } = await registerWebhook(ctx, { caller, url: receiver.url(`/${name}`) });
      secrets[`/${name}`] = secret;
      expect(id).to.match(/^wh_/);
    }
    first.subscribe(callers.auditor, (n) => heard.firstAuditor.push(n));
    second.subscribe(callers.auditor, (n) => heard.secondAuditor.push(n));
    first.subscribe(callers.customsFR, (n) => heard.customsFR.push(n));
    first.subscribe(callers.watcher, (n) => heard.watcher.push(n));

    // A fresh database starts where the index stands: the seeded history is not notified.
    await settle();
    expect(receiver.received).to.have.length(0);

    const issued = await issueCertificate(ctx, { document: cooFrom(world, "DE"), signer: world.chamberPK.key });
    certificateId = issued.certificateId;
    // French customs verified it (the HTTP layer records this after an authenticated verification).
    await watchCertificate(ctx, { owner: callers.watcher.subject, certificateId });
    await watchCertificate(ctx, { owner: callers.watcher.subject, certificateId });
    await revokeCertificate(ctx, { signer: world.chamberPK.key, id: certificateId, reasonCode: 2 });
    await settle();
  });

  after(async function () {
    for (const close of closers.reverse()) await close();
    await gateway?.dispose();
    await chain?.node.stop();
  });

  it("tells the issuer, the importing customs and the auditor of the issuance and the revocation, other customs nothing", function () {
    for (const path of ["/issuer", "/customsDE", "/auditor"]) {
      expect(typesAt(path), path).to.deep.equal(["certificate.issued", "certificate.revoked"]);
    }
    expect(receiver.received.filter((r) => r.path === "/customsFR")).to.deep.equal([]);
    const revoked = JSON.parse(receivedAt("/customsDE")[1].body) as Notification;
    expect(revoked).to.include({ certificateId, status: "REVOKED", authorityId: world.chamberPK.authorityId });
    expect(revoked.data).to.include({ reasonCode: 2 });
    expect(revoked.id).to.equal(receivedAt("/customsDE")[1].eventId);
  });

  it("tells a party that verified the certificate of its revocation only, with the status alone", function () {
    const told = receivedAt("/watcher").map((r) => JSON.parse(r.body) as Notification);
    expect(told).to.have.length(1);
    expect(told[0]).to.include({ type: "certificate.revoked", status: "REVOKED", certificateId });
    expect(told[0].data).to.deep.equal({});
    expect(told[0]).to.not.have.property("authorityId");
  });

  it("signs every delivery with its webhook's secret: the signature verifies, and not over a tampered body", function () {
    expect(receiver.received.length).to.be.greaterThan(0);
    for (const request of receiver.received) {
      const secret = secrets[request.path];
      expect(signatureVerifies(secret, request.signature, request.body), request.path).to.equal(true);
      const tampered = request.body.replace(/"block":(\d+)/, (_, block: string) => `"block":${Number(block) + 1}`);
      expect(tampered).to.not.equal(request.body);
      expect(signatureVerifies(secret, request.signature, tampered)).to.equal(false);
      expect(signatureVerifies(secrets["/customsFR"], request.signature, request.body)).to.equal(false);
      const timestamp = Number(/^t=(\d+)/.exec(request.signature)?.[1]);
      expect(Math.abs(timestamp - Date.now() / 1000)).to.be.lessThan(120);
    }
  });

  it("with two notifiers on one database, each webhook gets each event once", async function () {
    const ids = receiver.received.map((r) => `${r.path} ${r.eventId}`);
    expect(new Set(ids).size).to.equal(ids.length);
    const webhooks = await listWebhooks(gateway.context, { caller: callers.auditor });
    const deliveries = await deliveriesOf(callers.auditor, webhooks[0].id);
    expect(deliveries.map((d) => d.payload.type)).to.deep.equal(["certificate.revoked", "certificate.issued"]);
    expect(deliveries.every((d) => d.status === "DELIVERED" && d.attempts === 1)).to.equal(true);
  });

  it("hands each instance's live listeners the events in chain order, as each caller may see them", function () {
    const ofCertificate = (list: Notification[]) => list.filter((n) => n.certificateId === certificateId);
    for (const list of [heard.firstAuditor, heard.secondAuditor]) {
      expect(ofCertificate(list).map((n) => n.type)).to.deep.equal(["certificate.issued", "certificate.revoked"]);
      const blocks = list.map((n) => n.id.split("-").map(Number));
      const sorted = [...blocks].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      expect(blocks).to.deep.equal(sorted);
    }
    expect(heard.customsFR).to.deep.equal([]);
    expect(heard.watcher.map((n) => [n.type, n.data])).to.deep.equal([["certificate.revoked", {}]]);
  });

  it("tells a drawdown after acceptance with the status it keeps", async function () {
    const ctx = gateway.context;
    const issued = await issueCertificate(ctx, { document: cooFrom(world, "DE"), signer: world.chamberPK.key });
    await acceptCertificate(ctx, { signer: world.customsDE.key, id: issued.certificateId });
    await ctx.indexer.catchUp();
    await drawDown(ctx, {
      signer: world.customsDE.key,
      id: issued.certificateId,
      amount: "10",
      declarationReference: "DE-1",
    });
    await settle();
    const told = receivedAt("/customsDE", issued.certificateId).map((r) => JSON.parse(r.body) as Notification);
    expect(told.map((n) => [n.type, n.status])).to.deep.equal([
      ["certificate.issued", "ISSUED"],
      ["certificate.accepted", "ACCEPTED"],
      ["certificate.drawn_down", "ACCEPTED"],
    ]);
    expect(told[2].data).to.include({ amount: "10000", importCountryUnnamed: false });
  });

  it("tells a batch's anchoring, a member's revocation and promotion, and the batch's revocation to its watchers", async function () {
    const ctx = gateway.context;
    const batch = await issueBatch(ctx, {
      documents: [cooFrom(world, "DE"), cooFrom(world, "DE"), cooFrom(world, "NL")],
      signer: world.chamberPK.key,
    });
    const [revokedLeaf, promotedLeaf, watchedLeaf] = batch.certificates.map((c) => c.certificateId);
    await watchCertificate(ctx, { owner: callers.watcher.subject, certificateId: watchedLeaf });
    await revokeBatchLeaf(ctx, { signer: world.chamberPK.key, id: revokedLeaf, reasonCode: 1 });
    await promoteBatchLeaf(ctx, { signer: world.chamberPK.key, id: promotedLeaf });
    await revokeBatch(ctx, { signer: world.chamberPK.key, root: batch.root, reasonCode: 4 });
    await settle();

    const ofBatch = (list: Notification[]) => list.filter((n) => n.batchRoot === batch.root);
    expect(ofBatch(heard.firstAuditor).map((n) => [n.type, n.certificateId, n.status])).to.deep.equal([
      ["batch.anchored", undefined, "ISSUED"],
      ["certificate.revoked", revokedLeaf, "REVOKED"],
      ["batch.leaf_promoted", promotedLeaf, "ISSUED"],
      ["batch.revoked", undefined, "REVOKED"],
    ]);
    // German customs hear of the members bound for Germany, not of the batch as a whole.
    expect(ofBatch(heard.customsFR)).to.deep.equal([]);
    const toCustomsDE = receiver.received
      .filter((r) => r.path === "/customsDE")
      .map((r) => JSON.parse(r.body) as Notification)
      .filter((n) => n.batchRoot === batch.root);
    expect(toCustomsDE.map((n) => n.type)).to.deep.equal(["certificate.revoked", "batch.leaf_promoted"]);
    expect(ofBatch(heard.watcher).map((n) => [n.type, n.data])).to.deep.equal([["batch.revoked", {}]]);
  });

  it("retries a receiver that answers 500 until it answers 200, with the same event id", async function () {
    const ctx = gateway.context;
    const tries = new Map<string, number>();
    const flaky = await startReceiver(0, ({ eventId }) => {
      tries.set(eventId, (tries.get(eventId) ?? 0) + 1);
      return tries.get(eventId)! <= 2 ? 500 : 200;
    });
    closers.push(() => flaky.close());
    const caller: Caller = { subject: "audit-office-flaky", role: "auditor" };
    const { id: webhookId } = await registerWebhook(ctx, { caller, url: flaky.url("/events") });
    const issued = await issueCertificate(ctx, { document: cooFrom(world, "NL"), signer: world.chamberPK.key });
    await settle();
    await deliverUntil(async () => {
      const deliveries = await deliveriesOf(caller, webhookId);
      return deliveries.length > 0 && deliveries.every((d) => d.status === "DELIVERED");
    });

    const [delivery] = await deliveriesOf(caller, webhookId);
    expect(delivery).to.include({ status: "DELIVERED", attempts: 3 });
    expect(delivery.payload.certificateId).to.equal(issued.certificateId);
    expect(delivery.lastError).to.match(/HTTP 500/);
    expect(flaky.received.map((r) => r.eventId)).to.deep.equal([delivery.eventId, delivery.eventId, delivery.eventId]);
    await removeWebhook(ctx, { caller, id: webhookId });
  });

  it("keeps a delivery to a receiver that is down PENDING with the error, and delivers it once it is up", async function () {
    const ctx = gateway.context;
    const port = await freePort();
    const caller: Caller = { subject: "audit-office-offline", role: "auditor" };
    const { id: webhookId, secret } = await registerWebhook(ctx, { caller, url: `http://127.0.0.1:${port}/events` });
    await issueCertificate(ctx, { document: cooFrom(world, "NL"), signer: world.chamberPK.key });
    await settle();
    await deliverUntil(async () => ((await deliveriesOf(caller, webhookId))[0]?.attempts ?? 0) >= 2);
    const [waiting] = await deliveriesOf(caller, webhookId);
    expect(waiting.status).to.equal("PENDING");
    expect(waiting.lastError).to.match(/No answer from http:\/\/127\.0\.0\.1/);

    const late = await startReceiver(port);
    closers.push(() => late.close());
    await deliverUntil(async () => (await deliveriesOf(caller, webhookId))[0].status === "DELIVERED");
    expect(late.received).to.have.length(1);
    expect(late.received[0].eventId).to.equal(waiting.eventId);
    expect(signatureVerifies(secret, late.received[0].signature, late.received[0].body)).to.equal(true);
    await removeWebhook(ctx, { caller, id: webhookId });
  });

  it("gives a delivery up as FAILED after the last attempt, keeping the error", async function () {
    const ctx = gateway.context;
    const refusing = await startReceiver(0, () => 503);
    closers.push(() => refusing.close());
    const impatient = new WebhookDeliverer({
      store: ctx.notifications,
      transport: ctx.webhookTransport,
      clock: ctx.clock,
      maxAttempts: 3,
      retryDelayMs: 10,
      maxRetryDelayMs: 20,
    });
    closers.push(() => impatient.stop());
    const caller: Caller = { subject: "audit-office-refusing", role: "auditor" };
    const { id: webhookId } = await registerWebhook(ctx, { caller, url: refusing.url("/events") });
    await issueCertificate(ctx, { document: cooFrom(world, "NL"), signer: world.chamberPK.key });
    await gateway.context.indexer.catchUp();
    await first.runOnce();
    for (let i = 0; i < 100 && (await deliveriesOf(caller, webhookId))[0]?.status !== "FAILED"; i++) {
      await impatient.runOnce();
      await sleep(10);
    }
    const [given] = await deliveriesOf(caller, webhookId);
    expect(given).to.include({ status: "FAILED", attempts: 3 });
    expect(given.lastError).to.match(/HTTP 503.*Gave up after 3 attempts/);
    expect(refusing.received).to.have.length(3);
  });

  it("registers only absolute http(s) URLs, lists webhooks without secrets, lets only the owner remove one", async function () {
    const ctx = gateway.context;
    const caller: Caller = { subject: "zoll-hamburg", role: "customs", country: "DE" };
    for (const url of ["/relative", "ftp://example.org/x", "https://user:pw@example.org/x", "not a url"]) {
      const error = await registerWebhook(ctx, { caller, url }).catch((e: unknown) => e);
      expect(error, url).to.be.instanceOf(ValidationError);
    }
    const added = await registerWebhook(ctx, { caller, url: "https://example.org/hook" });
    expect(Buffer.from(added.secret, "base64url")).to.have.length(32);
    const listed = await listWebhooks(ctx, { caller });
    expect(listed.map((w) => w.url)).to.deep.equal(["https://example.org/hook"]);
    expect(listed[0]).to.not.have.property("secret");

    const stranger = { ...caller, subject: "someone-else" };
    expect(await removeWebhook(ctx, { caller: stranger, id: added.id }).catch((e: unknown) => e)).to.be.instanceOf(
      ForbiddenError,
    );
    await removeWebhook(ctx, { caller, id: added.id });
    expect(await listWebhooks(ctx, { caller })).to.deep.equal([]);

    for (let i = 0; i < MAX_WEBHOOKS_PER_OWNER; i++) {
      await registerWebhook(ctx, { caller, url: `https://example.org/hook/${i}` });
    }
    const refused = await registerWebhook(ctx, { caller, url: "https://example.org/one-more" }).catch(
      (e: unknown) => e,
    );
    expect(refused).to.be.instanceOf(ConflictError);
    for (const webhook of await listWebhooks(ctx, { caller })) await removeWebhook(ctx, { caller, id: webhook.id });
  });
});
