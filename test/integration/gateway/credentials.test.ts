import { expect } from "chai";
import { Wallet } from "ethers";
import { compactVerify, createLocalJWKSet, decodeProtectedHeader } from "jose";
import { exportCredential, type ExportedCredential } from "../../../src/application/export-credential.js";
import { verifyCredential } from "../../../src/application/import-credential.js";
import { issueCertificate } from "../../../src/application/issue-certificate.js";
import { openStoredDocument } from "../../../src/application/open-stored-document.js";
import { reinstateCertificate } from "../../../src/application/reinstate-certificate.js";
import { revokeCertificate } from "../../../src/application/revoke-certificate.js";
import { idOfDocument } from "../../../src/application/seal-document.js";
import { statusListCredential } from "../../../src/application/status-list-credential.js";
import { suspendCertificate } from "../../../src/application/suspend-certificate.js";
import { authorityKeyId } from "../../../src/domain/credentials/authority-key-id.js";
import { StatusBitstring } from "../../../src/domain/credentials/bitstring-status-list.js";
import { certificateCredential } from "../../../src/domain/credentials/certificate-credential.js";
import type { BitstringStatusListEntry } from "../../../src/domain/credentials/status-list-entry.js";
import { signVcJwt } from "../../../src/domain/credentials/vc-jwt.js";
import { parseCertificateDocument } from "../../../src/domain/documents/certificate-document.js";
import { documentDigest, newSalt } from "../../../src/domain/documents/document-digest.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../../src/domain/errors.js";
import { openDatabase, type OpenDatabase } from "../../../src/adapters/db/open-database.js";
import { createSqlStatusListStore } from "../../../src/adapters/db/sql-status-list-store.js";
import type { StatusListStore } from "../../../src/application/ports/status-list-store.js";
import {
  cooFrom,
  freshDatabaseUrl,
  openTestGateway,
  phytoFrom,
  seedAuthorities,
  startTestChain,
  usingPostgres,
  type Party,
  type TestChain,
  type TestGateway,
  type World,
} from "../../fixtures/gateway.js";

const BASE_URL = "https://registry.example.test";

const payloadOf = (jwt: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString("utf8")) as Record<string, unknown>;

describe(`Certificates as W3C Verifiable Credentials with a chain-backed status list (${usingPostgres() ? "PostgreSQL" : "PGlite"})`, function () {
  let chain: TestChain;
  let gateway: TestGateway;
  let world: World;

  before(async function () {
    chain = await startTestChain();
    gateway = await openTestGateway(chain);
    world = await seedAuthorities(gateway);
  });

  after(async function () {
    await gateway?.dispose();
    await chain?.node.stop();
  });

  /** Issues the document, waits for the index, and exports it from its stored (encrypted) copy. */
  async function issueAndExport(document: unknown, issuer: Party): Promise<ExportedCredential & { digest: string }> {
    const ctx = gateway.context;
    const issued = await issueCertificate(ctx, { document, signer: issuer.key });
    expect(issued.status).to.equal("CONFIRMED");
    await ctx.indexer.catchUp();
    const opened = await openStoredDocument(ctx, issued.cid, issued.certificateId, issuer.recipient);
    const exported = await exportCredential(ctx, {
      certificateId: issued.certificateId,
      document: opened!.document,
      salt: opened!.salt,
      baseUrl: BASE_URL,
    });
    return { ...exported, digest: issued.digest };
  }

  /** The bit of `entry` in the gateway's status list credential, after checking its signature against the JWKS. */
  async function statusBit(entry: BitstringStatusListEntry): Promise<boolean> {
    const ctx = gateway.context;
    const listId = /\/v1\/status-lists\/([^/]+)\//.exec(entry.statusListCredential)![1];
    const { jwt } = await statusListCredential(ctx, { listId, purpose: entry.statusPurpose, baseUrl: BASE_URL });
    const jwks = createLocalJWKSet(await ctx.gatewayKey.jwks());
    const { payload, protectedHeader } = await compactVerify(jwt, jwks);
    expect(protectedHeader).to.include({ alg: "ES256", typ: "vc+jwt", cty: "vc" });
    const credential = JSON.parse(new TextDecoder().decode(payload)) as {
      id: string;
      type: string[];
      credentialSubject: { type: string; statusPurpose: string; encodedList: string };
    };
    expect(credential.id).to.equal(entry.statusListCredential);
    expect(credential.type).to.deep.equal(["VerifiableCredential", "BitstringStatusListCredential"]);
    expect(credential.credentialSubject.type).to.equal("BitstringStatusList");
    expect(credential.credentialSubject.statusPurpose).to.equal(entry.statusPurpose);
    return StatusBitstring.decode(credential.credentialSubject.encodedList).isSet(Number(entry.statusListIndex));
  }

  const entryFor = (exported: ExportedCredential, purpose: string): BitstringStatusListEntry =>
    exported.credential.credentialStatus.find((e) => e.statusPurpose === purpose)!;

  for (const kind of ["COO", "PHYTO"] as const) {
    it(`exports ${kind === "COO" ? "a certificate of origin" : "an ePhyto"} as a vc+jwt that verifies back VALID with the anchored digest`, async function () {
      const issuer = kind === "COO" ? world.chamberPK : world.nppoKE;
      const document = kind === "COO" ? cooFrom(world) : phytoFrom(world);
      const exported = await issueAndExport(document, issuer);

      const header = decodeProtectedHeader(exported.jwt);
      expect(header).to.deep.equal({
        alg: "ES256K",
        kid: authorityKeyId(chain.deployment.chainId, issuer.key),
        typ: "vc+jwt",
        cty: "vc",
      });
      const payload = payloadOf(exported.jwt);
      expect(payload).to.deep.equal(JSON.parse(JSON.stringify(exported.credential)));
      expect((payload["@context"] as string[])[0]).to.equal("https://www.w3.org/ns/credentials/v2");
      expect(payload.type).to.deep.equal([
        "VerifiableCredential",
        kind === "COO" ? "CertificateOfOriginCredential" : "PhytosanitaryCertificateCredential",
      ]);
      expect(payload.id).to.equal(`urn:tradeseal:certificate:${idOfDocument(parseCertificateDocument(document))}`);
      expect(payload.issuer).to.equal(`${BASE_URL}/v1/authorities/${issuer.authorityId}`);
      expect(payload.validFrom).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(payload.iat).to.be.a("number");
      expect(exported.credential.credentialStatus.map((e) => e.statusPurpose)).to.deep.equal([
        "revocation",
        "suspension",
      ]);
      for (const entry of exported.credential.credentialStatus) {
        expect(entry.type).to.equal("BitstringStatusListEntry");
        expect(entry.statusListIndex).to.match(/^\d+$/);
        expect(entry.statusListCredential).to.match(
          new RegExp(`^${BASE_URL}/v1/status-lists/\\d+/${entry.statusPurpose}$`),
        );
      }

      const verified = await verifyCredential(gateway.context, { jwt: exported.jwt });
      expect(verified.result.status).to.equal("VALID");
      expect(verified.signer).to.equal(issuer.key);
      expect(verified.document).to.deep.equal(parseCertificateDocument(document));
      expect(documentDigest(verified.document, verified.salt)).to.equal(exported.digest);
      const indexed = await gateway.context.index.certificate(verified.certificateId);
      expect(indexed?.digest).to.equal(exported.digest);
    });
  }

  it("keeps a certificate's status list positions when it is exported again", async function () {
    const document = cooFrom(world);
    const first = await issueAndExport(document, world.chamberPK);
    const record = await gateway.context.documents.get(idOfDocument(parseCertificateDocument(document)));
    const again = await exportCredential(gateway.context, {
      certificateId: record!.certificateId,
      document,
      salt: record!.salt,
      baseUrl: BASE_URL,
    });
    expect(again.credential.credentialStatus).to.deep.equal(first.credential.credentialStatus);
  });

  it("refuses to export a document with another salt than the anchored one", async function () {
    const document = cooFrom(world);
    const { credential } = await issueAndExport(document, world.chamberPK);
    const id = credential.id.replace("urn:tradeseal:certificate:", "");
    const otherSalt = newSalt((n) => new Uint8Array(n).fill(7));
    await expectRejection(
      exportCredential(gateway.context, { certificateId: id, document, salt: otherSalt, baseUrl: BASE_URL }),
      ValidationError,
      /do not give the digest anchored/,
    );
  });

  it("rejects a credential whose payload was altered after signing", async function () {
    const exported = await issueAndExport(phytoFrom(world), world.nppoKE);
    const [header, , signature] = exported.jwt.split(".");
    const payload = payloadOf(exported.jwt) as { credentialSubject: { consignee: { name: string } } };
    payload.credentialSubject.consignee.name = "Someone Else B.V.";
    const tampered = `${header}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${signature}`;
    await expectRejection(
      verifyCredential(gateway.context, { jwt: tampered }),
      ValidationError,
      /signature does not verify/,
    );
  });

  it("rejects a credential signed by a key that is not the issuing authority's, and stores nothing", async function () {
    const ctx = gateway.context;
    const document = parseCertificateDocument(cooFrom(world));
    const id = idOfDocument(document);
    // Chain time: the other authority's key is valid then, so only its authority is wrong.
    const now = (await ctx.chain.block("latest")).timestamp;
    const credential = certificateCredential({
      document,
      salt: newSalt((n) => new Uint8Array(n).fill(1)),
      issuedAt: now - 60,
      validUntil: 0,
      signedAt: now,
      status: [],
      baseUrl: BASE_URL,
    });
    const fresh = Wallet.createRandom();
    const byFreshKey = await signVcJwt(credential, {
      kid: authorityKeyId(chain.deployment.chainId, fresh.address),
      signDigest: (digest) => Promise.resolve(fresh.signingKey.sign(digest).serialized.slice(0, 130)),
    });
    await expectRejection(verifyCredential(ctx, { jwt: byFreshKey }), ForbiddenError, /not a valid signing key/);

    const otherAuthority = await gateway.keystore.signer(world.nppoKE.key);
    const byOtherAuthority = await signVcJwt(credential, {
      kid: authorityKeyId(chain.deployment.chainId, otherAuthority.address),
      signDigest: (digest) => otherAuthority.signDigest(digest),
    });
    await expectRejection(
      verifyCredential(ctx, { jwt: byOtherAuthority }),
      ForbiddenError,
      new RegExp(`not a valid signing key of authority ${world.chamberPK.authorityId}`),
    );

    const claimingTheAuthorityKey = await signVcJwt(credential, {
      kid: authorityKeyId(chain.deployment.chainId, world.chamberPK.key),
      signDigest: (digest) => Promise.resolve(fresh.signingKey.sign(digest).serialized.slice(0, 130)),
    });
    await expectRejection(
      verifyCredential(ctx, { jwt: claimingTheAuthorityKey }),
      ValidationError,
      /signature does not verify/,
    );

    await ctx.indexer.catchUp();
    expect(await ctx.documents.get(id)).to.be.undefined;
    expect(await ctx.index.certificate(id)).to.be.undefined;
  });

  it("rejects a credential with another alg or typ, or that is not a compact JWS", async function () {
    const exported = await issueAndExport(cooFrom(world), world.chamberPK);
    const [, payload, signature] = exported.jwt.split(".");
    const header = (fields: Record<string, string>) => Buffer.from(JSON.stringify(fields)).toString("base64url");
    const kid = authorityKeyId(chain.deployment.chainId, world.chamberPK.key);
    const ctx = gateway.context;
    await expectRejection(
      verifyCredential(ctx, { jwt: `${header({ alg: "none", kid, typ: "vc+jwt" })}.${payload}.` }),
      ValidationError,
      /ES256K/,
    );
    await expectRejection(
      verifyCredential(ctx, { jwt: `${header({ alg: "ES256K", kid, typ: "JWT" })}.${payload}.${signature}` }),
      ValidationError,
      /typ/,
    );
    await expectRejection(verifyCredential(ctx, { jwt: exported.jwt.slice(0, 40) }), ValidationError, /compact JWS/);
    await expectRejection(verifyCredential(ctx, { jwt: "a".repeat(2_000_000) }), ValidationError, /at most/);
  });

  it("sets the revocation bit once the revocation is indexed", async function () {
    const ctx = gateway.context;
    const exported = await issueAndExport(phytoFrom(world), world.nppoKE);
    const revocation = entryFor(exported, "revocation");
    const suspension = entryFor(exported, "suspension");
    expect(await statusBit(revocation)).to.be.false;

    const id = (await verifyCredential(ctx, { jwt: exported.jwt })).certificateId;
    await revokeCertificate(ctx, { signer: world.nppoKE.key, id, reasonCode: 3, reasonText: "pest found" });
    await ctx.indexer.catchUp();
    expect(await statusBit(revocation)).to.be.true;
    expect(await statusBit(suspension)).to.be.false;

    const revoked = await verifyCredential(ctx, { jwt: exported.jwt });
    expect(revoked.result.status).to.equal("INVALID");
  });

  it("sets the suspension bit while a certificate is suspended, and clears it on reinstatement", async function () {
    const ctx = gateway.context;
    const exported = await issueAndExport(cooFrom(world), world.chamberPK);
    const suspension = entryFor(exported, "suspension");
    const revocation = entryFor(exported, "revocation");
    const id = exported.credential.id.replace("urn:tradeseal:certificate:", "");

    await suspendCertificate(ctx, { signer: world.chamberPK.key, id, reasonCode: 1 });
    await ctx.indexer.catchUp();
    expect(await statusBit(suspension)).to.be.true;
    expect(await statusBit(revocation)).to.be.false;

    await reinstateCertificate(ctx, { signer: world.chamberPK.key, id });
    await ctx.indexer.catchUp();
    expect(await statusBit(suspension)).to.be.false;
  });

  it("answers NOT_FOUND for a list it never handed out and VALIDATION_FAILED for an unknown purpose", async function () {
    const ctx = gateway.context;
    await expectRejection(
      statusListCredential(ctx, { listId: "999", purpose: "revocation", baseUrl: BASE_URL }),
      NotFoundError,
      /no revocation status list "999"/,
    );
    await expectRejection(
      statusListCredential(ctx, { listId: "1", purpose: "expiry", baseUrl: BASE_URL }),
      ValidationError,
      /not a status purpose/,
    );
  });
});

describe(`Status list positions in SQL (${usingPostgres() ? "PostgreSQL" : "PGlite"})`, function () {
  let database: OpenDatabase;
  let store: StatusListStore;

  beforeEach(async function () {
    const url = await freshDatabaseUrl();
    database = await openDatabase(url ? { url } : {});
    store = createSqlStatusListStore(database.db);
  });

  afterEach(async function () {
    await database?.close();
  });

  const draws =
    (...positions: number[]) =>
    () =>
      positions.shift()!;

  it("draws again when the position is taken in that list", async function () {
    const first = await store.assign({
      certificateId: "a",
      purpose: "revocation",
      capacity: 10,
      drawPosition: draws(5),
    });
    const second = await store.assign({
      certificateId: "b",
      purpose: "revocation",
      capacity: 10,
      drawPosition: draws(5, 5, 9),
    });
    expect(first).to.deep.equal({ certificateId: "a", purpose: "revocation", listId: "1", position: 5 });
    expect(second).to.deep.equal({ certificateId: "b", purpose: "revocation", listId: "1", position: 9 });
  });

  it("keeps one entry per certificate and purpose, also when asked twice at once", async function () {
    const request = (position: number) => ({
      certificateId: "c",
      purpose: "suspension" as const,
      capacity: 10,
      drawPosition: draws(position),
    });
    const [one, two] = await Promise.all([store.assign(request(1)), store.assign(request(2))]);
    expect(one).to.deep.equal(two);
    expect(await store.assign(request(3))).to.deep.equal(one);
    expect(await store.entries("1", "suspension")).to.have.length(1);
  });

  it("opens a new list when the newest holds its capacity, per purpose", async function () {
    for (const [id, position] of [
      ["a", 1],
      ["b", 2],
      ["c", 3],
    ] as const) {
      await store.assign({ certificateId: id, purpose: "revocation", capacity: 2, drawPosition: draws(position) });
    }
    await store.assign({ certificateId: "a", purpose: "suspension", capacity: 2, drawPosition: draws(1) });
    expect((await store.entries("1", "revocation")).map((e) => e.certificateId).sort()).to.deep.equal(["a", "b"]);
    expect((await store.entries("2", "revocation")).map((e) => e.certificateId)).to.deep.equal(["c"]);
    expect((await store.entries("1", "suspension")).map((e) => e.certificateId)).to.deep.equal(["a"]);
    expect(await store.entries("3", "revocation")).to.deep.equal([]);
  });

  it("gives up with a CONFLICT when every draw is taken", async function () {
    await store.assign({ certificateId: "a", purpose: "revocation", capacity: 10, drawPosition: draws(0) });
    await expectRejection(
      store.assign({ certificateId: "b", purpose: "revocation", capacity: 10, drawPosition: () => 0 }),
      ConflictError,
      /No free revocation status list position/,
    );
  });
});

async function expectRejection(promise: Promise<unknown>, type: new (...args: never[]) => Error, message: RegExp) {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, "expected a rejection").to.be.instanceOf(type);
  expect((caught as Error).message).to.match(message);
}
