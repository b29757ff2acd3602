import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { openDatabase, type OpenDatabase } from "../../../src/adapters/db/open-database.js";
import { createSqlOutboxStore } from "../../../src/adapters/db/sql-outbox-store.js";
import { createSqlDocumentRecords } from "../../../src/adapters/db/sql-document-records.js";
import { createSqlKeyDirectory } from "../../../src/adapters/db/sql-key-directory.js";
import type { ChainAction } from "../../../src/application/chain-actions.js";
import type { DocumentRecord } from "../../../src/application/ports/document-records.js";
import { ConflictError } from "../../../src/domain/errors.js";
import { freshDatabaseUrl, usingPostgres } from "../../fixtures/gateway.js";

const revoke = (id: string): ChainAction => ({
  action: "RevokeCertificate",
  id,
  reasonCode: 1,
  reasonHash: "0x" + "00".repeat(32),
});

const record = (n: number): DocumentRecord => ({
  certificateId: "0x" + n.toString(16).padStart(64, "0"),
  issuer: 1,
  certificateNumber: `N-${n}`,
  kind: "COO",
  salt: "00".repeat(16),
  digest: "0x" + "11".repeat(32),
  cid: "bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy",
  terms: {
    numberHash: "0x" + "22".repeat(32),
    digest: "0x" + "11".repeat(32),
    certificateType: 0,
    exportCountry: "0x504b",
    importCountry: "0x4445",
    validUntil: "0",
    quantity: "1000",
    unit: "0x4b474d",
  },
});

describe(`Database stores on ${usingPostgres() ? "a PostgreSQL server" : "embedded PGlite"}`, function () {
  let dir: string;
  let database: OpenDatabase;
  let url: string | undefined;

  before(async function () {
    dir = await mkdtemp(path.join(os.tmpdir(), "tradeseal-db-"));
    url = await freshDatabaseUrl();
    database = await openDatabase(url ? { url } : { directory: dir });
  });

  after(async function () {
    await database?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("migrates once: opening the same database again keeps its rows", async function () {
    await createSqlOutboxStore(database.db, database.dialect).enqueue({
      idempotencyKey: "keep-me",
      action: revoke("0x01"),
      signer: "0xA",
    });
    await database.close();
    database = await openDatabase(url ? { url } : { directory: dir });
    expect(await createSqlOutboxStore(database.db, database.dialect).byKey("keep-me")).to.include({
      status: "PENDING",
      signer: "0xA",
    });
  });

  it("records an outbox entry and its documents once per idempotency key", async function () {
    const outbox = createSqlOutboxStore(database.db, database.dialect);
    const first = await outbox.enqueue({ idempotencyKey: "k1", action: revoke("0x02"), signer: "0xA" }, [record(1)]);
    const again = await outbox.enqueue({ idempotencyKey: "k1", action: revoke("0x02"), signer: "0xA" }, [record(1)]);
    expect(first.created).to.equal(true);
    expect(again.created).to.equal(false);
    expect(again.entry.id).to.equal(first.entry.id);
    expect(await createSqlDocumentRecords(database.db).get(record(1).certificateId)).to.deep.include({
      certificateNumber: "N-1",
      terms: record(1).terms,
    });
  });

  it("refuses other content under a used key, and changes nothing", async function () {
    const outbox = createSqlOutboxStore(database.db, database.dialect);
    await outbox.enqueue({ idempotencyKey: "k2", action: revoke("0x03"), signer: "0xA" });
    let refused: unknown;
    try {
      await outbox.enqueue({ idempotencyKey: "k2", action: revoke("0x04"), signer: "0xA" }, [record(2)]);
    } catch (error) {
      refused = error;
    }
    expect(refused).to.be.instanceOf(ConflictError);
    expect((await outbox.byKey("k2"))?.action).to.deep.equal(revoke("0x03"));
    expect(await createSqlDocumentRecords(database.db).get(record(2).certificateId)).to.equal(undefined);
  });

  it("lets a FAILED entry be sent again with corrected content", async function () {
    const outbox = createSqlOutboxStore(database.db, database.dialect);
    const { entry } = await outbox.enqueue({ idempotencyKey: "k3", action: revoke("0x05"), signer: "0xA" });
    await outbox.update(entry.id, { status: "FAILED", lastError: "refused", result: { error: "X" } });
    const retried = await outbox.enqueue({ idempotencyKey: "k3", action: revoke("0x06"), signer: "0xB" });
    expect(retried.created).to.equal(true);
    expect(retried.entry).to.include({ status: "PENDING", signer: "0xB", attempts: 0 });
    expect(retried.entry.lastError).to.equal(undefined);
  });

  it("lists open entries oldest first and counts them by status", async function () {
    const outbox = createSqlOutboxStore(database.db, database.dialect);
    const before = await outbox.counts();
    const a = await outbox.enqueue({ idempotencyKey: "k4", action: revoke("0x07"), signer: "0xC" });
    await outbox.enqueue({ idempotencyKey: "k5", action: revoke("0x08"), signer: "0xC" });
    await outbox.update(a.entry.id, { status: "CONFIRMED", blockNumber: 7, result: { ok: true } });
    const open = (await outbox.open(100)).filter((e) => e.signer === "0xC");
    expect(open.map((e) => e.idempotencyKey)).to.deep.equal(["k5"]);
    expect((await outbox.byKey("k4"))?.blockNumber).to.equal(7);
    const after = await outbox.counts();
    expect(after.CONFIRMED).to.equal(before.CONFIRMED + 1);
    expect(after.PENDING).to.equal(before.PENDING + 1);
  });

  it("finds the issuer's, the importing side's and every auditor's keys, and nobody else's", async function () {
    const directory = createSqlKeyDirectory(database.db);
    const jwk = { kty: "OKP", crv: "X25519", x: "x" };
    await directory.add({ kid: "issuer-1", role: "ISSUER", authorityId: 1, publicJwk: jwk });
    await directory.add({ kid: "issuer-2", role: "ISSUER", authorityId: 2, publicJwk: jwk });
    await directory.add({ kid: "customs-de", role: "CUSTOMS", country: "DE", publicJwk: jwk });
    await directory.add({ kid: "customs-fr", role: "CUSTOMS", country: "FR", publicJwk: jwk });
    await directory.add({ kid: "nppo-de", role: "NPPO", country: "DE", publicJwk: jwk });
    await directory.add({ kid: "auditor", role: "AUDITOR", publicJwk: jwk });
    const coo = await directory.recipientsFor({ issuer: 1, importCountry: "DE", kind: "COO" });
    expect(coo.map((r) => r.kid)).to.deep.equal(["auditor", "customs-de", "issuer-1"]);
    const phyto = await directory.recipientsFor({ issuer: 2, importCountry: "DE", kind: "PHYTO" });
    expect(phyto.map((r) => r.kid)).to.deep.equal(["auditor", "issuer-2", "nppo-de"]);
  });
});
