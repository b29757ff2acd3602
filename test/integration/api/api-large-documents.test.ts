import { expect } from "chai";
import { compactVerify, createLocalJWKSet } from "jose";
import {
  cooFrom,
  largeCooFrom,
  openTestGateway,
  seedAuthorities,
  startTestChain,
  type TestChain,
  type TestGateway,
  type World,
} from "../../fixtures/gateway.js";
import { startTestApi, type TestApi } from "../../fixtures/api.js";
import { call } from "./api-helpers.js";

describe("verifying large documents on the gateway's document threads (real threads)", function () {
  let chain: TestChain;
  let gateway: TestGateway;
  let world: World;
  let api: TestApi;
  let chamberToken: string;

  before(async function () {
    chain = await startTestChain();
    gateway = await openTestGateway(chain, { documentThreads: 2 });
    world = await seedAuthorities(gateway);
    await gateway.context.indexer.catchUp();
    api = await startTestApi(gateway);
    chamberToken = await api.tokenFor(world.chamberPK, "issuer");
  });

  after(async function () {
    await api?.close();
    await gateway?.dispose();
    await chain?.node.stop();
  });

  async function issueLarge(): Promise<{ id: string; document: ReturnType<typeof largeCooFrom> }> {
    const document = largeCooFrom(world, 50 * 1024);
    const reply = await call(`${api.url}/v1/certificates`, { token: chamberToken, json: document });
    expect(reply.status, reply.text).to.equal(201);
    await gateway.context.indexer.catchUp();
    return { id: reply.body.certificateId as string, document };
  }

  it("verifies a 50 KB certificate presented as JSON, alone or as { document }, and finds a changed lot INVALID", async function () {
    const { id, document } = await issueLarge();
    const good = await call(`${api.url}/v1/verify`, { json: document });
    expect(good.status, good.text).to.equal(200);
    expect(good.body).to.deep.include({ status: "VALID", certificateId: id });
    const wrapped = await call(`${api.url}/v1/verify`, { json: { document } });
    expect(wrapped.body.status).to.equal("VALID");

    const items = document.items.map((item, i) =>
      i === 97 ? { ...item, description: `${item.description} (x2)` } : item,
    );
    const changed = await call(`${api.url}/v1/verify`, { json: { ...document, items } });
    expect(changed.body.status).to.equal("INVALID");
    expect(changed.body.fragments[0]).to.deep.include({ name: "DOCUMENT_INTEGRITY", status: "INVALID" });
  });

  it("signs the receipt of a large document's verification when asked", async function () {
    const { id, document } = await issueLarge();
    const reply = await fetch(`${api.url}/v1/verify`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/jose" },
      body: JSON.stringify(document),
    });
    expect(reply.headers.get("content-type")).to.contain("application/jose");
    const jwks = (await (await fetch(`${api.url}/.well-known/jwks.json`)).json()) as Parameters<
      typeof createLocalJWKSet
    >[0];
    const { payload } = await compactVerify(await reply.text(), createLocalJWKSet(jwks));
    const receipt = JSON.parse(new TextDecoder().decode(payload)) as { sub: string; verification: { status: string } };
    expect(receipt.sub).to.equal(id);
    expect(receipt.verification.status).to.equal("VALID");
  });

  it("answers an invalid, a malformed and an oversized large body with problem documents", async function () {
    const document = largeCooFrom(world, 20 * 1024);
    const invalid = await call(`${api.url}/v1/verify`, {
      json: { ...document, issueDate: "2026-02-30", colour: "red" },
    });
    expect(invalid.status).to.equal(400);
    expect(invalid.type).to.contain("application/problem+json");
    expect(invalid.body.detail).to.contain("issueDate").and.to.contain("colour");
    expect((invalid.body.errors as unknown[]).length).to.be.greaterThan(1);

    const malformed = await call(`${api.url}/v1/verify`, {
      body: JSON.stringify(document).slice(0, -1),
      type: "application/json",
    });
    expect(malformed.status).to.equal(400);
    expect(malformed.body.code).to.equal("MALFORMED_BODY");

    const oversized = await call(`${api.url}/v1/verify`, {
      body: JSON.stringify({ ...document, remarks: "x".repeat(1_200_000) }),
      type: "application/json",
    });
    expect(oversized.status).to.equal(413);

    const notObject = await call(`${api.url}/v1/verify`, { json: document.items });
    expect(notObject.status).to.equal(400);
    expect(notObject.body.detail).to.contain("JSON object");
  });

  it("keeps answering small verifications while large documents are being checked", async function () {
    const { document } = await issueLarge();
    const small = await call(`${api.url}/v1/certificates`, { token: chamberToken, json: cooFrom(world) });
    await gateway.context.indexer.catchUp();
    const smallId = small.body.certificateId as string;
    const replies = await Promise.all([
      ...Array.from({ length: 20 }, () => call(`${api.url}/v1/verify`, { json: document })),
      ...Array.from({ length: 20 }, () => call(`${api.url}/v1/verify`, { json: { id: smallId } })),
    ]);
    expect(replies.map((r) => r.body.status)).to.deep.equal(Array(40).fill("VALID"));
  });
});
