import { expect } from "chai";
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
import { startTestApi, type TestApi } from "../../fixtures/api.js";
import { call } from "./api-helpers.js";
import { positionOf } from "../../../src/application/notifier.js";

describe(`HTTP API: live events, webhooks, credentials and audit (${usingPostgres() ? "PostgreSQL" : "PGlite"})`, function () {
  let chain: TestChain;
  let gateway: TestGateway;
  let world: World;
  let api: TestApi;
  const tokens: Record<string, string> = {};

  before(async function () {
    chain = await startTestChain();
    gateway = await openTestGateway(chain);
    world = await seedAuthorities(gateway);
    await gateway.context.indexer.catchUp();
    await gateway.notifier.runOnce();
    api = await startTestApi(gateway);
    tokens.chamber = await api.tokenFor(world.chamberPK, "issuer");
    tokens.customsDE = await api.tokenFor(world.customsDE, "customs");
    tokens.auditor = await api.tokenFor(world.auditor, "auditor");
  });

  after(async function () {
    await api?.close();
    await gateway?.dispose();
    await chain?.node.stop();
  });

  async function issue(): Promise<string> {
    const reply = await call(`${api.url}/v1/certificates`, { token: tokens.chamber, json: cooFrom(world) });
    expect(reply.status, reply.text).to.equal(201);
    await gateway.context.indexer.catchUp();
    return reply.body.certificateId as string;
  }

  /** Reads server-sent events from a stream until `count` events arrived. */
  async function readEvents(
    response: Response,
    count: number,
  ): Promise<{ event: string; data: Record<string, unknown> }[]> {
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    const events: { event: string; data: Record<string, unknown> }[] = [];
    let buffer = "";
    while (events.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = Object.fromEntries(
          block
            .split("\n")
            .filter((line) => !line.startsWith(":") && line.includes(": "))
            .map((line) => [line.slice(0, line.indexOf(": ")), line.slice(line.indexOf(": ") + 2)]),
        );
        if (fields.event)
          events.push({ event: fields.event, data: JSON.parse(fields.data) as Record<string, unknown> });
      }
    }
    await reader.cancel();
    return events;
  }

  it("streams a revocation live to a public page watching the certificate, status only", async function () {
    const id = await issue();
    await gateway.notifier.runOnce();
    const controller = new AbortController();
    const stream = await fetch(`${api.url}/v1/events?certificate=${id}`, { signal: controller.signal });
    expect(stream.status).to.equal(200);
    expect(stream.headers.get("content-type")).to.contain("text/event-stream");
    const received = readEvents(stream, 1);
    const revoked = await call(`${api.url}/v1/certificates/${id}/revoke`, {
      token: tokens.chamber,
      json: { reasonCode: 1 },
    });
    expect(revoked.status).to.equal(200);
    await gateway.context.indexer.catchUp();
    await gateway.notifier.runOnce();
    const [event] = await received;
    controller.abort();
    expect(event.event).to.equal("certificate.revoked");
    expect(event.data).to.deep.equal({
      id: event.data.id,
      type: "certificate.revoked",
      certificateId: id,
      status: "REVOKED",
    });
  });

  it("sends a client returning with Last-Event-ID what it missed, in order, then goes on live", async function () {
    const id = await issue();
    await gateway.notifier.runOnce();
    const act = async (action: string, body: unknown) => {
      const reply = await call(`${api.url}/v1/certificates/${id}/${action}`, { token: tokens.chamber, json: body });
      expect(reply.status, reply.text).to.equal(200);
      await gateway.context.indexer.catchUp();
      await gateway.notifier.runOnce();
    };
    const open = (lastEventId?: string) =>
      fetch(`${api.url}/v1/events`, {
        headers: { authorization: `Bearer ${tokens.auditor}`, ...(lastEventId && { "last-event-id": lastEventId }) },
      });

    const first = open();
    const firstEvents = readEvents(await first, 1);
    await act("suspend", { reasonCode: 1 });
    const [suspended] = await firstEvents;
    expect(suspended.event).to.equal("certificate.suspended");

    // The stream is gone while the certificate is reinstated and revoked.
    await act("reinstate", {});
    await act("revoke", { reasonCode: 2 });

    const back = await open(suspended.data.id as string);
    expect(back.status).to.equal(200);
    const replayed = readEvents(back, 3);
    const later = await issue();
    await gateway.notifier.runOnce();
    const events = await replayed;
    expect(events.map((e) => [e.event, e.data.certificateId])).to.deep.equal([
      ["certificate.reinstated", id],
      ["certificate.revoked", id],
      ["certificate.issued", later],
    ]);

    const auditor = { subject: "auditor", role: "auditor" as const };
    const limited = await gateway.notifier.missedSince(auditor, positionOf(suspended.data.id as string), 1);
    expect(limited.notifications.map((n) => n.type)).to.deep.equal(["certificate.reinstated"]);
    expect(limited.complete).to.equal(false);

    const refused = await call(`${api.url}/v1/events`, {
      token: tokens.auditor,
      headers: { "last-event-id": "yesterday" },
    });
    expect(refused.status).to.equal(400);
    expect(refused.body.detail).to.contain("Last-Event-ID");
  });

  it("needs a token or a certificate for the event stream", async function () {
    expect((await call(`${api.url}/v1/events`)).status).to.equal(401);
  });

  it("registers, lists and removes webhooks for the caller only", async function () {
    const registered = await call(`${api.url}/v1/webhooks`, {
      token: tokens.customsDE,
      json: { url: "http://127.0.0.1:9/hook" },
    });
    expect(registered.status, registered.text).to.equal(201);
    expect(registered.body.secret).to.be.a("string").with.length.greaterThan(20);
    const listed = await call(`${api.url}/v1/webhooks`, { token: tokens.customsDE });
    expect(listed.body.items.map((w: { id: string }) => w.id)).to.deep.equal([registered.body.id]);
    expect(listed.body.items[0]).not.to.have.property("secret");
    const others = await call(`${api.url}/v1/webhooks`, { token: tokens.chamber });
    expect(others.body.items).to.deep.equal([]);
    const foreign = await call(`${api.url}/v1/webhooks/${registered.body.id}`, {
      token: tokens.chamber,
      method: "DELETE",
    });
    expect(foreign.status).to.equal(403);
    const bad = await call(`${api.url}/v1/webhooks`, { token: tokens.customsDE, json: { url: "not a url" } });
    expect(bad.status).to.equal(400);
    const removed = await call(`${api.url}/v1/webhooks/${registered.body.id}`, {
      token: tokens.customsDE,
      method: "DELETE",
    });
    expect(removed.status).to.equal(204);
  });

  it("exports a certificate as a VC-JWT that verifies VALID, whose status list follows the chain", async function () {
    const id = await issue();
    const exported = await call(`${api.url}/v1/certificates/${id}/credential`, { token: tokens.customsDE });
    expect(exported.status, exported.text).to.equal(200);
    expect(exported.type).to.contain("application/vc+jwt");
    const verified = await call(`${api.url}/v1/verify`, { body: exported.text, type: "application/vc+jwt" });
    expect(verified.status, verified.text).to.equal(200);
    expect(verified.body.status).to.equal("VALID");
    const payload = JSON.parse(Buffer.from(exported.text.split(".")[1], "base64url").toString()) as {
      credentialStatus: { statusPurpose: string; statusListCredential: string }[];
    };
    const revocation = payload.credentialStatus.find((s) => s.statusPurpose === "revocation")!;
    expect(revocation.statusListCredential.startsWith(api.url)).to.equal(true);
    const list = await call(revocation.statusListCredential);
    expect(list.status).to.equal(200);
    expect(list.type).to.contain("application/vc+jwt");
    expect((await call(`${api.url}/v1/certificates/${id}/credential`)).status).to.equal(401);
  });

  it("gives auditors the anomaly report and history exports, and no one else", async function () {
    const id = await issue();
    const draw = await call(`${api.url}/v1/certificates/${id}/drawdowns`, {
      token: tokens.customsDE,
      json: { declarationReference: "26DE0000000000000042", amount: "99999999" },
    });
    expect(draw.status).to.equal(400);
    const report = await call(`${api.url}/v1/audit/anomalies`, { token: tokens.auditor });
    expect(report.status).to.equal(200);
    const overDraw = report.body.items.find((a: { kind: string; certificateId?: string }) => a.certificateId === id);
    expect(overDraw?.kind).to.equal("OVER_DRAW_ATTEMPT");
    expect((await call(`${api.url}/v1/audit/anomalies`, { token: tokens.customsDE })).status).to.equal(403);

    const csv = await call(`${api.url}/v1/audit/certificates/${id}/history?format=csv`, { token: tokens.auditor });
    expect(csv.status).to.equal(200);
    expect(csv.type).to.contain("text/csv");
    const [header, first] = csv.text.trim().split("\n");
    expect(header.split(",").slice(0, 5)).to.deep.equal(["block", "logIndex", "time", "transaction", "event"]);
    expect(first).to.contain("CertificateIssued");
    const rows = await call(`${api.url}/v1/audit/authorities/${world.chamberPK.authorityId}/history`, {
      token: tokens.auditor,
    });
    expect(rows.body.rows.length).to.be.greaterThan(1);
  });
});
