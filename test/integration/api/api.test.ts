import { expect } from "chai";
import { base64url, compactVerify, createLocalJWKSet, generateKeyPair, jwtVerify, SignJWT } from "jose";
import { createHmac } from "node:crypto";
import {
  cooFrom,
  openTestGateway,
  phytoFrom,
  seedAuthorities,
  startTestChain,
  usingPostgres,
  type TestChain,
  type TestGateway,
  type World,
} from "../../fixtures/gateway.js";
import { startTestApi, TEST_AUDIENCE, TEST_ISSUER, type TestApi } from "../../fixtures/api.js";
import { call } from "./api-helpers.js";
import { writeCertificateXml } from "../../../src/adapters/formats/read-certificate-xml.js";
import { parseCertificateDocument } from "../../../src/domain/documents/certificate-document.js";

describe(`HTTP API over a real gateway (${usingPostgres() ? "PostgreSQL" : "PGlite"})`, function () {
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
    api = await startTestApi(gateway);
    tokens.chamber = await api.tokenFor(world.chamberPK, "issuer");
    tokens.nppoKE = await api.tokenFor(world.nppoKE, "issuer");
    tokens.customsDE = await api.tokenFor(world.customsDE, "customs");
    tokens.customsFR = await api.tokenFor(world.customsFR, "customs");
    tokens.nppoNL = await api.tokenFor(world.nppoNL, "nppo");
    tokens.auditor = await api.tokenFor(world.auditor, "auditor");
    tokens.accreditorPK = await api.token({ subject: "accreditor-pk", role: "accreditor", country: "PK" });
    tokens.accreditorDE = await api.token({ subject: "accreditor-de", role: "accreditor", country: "DE" });
  });

  after(async function () {
    await api?.close();
    await gateway?.dispose();
    await chain?.node.stop();
  });

  /** Issues a CoO through the API as the Pakistani chamber and waits for the index. */
  async function issueCoo(importCountry = "DE"): Promise<{ id: string; document: ReturnType<typeof cooFrom> }> {
    const document = cooFrom(world, importCountry);
    const reply = await call(`${api.url}/v1/certificates`, { token: tokens.chamber, json: document });
    expect(reply.status, reply.text).to.equal(201);
    await gateway.context.indexer.catchUp();
    return { id: reply.body.certificateId as string, document };
  }

  async function statusOf(id: string): Promise<string> {
    return (await call(`${api.url}/v1/certificates/${id}`)).body.status as string;
  }

  describe("operations", function () {
    it("reports chain, storage and database up with the indexed block", async function () {
      const reply = await call(`${api.url}/healthz`);
      expect(reply.status).to.equal(200);
      expect(reply.body).to.deep.include({ status: "ok" });
      expect(reply.body.chain.up).to.equal(true);
      expect(reply.body.storage.up).to.equal(true);
      expect(reply.body.database.up).to.equal(true);
      expect(reply.body.index.block).to.be.a("number");
    });

    it("publishes an OpenAPI 3.1 document generated from the request schemas, and interactive docs", async function () {
      const reply = await call(`${api.url}/openapi.json`);
      expect(reply.status).to.equal(200);
      expect(reply.body.openapi).to.equal("3.1.0");
      for (const path of ["/v1/certificates", "/v1/certificates/{id}", "/v1/verify", "/v1/authorities", "/healthz"]) {
        expect(reply.body.paths, path).to.have.property(path);
      }
      const issue = reply.body.paths["/v1/certificates"].post;
      expect(issue.requestBody.content["application/json"].schema.$ref).to.equal(
        "#/components/schemas/CertificateDocument",
      );
      expect(reply.body.components.schemas.CertificateDocument.oneOf).to.have.length(2);
      const docs = await call(`${api.url}/docs`);
      expect(docs.status).to.equal(200);
      expect(docs.text).to.contain("swagger-ui-bundle.js");
      expect((await call(`${api.url}/docs/assets/swagger-ui-bundle.js`)).status).to.equal(200);
    });

    it("serves Prometheus metrics with request durations by route pattern", async function () {
      await call(`${api.url}/healthz`);
      const reply = await call(`${api.url}/metrics`);
      expect(reply.status).to.equal(200);
      expect(reply.text).to.contain(
        'tradeseal_http_request_duration_seconds_count{method="GET",route="/healthz",status="200"}',
      );
      expect(reply.text).to.match(/tradeseal_indexed_block \d+/);
    });
  });

  describe("issuing, reading and verifying", function () {
    it("issues a CoO (201) that anyone can look up and verify by id, with a receipt checkable offline", async function () {
      const { id } = await issueCoo();
      const view = await call(`${api.url}/v1/certificates/${id}`);
      expect(view.status).to.equal(200);
      expect(view.body).to.deep.include({
        id,
        status: "ISSUED",
        type: "COO_PREFERENTIAL",
        exportCountry: "PK",
        importCountry: "DE",
      });
      expect(view.body.issuer).to.deep.equal({
        id: world.chamberPK.authorityId,
        name: "Karachi Chamber of Commerce",
        country: "PK",
      });
      expect(view.body.quantity.left).to.equal(view.body.quantity.certified);

      const verified = await call(`${api.url}/v1/verify`, { json: { id } });
      expect(verified.status).to.equal(200);
      expect(verified.body.status).to.equal("VALID");
      expect(
        verified.body.fragments.map((f: { name: string; status: string }) => `${f.name}:${f.status}`),
      ).to.deep.equal(["DOCUMENT_INTEGRITY:SKIPPED", "DOCUMENT_STATUS:VALID", "ISSUER_IDENTITY:VALID", "USAGE:VALID"]);

      const receipt = await call(`${api.url}/v1/verify?receipt=jws`, { json: { id } });
      expect(receipt.type).to.contain("application/jose");
      const jwks = (await call(`${api.url}/.well-known/jwks.json`)).body;
      const { payload, protectedHeader } = await jwtVerify(receipt.text, createLocalJWKSet(jwks), { issuer: api.url });
      expect(protectedHeader.typ).to.equal("tradeseal-receipt+jwt");
      expect(payload.sub).to.equal(id);
      expect((payload.verification as { status: string }).status).to.equal("VALID");
      const viaAccept = await call(`${api.url}/v1/verify`, { json: { id }, headers: { accept: "application/jose" } });
      expect((await compactVerify(viaAccept.text, createLocalJWKSet(jwks))).protectedHeader.alg).to.equal("ES256");
    });

    it("checks the stored contents for the importing customs, who can also read the document; other countries cannot", async function () {
      const { id, document } = await issueCoo();
      const verified = await call(`${api.url}/v1/verify`, { json: { id }, token: tokens.customsDE });
      expect(verified.body.fragments[0]).to.deep.include({ name: "DOCUMENT_INTEGRITY", status: "VALID" });

      const read = await call(`${api.url}/v1/certificates/${id}/document`, { token: tokens.customsDE });
      expect(read.status).to.equal(200);
      expect(read.body.document.certificateNumber).to.equal(document.certificateNumber);
      expect(read.body.salt).to.match(/^[0-9a-f]{32}$/);
      expect((await call(`${api.url}/v1/certificates/${id}/document`, { token: tokens.auditor })).status).to.equal(200);
      expect((await call(`${api.url}/v1/certificates/${id}/document`, { token: tokens.chamber })).status).to.equal(200);
      for (const other of ["customsFR", "nppoKE", "nppoNL"]) {
        const refused = await call(`${api.url}/v1/certificates/${id}/document`, { token: tokens[other] });
        expect(refused.status, other).to.equal(403);
        expect(refused.type).to.contain("application/problem+json");
      }
      expect((await call(`${api.url}/v1/certificates/${id}/document`)).status).to.equal(401);
    });

    it("verifies a presented document and reports a tampered one INVALID", async function () {
      const { document } = await issueCoo();
      const good = await call(`${api.url}/v1/verify`, { json: document });
      expect(good.body.status).to.equal("VALID");
      const tampered = { ...document, remarks: "quantity changed at the border" };
      const bad = await call(`${api.url}/v1/verify`, { json: tampered });
      expect(bad.body.status).to.equal("INVALID");
      expect(bad.body.fragments[0]).to.deep.include({ name: "DOCUMENT_INTEGRITY", status: "INVALID" });
    });

    it("lists certificates in the caller's scope only, newest first, page by page", async function () {
      const first = await issueCoo("DE");
      const second = await issueCoo("FR");
      const own = await call(`${api.url}/v1/certificates?limit=1`, { token: tokens.chamber });
      expect(own.status).to.equal(200);
      expect(own.body.items.map((c: { id: string }) => c.id)).to.deep.equal([second.id]);
      const next = await call(`${api.url}/v1/certificates?limit=1&cursor=${own.body.nextCursor}`, {
        token: tokens.chamber,
      });
      expect(next.body.items.map((c: { id: string }) => c.id)).to.deep.equal([first.id]);

      const german = await call(`${api.url}/v1/certificates?limit=500`, { token: tokens.customsDE });
      const germanIds = german.body.items.map((c: { id: string }) => c.id);
      expect(germanIds).to.include(first.id).and.not.include(second.id);
      const asked = await call(`${api.url}/v1/certificates?importCountry=FR`, { token: tokens.customsDE });
      expect(asked.body.items).to.deep.equal([]);
      const kenyan = await call(`${api.url}/v1/certificates`, { token: tokens.nppoKE });
      expect(kenyan.body.items.map((c: { id: string }) => c.id)).not.to.include(first.id);
      const all = await call(`${api.url}/v1/certificates?limit=500&status=ISSUED&type=COO`, { token: tokens.auditor });
      expect(all.body.items.map((c: { id: string }) => c.id)).to.include.members([first.id, second.id]);
      expect((await call(`${api.url}/v1/certificates`)).status).to.equal(401);
    });

    it("gives a certificate's history in chain order: the timeline to anyone, arguments to parties who may see it", async function () {
      const { id } = await issueCoo();
      expect(
        (
          await call(`${api.url}/v1/certificates/${id}/revoke`, {
            token: tokens.chamber,
            json: { reasonCode: 3, reasonText: "issued in error" },
          })
        ).status,
      ).to.equal(200);
      await gateway.context.indexer.catchUp();
      const open = await call(`${api.url}/v1/certificates/${id}/history`);
      expect(open.body.history.map((e: { event: string }) => e.event)).to.deep.equal([
        "CertificateIssued",
        "CertificateRevoked",
      ]);
      expect(open.body.history[0]).not.to.have.property("args");
      const full = await call(`${api.url}/v1/certificates/${id}/history`, { token: tokens.auditor });
      expect(full.body.history[1].args).to.have.property("reasonCode");
      const blocks = full.body.history.map((e: { block: number }) => e.block);
      expect(blocks).to.deep.equal([...blocks].sort((a, b) => a - b));
    });

    it("issues an ePhyto and a batch; the NPPO of the importing country accepts, others may not", async function () {
      const phyto = phytoFrom(world);
      const issued = await call(`${api.url}/v1/certificates`, { token: tokens.nppoKE, json: phyto });
      expect(issued.status, issued.text).to.equal(201);
      const batch = await call(`${api.url}/v1/certificates/batch`, {
        token: tokens.chamber,
        json: { documents: [cooFrom(world), cooFrom(world), cooFrom(world)] },
      });
      expect(batch.status, batch.text).to.equal(201);
      expect(batch.body.certificates).to.have.length(3);
      await gateway.context.indexer.catchUp();
      const id = issued.body.certificateId as string;
      expect(
        (await call(`${api.url}/v1/certificates/${id}/accept`, { token: tokens.customsDE, json: {} })).status,
      ).to.equal(403);
      const accepted = await call(`${api.url}/v1/certificates/${id}/accept`, { token: tokens.nppoNL, json: {} });
      expect(accepted.status, accepted.text).to.equal(200);
      await gateway.context.indexer.catchUp();
      expect(await statusOf(id)).to.equal("ACCEPTED");
    });
    it("shows a batch member from its batch, promotes one to a record of its own for drawdowns, revokes one alone", async function () {
      const batch = await call(`${api.url}/v1/certificates/batch`, {
        token: tokens.chamber,
        json: { documents: [cooFrom(world), cooFrom(world)] },
      });
      expect(batch.status, batch.text).to.equal(201);
      await gateway.context.indexer.catchUp();
      const member = (batch.body.certificates as { certificateId: string }[])[1].certificateId;
      const shown = await call(`${api.url}/v1/certificates/${member}`);
      expect(shown.status, shown.text).to.equal(200);
      expect(shown.body).to.deep.include({
        id: member,
        status: "ISSUED",
        type: "COO_PREFERENTIAL",
        exportCountry: "PK",
        importCountry: "DE",
        batchRoot: batch.body.root,
      });
      expect(shown.body.quantity).to.deep.include({ drawn: "0" });
      const history = await call(`${api.url}/v1/certificates/${member}/history`);
      expect(history.status, history.text).to.equal(200);
      expect((history.body.history as { event: string }[]).map((e) => e.event)).to.deep.equal(["BatchAnchored"]);

      const [first] = batch.body.certificates as { certificateId: string }[];
      const promoted = await call(`${api.url}/v1/certificates/${first.certificateId}/promote`, {
        token: tokens.chamber,
        json: {},
      });
      expect(promoted.status, promoted.text).to.equal(200);
      await gateway.context.indexer.catchUp();
      const again = await call(`${api.url}/v1/certificates/${first.certificateId}/promote`, {
        token: tokens.chamber,
        json: {},
      });
      expect(again.status).to.equal(409);
      const drawn = await call(`${api.url}/v1/certificates/${first.certificateId}/drawdowns?wait=true`, {
        token: tokens.customsDE,
        json: { declarationReference: "DE-BATCH-1", amount: "10" },
      });
      expect(drawn.status, drawn.text).to.equal(200);

      const revoked = await call(`${api.url}/v1/certificates/${member}/revoke`, {
        token: tokens.chamber,
        json: { reasonCode: 1 },
      });
      expect(revoked.status, revoked.text).to.equal(200);
      await gateway.context.indexer.catchUp();
      expect(await statusOf(member)).to.equal("REVOKED");
    });
  });

  describe("trade XML", function () {
    it("issues an ePhyto sent as UN/CEFACT SPS XML, verifies the XML, and gives the document back as XML", async function () {
      const xml = writeCertificateXml(parseCertificateDocument(phytoFrom(world)));
      const issued = await call(`${api.url}/v1/certificates`, {
        token: tokens.nppoKE,
        body: xml,
        type: "application/xml",
      });
      expect(issued.status, issued.text).to.equal(201);
      await gateway.context.indexer.catchUp();
      const verified = await call(`${api.url}/v1/verify`, { body: xml, type: "application/xml" });
      expect(verified.body.status).to.equal("VALID");
      const back = await call(`${api.url}/v1/certificates/${issued.body.certificateId}/document`, {
        token: tokens.nppoNL,
        headers: { accept: "application/xml" },
      });
      expect(back.type).to.contain("application/xml");
      expect(back.text).to.equal(xml);
    });

    it("refuses XML with a DOCTYPE or external entity without expanding it, and stores nothing", async function () {
      await gateway.context.indexer.catchUp();
      const before = (await gateway.context.index.snapshot()).certificates.length;
      const xxe =
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>' +
        '<rsm:SPSCertificate xmlns:rsm="urn:un:unece:uncefact:data:standard:SPSCertificate:17">&x;</rsm:SPSCertificate>';
      const refused = await call(`${api.url}/v1/certificates`, {
        token: tokens.nppoKE,
        body: xxe,
        type: "application/xml",
      });
      expect(refused.status).to.equal(400);
      expect(refused.body.detail).to.match(/DOCTYPE/i);
      expect(refused.text).not.to.contain("root:");
      const verify = await call(`${api.url}/v1/verify`, { body: xxe, type: "application/xml" });
      expect(verify.status).to.equal(400);
      await gateway.context.indexer.catchUp();
      expect((await gateway.context.index.snapshot()).certificates.length).to.equal(before);
    });
  });

  describe("who may act", function () {
    it("lets only the importing country's customs draw down or accept, and only the issuer revoke", async function () {
      const { id } = await issueCoo("DE");
      const draw = { declarationReference: "26DE000000000000001", amount: "1000" };
      for (const [who, path, body] of [
        ["customsFR", "drawdowns", draw],
        ["customsFR", "accept", {}],
        ["nppoKE", "revoke", { reasonCode: 1 }],
        ["customsDE", "revoke", { reasonCode: 1 }],
        ["auditor", "suspend", { reasonCode: 1 }],
      ] as const) {
        const reply = await call(`${api.url}/v1/certificates/${id}/${path}`, { token: tokens[who], json: body });
        expect(reply.status, `${who} ${path}: ${reply.text}`).to.equal(403);
      }
      await gateway.context.indexer.catchUp();
      const view = await call(`${api.url}/v1/certificates/${id}`);
      expect(view.body.status).to.equal("ISSUED");
      expect(view.body.quantity.drawn).to.equal("0");

      const drawn = await call(`${api.url}/v1/certificates/${id}/drawdowns`, { token: tokens.customsDE, json: draw });
      expect(drawn.status, drawn.text).to.equal(200);
      await gateway.context.indexer.catchUp();
      expect((await call(`${api.url}/v1/certificates/${id}`)).body.quantity.drawn).to.equal("1000");
    });

    it("refuses a forbidden transition with 409 naming the current status, and changes nothing", async function () {
      const { id } = await issueCoo();
      expect(
        (await call(`${api.url}/v1/certificates/${id}/revoke`, { token: tokens.chamber, json: { reasonCode: 2 } }))
          .status,
      ).to.equal(200);
      const again = await call(`${api.url}/v1/certificates/${id}/suspend`, {
        token: tokens.chamber,
        json: { reasonCode: 2 },
      });
      expect(again.status).to.equal(409);
      expect(again.body.currentStatus).to.equal("REVOKED");
      expect(again.body.detail).to.contain("final");
      await gateway.context.indexer.catchUp();
      expect(await statusOf(id)).to.equal("REVOKED");
    });

    it("answers a client holding the certificate page's ETag with 304 until the certificate changes", async function () {
      const { id } = await issueCoo();
      const first = await call(`${api.url}/v1/certificates/${id}`);
      const etag = first.headers.get("etag") ?? "";
      expect(etag).to.match(/^W\/".+"$/);
      const unchanged = await call(`${api.url}/v1/certificates/${id.toUpperCase().replace("0X", "0x")}`, {
        // as a browser revalidates (fetch itself would add "no-cache", which asks for the whole page)
        headers: { "if-none-match": etag, "cache-control": "max-age=0" },
      });
      expect(unchanged.status).to.equal(304);
      const revoked = await call(`${api.url}/v1/certificates/${id}/revoke`, {
        token: tokens.chamber,
        json: { reasonCode: 2 },
      });
      expect(revoked.status).to.equal(200);
      await gateway.context.indexer.catchUp();
      const changed = await call(`${api.url}/v1/certificates/${id}`, {
        headers: { "if-none-match": etag, "cache-control": "max-age=0" },
      });
      expect(changed.status).to.equal(200);
      expect(changed.body.status).to.equal("REVOKED");
      expect(changed.headers.get("etag")).to.not.equal(etag);
    });

    it("refuses a document naming another issuer than the caller's authority", async function () {
      const document = cooFrom(world);
      const reply = await call(`${api.url}/v1/certificates`, { token: tokens.nppoKE, json: document });
      expect(reply.status).to.equal(403);
      expect(reply.body.detail).to.contain("issue only your own authority's certificates");
    });

    it("lets an accreditor register authorities of its own country only", async function () {
      const registered = await call(`${api.url}/v1/authorities`, {
        token: tokens.accreditorPK,
        json: { name: `Lahore Chamber ${Date.now()}`, kind: "CHAMBER", certificateTypes: ["COO_NONPREFERENTIAL"] },
      });
      expect(registered.status, registered.text).to.equal(201);
      await gateway.context.indexer.catchUp();
      const listed = await call(`${api.url}/v1/authorities?country=PK`);
      expect(listed.body.items.map((a: { id: number }) => a.id)).to.include(registered.body.authorityId);
      const foreign = await call(`${api.url}/v1/authorities/${registered.body.authorityId}/suspend`, {
        token: tokens.accreditorDE,
        json: { reasonCode: 1 },
      });
      expect(foreign.status).to.equal(403);
      const issuerTries = await call(`${api.url}/v1/authorities`, {
        token: tokens.chamber,
        json: { name: "x", kind: "CHAMBER" },
      });
      expect(issuerTries.status).to.equal(403);
      const one = await call(`${api.url}/v1/authorities/${world.chamberPK.authorityId}`);
      expect(one.body.signingKeys[0].address).to.equal(world.chamberPK.key);
    });
  });

  describe("tokens", function () {
    async function rejected(token: string, why: string): Promise<void> {
      const reply = await call(`${api.url}/v1/certificates`, { token });
      expect(reply.status, why).to.equal(401);
      expect(reply.headers.get("www-authenticate"), why).to.contain("Bearer");
      expect(reply.type).to.contain("application/problem+json");
    }

    it("refuses alg none, a wrong key, expired, wrong audience or issuer, HS/RS confusion and garbage with 401", async function () {
      const claims = { role: "auditor", authority_id: world.auditor.authorityId, country: "DE" };
      const header = base64url.encode(JSON.stringify({ alg: "none", typ: "JWT" }));
      const body = base64url.encode(
        JSON.stringify({
          ...claims,
          sub: "x",
          iss: TEST_ISSUER,
          aud: TEST_AUDIENCE,
          exp: Math.floor(Date.now() / 1000) + 600,
        }),
      );
      await rejected(`${header}.${body}.`, "alg none");

      const stranger = await generateKeyPair("ES256");
      await rejected(
        await new SignJWT(claims)
          .setProtectedHeader({ alg: "ES256", kid: api.idp.jwks.keys[0].kid })
          .setSubject("x")
          .setIssuer(TEST_ISSUER)
          .setAudience(TEST_AUDIENCE)
          .setExpirationTime("10m")
          .sign(stranger.privateKey),
        "wrong key",
      );
      const auditor = { subject: "x", role: "auditor" as const };
      await rejected(await api.idp.token(auditor, { expiresAt: Math.floor(Date.now() / 1000) - 3600 }), "expired");
      await rejected(await api.idp.token(auditor, { audience: "another-api" }), "wrong audience");
      await rejected(await api.idp.token(auditor, { issuer: "https://evil.invalid" }), "wrong issuer");
      // HS256 with the public key's JSON as the HMAC secret: the classic key-confusion forgery.
      const secret = new TextEncoder().encode(JSON.stringify(api.idp.jwks.keys[0]));
      const hsHeader = base64url.encode(JSON.stringify({ alg: "HS256", typ: "JWT", kid: api.idp.jwks.keys[0].kid }));
      const hsBody = base64url.encode(
        JSON.stringify({
          ...claims,
          sub: "x",
          iss: TEST_ISSUER,
          aud: TEST_AUDIENCE,
          exp: Math.floor(Date.now() / 1000) + 600,
        }),
      );
      const mac = createHmac("sha256", secret).update(`${hsHeader}.${hsBody}`).digest("base64url");
      await rejected(`${hsHeader}.${hsBody}.${mac}`, "HS/RS confusion");
      await rejected("not-a-token", "garbage");
      const valid = await call(`${api.url}/v1/certificates`, { token: tokens.auditor });
      expect(valid.status).to.equal(200);
    });

    it("refuses a forged token even on public routes rather than treating the caller as anonymous", async function () {
      const reply = await call(`${api.url}/v1/verify`, {
        token: "forged.token.value",
        json: { id: "0x" + "00".repeat(32) },
      });
      expect(reply.status).to.equal(401);
    });
  });

  describe("bad input", function () {
    async function certificateCount(): Promise<number> {
      return (await gateway.context.index.snapshot()).certificates.length;
    }

    it("answers oversized, malformed, unknown-field and unknown-id requests with problem documents and changes nothing", async function () {
      await gateway.context.indexer.catchUp();
      const before = await certificateCount();
      const big = JSON.stringify({ ...cooFrom(world), remarks: "x".repeat(1_200_000) });
      const tooLarge = await call(`${api.url}/v1/certificates`, {
        token: tokens.chamber,
        body: big,
        type: "application/json",
      });
      expect(tooLarge.status).to.equal(413);
      expect(tooLarge.body.detail).to.contain("1048576 bytes");

      const malformed = await call(`${api.url}/v1/certificates`, {
        token: tokens.chamber,
        body: '{"kind": "COO",',
        type: "application/json",
      });
      expect(malformed.status).to.equal(400);
      expect(malformed.body.code).to.equal("MALFORMED_BODY");

      const unknownField = await call(`${api.url}/v1/certificates`, {
        token: tokens.chamber,
        json: { ...cooFrom(world), colour: "red" },
      });
      expect(unknownField.status).to.equal(400);
      expect(unknownField.body.detail).to.contain("colour");

      const unknownQuery = await call(`${api.url}/v1/certificates?colour=red`, { token: tokens.auditor });
      expect(unknownQuery.status).to.equal(400);

      const wrongType = await call(`${api.url}/v1/certificates`, {
        token: tokens.chamber,
        body: "kind=COO",
        type: "application/x-www-form-urlencoded",
      });
      expect(wrongType.status).to.equal(415);

      const missing = await call(`${api.url}/v1/certificates/0x${"12".repeat(32)}`);
      expect(missing.status).to.equal(404);
      const notAnId = await call(`${api.url}/v1/certificates/12`);
      expect(notAnId.status).to.equal(400);
      const noRoute = await call(`${api.url}/v2/anything`);
      expect(noRoute.status).to.equal(404);
      expect(noRoute.type).to.contain("application/problem+json");

      await gateway.context.indexer.catchUp();
      expect(await certificateCount()).to.equal(before);
    });

    it("answers the same Idempotency-Key with the first answer, and refuses it for another body", async function () {
      const document = cooFrom(world);
      const headers = { "idempotency-key": `issue-${document.certificateNumber}` };
      const first = await call(`${api.url}/v1/certificates`, { token: tokens.chamber, json: document, headers });
      const second = await call(`${api.url}/v1/certificates`, { token: tokens.chamber, json: document, headers });
      expect(first.status).to.equal(201);
      expect(second.status).to.equal(201);
      expect(second.headers.get("idempotent-replayed")).to.equal("true");
      expect(second.body).to.deep.equal(first.body);
      const other = await call(`${api.url}/v1/certificates`, { token: tokens.chamber, json: cooFrom(world), headers });
      expect(other.status).to.equal(422);
      expect(other.body.code).to.equal("IDEMPOTENCY_KEY_REUSED");
    });

    it("limits the request rate per client with 429 and a Retry-After", async function () {
      const limited = await startTestApi(gateway, { config: { rateLimit: { windowMs: 60_000, limit: 3 } } });
      try {
        const replies = [];
        for (let i = 0; i < 5; i++) replies.push(await call(`${limited.url}/healthz`));
        expect(replies.map((r) => r.status)).to.deep.equal([200, 200, 200, 429, 429]);
        expect(replies[3].type).to.contain("application/problem+json");
        expect(Number(replies[3].headers.get("retry-after"))).to.be.greaterThan(0);
      } finally {
        await limited.close();
      }
    });
  });
});
