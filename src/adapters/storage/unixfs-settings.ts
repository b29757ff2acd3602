import type { AddOptions } from "@helia/unixfs";
import { fixedSize } from "ipfs-unixfs-importer/chunker";
import { balanced } from "ipfs-unixfs-importer/layout";
import type { AddOptions as KuboAddOptions } from "kubo-rpc-client";

/** Kubo's default chunk size (`chunker=size-262144`). */
const CHUNK_SIZE = 262_144;
/** Kubo's default links per node of a balanced file DAG (`Import.UnixFSFileMaxLinks`). */
const LINKS_PER_NODE = 174;

/**
 * How the embedded store turns bytes into a UnixFS DAG. Spelled out in full because Helia's own
 * defaults (1 MiB chunks, 1,024 links) give other CIDs than Kubo for any document over 256 KiB,
 * and a document must have one CID whichever store holds it.
 */
export const HELIA_IMPORT_SETTINGS = {
  cidVersion: 1,
  rawLeaves: true,
  // A document of one chunk is that raw block itself, as in Kubo.
  reduceSingleLeafToSelf: true,
  chunker: fixedSize({ chunkSize: CHUNK_SIZE }),
  layout: balanced({ maxChildrenPerNode: LINKS_PER_NODE }),
} as const satisfies AddOptions;

/**
 * The same settings as Kubo's `add` takes them. Each one is sent, defaults included, because a
 * node's `Import.*` configuration (a profile such as unixfs-v1-2025) would otherwise change them.
 * `maxFileLinks` (Kubo 0.35+) is not in kubo-rpc-client's types; older nodes ignore it and use 174.
 */
export const KUBO_ADD_SETTINGS: KuboAddOptions & { maxFileLinks: number } = {
  cidVersion: 1,
  rawLeaves: true,
  chunker: `size-${CHUNK_SIZE}`,
  hashAlg: "sha2-256",
  trickle: false,
  maxFileLinks: LINKS_PER_NODE,
};
