import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { FsBlockstore } from "blockstore-fs";
import { FsDatastore } from "datastore-fs";
import { expect } from "chai";
import { createHeliaLight } from "helia";
import { CID } from "multiformats/cid";
import * as raw from "multiformats/codecs/raw";
import { sha256 } from "multiformats/hashes/sha2";
import { createHeliaDocumentStore } from "../../../src/adapters/storage/helia-document-store.js";
import { UnavailableError } from "../../../src/domain/errors.js";
import { deterministicBytes } from "./deterministic-bytes.js";
import { shouldBehaveLikeDocumentStore } from "./document-store-behaviour.js";

/** Runs a garbage collection on the store's directory the way the gateway's Helia would. */
async function collectGarbage(directory: string, unpinned: Uint8Array): Promise<CID> {
  const blockstore = new FsBlockstore(path.join(directory, "blocks"));
  const datastore = new FsDatastore(path.join(directory, "datastore"));
  await blockstore.open();
  await datastore.open();
  const helia = await createHeliaLight({ blockstore, datastore }).start();
  try {
    const cid = CID.create(1, raw.code, await sha256.digest(unpinned));
    await helia.blockstore.put(cid, unpinned);
    await helia.gc();
    return cid;
  } finally {
    await helia.stop();
    await blockstore.close();
    await datastore.close();
  }
}

describe("Helia document store (embedded)", function () {
  let root: string;
  let runs = 0;
  const freshDirectory = (): string => path.join(root, `ipfs-${++runs}`);

  before(async function () {
    root = await mkdtemp(path.join(tmpdir(), "tradeseal-helia-"));
  });

  after(async function () {
    await rm(root, { recursive: true, force: true });
  });

  shouldBehaveLikeDocumentStore(() => createHeliaDocumentStore({ directory: freshDirectory() }));

  it("returns the documents after the store is closed and opened again on the same directory", async function () {
    const directory = freshDirectory();
    const small = new TextEncoder().encode("survives a restart");
    const large = deterministicBytes(1_048_577, "survives a restart");
    const first = await createHeliaDocumentStore({ directory });
    const cids = [await first.put(small), await first.put(large)];
    await first.close();

    const reopened = await createHeliaDocumentStore({ directory });
    try {
      expect(await reopened.get(cids[0])).to.deep.equal(small);
      expect(Buffer.from((await reopened.get(cids[1]))!).equals(Buffer.from(large))).to.be.true;
    } finally {
      await reopened.close();
    }
  });

  it("pins what it stores, so a garbage collection keeps it and drops an unpinned block", async function () {
    const directory = freshDirectory();
    const document = deterministicBytes(600_000, "pinned");
    const store = await createHeliaDocumentStore({ directory });
    const cid = await store.put(document);
    await store.close();

    const unpinned = await collectGarbage(directory, new TextEncoder().encode("not pinned"));

    const reopened = await createHeliaDocumentStore({ directory });
    try {
      expect(await reopened.get(unpinned.toString()), "the collection ran").to.be.undefined;
      expect(await reopened.get(cid)).to.deep.equal(document);
    } finally {
      await reopened.close();
    }
  });

  it("refuses a directory it cannot create with an UnavailableError that names it", async function () {
    const file = path.join(root, "a-file");
    await writeFile(file, "not a directory");
    const error: unknown = await createHeliaDocumentStore({ directory: file }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(UnavailableError);
    expect((error as Error).message)
      .to.include(file)
      .and.to.include("Check that the directory");
  });
});
