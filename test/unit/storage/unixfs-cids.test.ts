import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { MemoryBlockstore } from "blockstore-core";
import { expect } from "chai";
import { importBytes, type ImporterOptions } from "ipfs-unixfs-importer";
import { fixedSize } from "ipfs-unixfs-importer/chunker";
import { balanced } from "ipfs-unixfs-importer/layout";
import type { DocumentStore } from "../../../src/application/ports/document-store.js";
import { createHeliaDocumentStore } from "../../../src/adapters/storage/helia-document-store.js";
import { deterministicBytes } from "./deterministic-bytes.js";

const KIB_256 = 262_144;
const MIB = 1_048_576;

/** Kubo's `ipfs add --cid-version=1` with its defaults: raw leaves, size-262144 chunks, 174 links per node. */
const KUBO_CID_V1: ImporterOptions = {
  cidVersion: 1,
  rawLeaves: true,
  chunker: fixedSize({ chunkSize: KIB_256 }),
  layout: balanced({ maxChildrenPerNode: 174 }),
};

/**
 * Kubo's two named import profiles, as test/cli/cid_profiles_test.go in ipfs/kubo defines them.
 * Neither is ours, but between them they pin down what ours combines: raw leaves under a dag-pb
 * root (unixfs-v1-2025), 256 KiB chunks and a rebalance after 174 links (unixfs-v0-2015).
 */
const KUBO_V1_2025: ImporterOptions = {
  cidVersion: 1,
  rawLeaves: true,
  chunker: fixedSize({ chunkSize: MIB }),
  layout: balanced({ maxChildrenPerNode: 1_024 }),
};
const KUBO_V0_2015: ImporterOptions = {
  cidVersion: 0,
  rawLeaves: false,
  chunker: fixedSize({ chunkSize: KIB_256 }),
  layout: balanced({ maxChildrenPerNode: 174 }),
};

async function referenceCid(bytes: Uint8Array, options: ImporterOptions = KUBO_CID_V1): Promise<string> {
  const { cid } = await importBytes(bytes, new MemoryBlockstore(), options);
  return cid.toString();
}

describe("UnixFS CIDs of the document stores", function () {
  // Some documents here are 45 MB: well within this, but above Mocha's default of 2 s on a busy machine.
  this.timeout(30_000);

  describe("the reference computation (ipfs-unixfs-importer on a memory blockstore)", function () {
    // Expected CIDs and file contents from ipfs/kubo test/cli/cid_profiles_test.go (TestCIDProfiles):
    // `ipfs add` of deterministicBytes(size, seed) on a node initialised with the profile.
    const published: [string, ImporterOptions, number, string, string][] = [
      [
        "unixfs-v1-2025",
        KUBO_V1_2025,
        MIB,
        "chunk-v1-seed",
        "bafkreiacndfy443ter6qr2tmbbdhadvxxheowwf75s6zehscklu6ezxmta",
      ],
      [
        "unixfs-v1-2025",
        KUBO_V1_2025,
        MIB + 1,
        "chunk-v1-seed",
        "bafybeigmix7t42i6jacydtquhet7srwvgpizfg7gjbq7627d35mjomtu64",
      ],
      ["unixfs-v0-2015", KUBO_V0_2015, KIB_256, "chunk-v0-seed", "QmWmRj3dFDZdb6ABvbmKhEL6TmPbAfBZ1t5BxsEyJrcZhE"],
      ["unixfs-v0-2015", KUBO_V0_2015, KIB_256 + 1, "chunk-v0-seed", "QmYyLxtzZyW22zpoVAtKANLRHpDjZtNeDjQdJrcQNWoRkJ"],
      ["unixfs-v0-2015", KUBO_V0_2015, 174 * KIB_256, "v0-seed", "QmUbBALi174SnogsUzLpYbD4xPiBSFANF4iztWCsHbMKh2"],
      ["unixfs-v0-2015", KUBO_V0_2015, 174 * KIB_256 + 1, "v0-seed", "QmV81WL765sC8DXsRhE5fJv2rwhS4icHRaf3J9Zk5FdRnW"],
    ];
    for (const [profile, options, size, seed, expected] of published) {
      it(`gives Kubo's published CID for ${size.toLocaleString("en")} bytes under ${profile}`, async function () {
        expect(await referenceCid(deterministicBytes(size, seed), options)).to.equal(expected);
      });
    }
  });

  describe("the embedded (Helia) store", function () {
    let root: string;
    let store: DocumentStore;

    before(async function () {
      root = await mkdtemp(path.join(tmpdir(), "tradeseal-cids-"));
      store = await createHeliaDocumentStore({ directory: root });
    });

    after(async function () {
      await store?.close();
      await rm(root, { recursive: true, force: true });
    });

    it('gives Kubo\'s published CIDv1 for "hello world"', async function () {
      // ipfs/kubo test/cli/add_test.go, shortStringCidV1: `ipfs add` with Import.CidVersion=1 and
      // the default chunker and links, i.e. exactly the settings of the document stores.
      const cid = await store.put(new TextEncoder().encode("hello world"));
      expect(cid).to.equal("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e");
    });

    // 174 chunks + 1 byte is the first size whose DAG depends on the links per node.
    const sizes = [0, 1, KIB_256, KIB_256 + 1, 3 * MIB, 174 * KIB_256 + 1];
    for (const size of sizes) {
      it(`gives the reference CID for ${size.toLocaleString("en")} byte${size === 1 ? "" : "s"}`, async function () {
        const bytes = deterministicBytes(size, `size ${size}`);
        expect(await store.put(bytes)).to.equal(await referenceCid(bytes));
      });
    }
  });
});
