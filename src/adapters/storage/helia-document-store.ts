import path from "node:path";
import { unixfs } from "@helia/unixfs";
import { FsBlockstore } from "blockstore-fs";
import { FsDatastore } from "datastore-fs";
import { createHeliaLight, type Helia } from "helia";
import type { CID } from "multiformats/cid";
import type { DocumentStore } from "../../application/ports/document-store.js";
import { UnavailableError } from "../../domain/errors.js";
import { concatChunks } from "./concat-chunks.js";
import { parseDocumentCid } from "./parse-document-cid.js";
import { HELIA_IMPORT_SETTINGS } from "./unixfs-settings.js";

export interface HeliaDocumentStoreOptions {
  /** Where the blocks and the pins live (`blocks/` and `datastore/` inside it); created when missing. */
  directory: string;
}

/**
 * The embedded document store: an IPFS node in this process with no networking, so it serves only
 * what was stored in it. One process at a time may open a directory.
 */
export async function createHeliaDocumentStore({ directory }: HeliaDocumentStoreOptions): Promise<DocumentStore> {
  const blockstore = new FsBlockstore(path.join(directory, "blocks"));
  const datastore = new FsDatastore(path.join(directory, "datastore"));
  try {
    await blockstore.open();
    await datastore.open();
  } catch (error) {
    throw new UnavailableError(
      `Cannot open the document store in ${directory}: ${(error as Error).message}. ` +
        "Check that the directory exists or can be created, and that this process may write to it.",
      { directory },
      { cause: error },
    );
  }
  const helia = await createHeliaLight({ blockstore, datastore }).start();
  const fs = unixfs(helia);

  return {
    async put(bytes) {
      const cid = await fs.addBytes(bytes, HELIA_IMPORT_SETTINGS);
      await pinOnce(helia, cid);
      return cid.toString();
    },

    async get(text) {
      const cid = parseDocumentCid(text);
      // Without the root block the store does not hold the document; asking first also answers
      // for CIDs that UnixFS cannot read (another codec) instead of failing on them.
      if (!(await helia.blockstore.has(cid))) return undefined;
      // offline: a missing inner block fails at once; there is no network to wait for.
      return concatChunks(fs.cat(cid, { offline: true }));
    },

    async close() {
      await helia.stop();
      await blockstore.close();
      await datastore.close();
    },
  };
}

/** Pins the whole DAG so a garbage collection keeps it; storing the same bytes again is not an error. */
async function pinOnce(helia: Helia, cid: CID): Promise<void> {
  try {
    for await (const _block of helia.pins.add(cid)) {
      // pinning walks the DAG block by block; nothing to do per block
    }
  } catch (error) {
    if ((error as Error).name !== "AlreadyPinnedError") throw error;
  }
}
