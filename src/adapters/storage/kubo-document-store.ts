import { create } from "kubo-rpc-client";
import type { DocumentStore } from "../../application/ports/document-store.js";
import { UnavailableError } from "../../domain/errors.js";
import { concatChunks } from "./concat-chunks.js";
import { parseDocumentCid } from "./parse-document-cid.js";
import { KUBO_ADD_SETTINGS } from "./unixfs-settings.js";

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * How a node says that it does not hold a document: "path '<cid>' is not pinned" (`pin ls`), and
 * "block was not found locally (offline): ipld: could not find <cid>" (boxo's offline exchange,
 * which the `offline` option selects, when the blocks went between `pin ls` and `cat`).
 */
const NOT_HELD = /is not pinned|could not find/;

export interface KuboDocumentStoreOptions {
  /** The node's RPC API, e.g. `http://127.0.0.1:5001`. */
  url: string;
  /** The longest one request may take, body included, before the node counts as unavailable. */
  timeoutMs?: number;
}

/**
 * The production document store: a Kubo node (or another server of the Kubo RPC API) that stores
 * and pins the documents. It holds a document when the document's CID is pinned recursively: what
 * `put` stores, and what a garbage collection keeps. `get` asks `pin ls` first, which answers at
 * once from the node's pin set, where `cat` of an absent CID would search the IPFS network (or, on
 * the js-ipfs daemon, wait even when offline); `cat` then runs with Kubo's `offline` option so that
 * it never leaves the node either. Every request ends after `timeoutMs` with `UnavailableError`.
 */
export function createKuboDocumentStore({
  url,
  timeoutMs = DEFAULT_TIMEOUT_MS,
}: KuboDocumentStoreOptions): DocumentStore {
  const client = create({ url });
  const unavailable = (error: unknown): UnavailableError => {
    const name = (error as Error).name;
    const message =
      name === "TimeoutError"
        ? `The IPFS node at ${url} did not answer within ${timeoutMs} ms. Check that it is running and not overloaded.`
        : name === "HTTPError"
          ? `The IPFS node at ${url} refused the request: ${(error as Error).message}. Check its log.`
          : `Cannot reach the IPFS node at ${url} (${rootCause(error)}). Check that the IPFS (Kubo) daemon ` +
            "is running and that its RPC API listens at this address.";
    return new UnavailableError(message, { url }, { cause: error });
  };

  return {
    async put(bytes) {
      try {
        const { cid } = await client.add(bytes, {
          ...KUBO_ADD_SETTINGS,
          pin: true,
          signal: AbortSignal.timeout(timeoutMs),
        });
        return cid.toString();
      } catch (error) {
        throw unavailable(error);
      }
    },

    async get(text) {
      const cid = parseDocumentCid(text);
      // `offline` is one of Kubo's global options; kubo-rpc-client sends every option it is given as
      // a query parameter, but its types do not list this one.
      const local = () => ({ offline: true, signal: AbortSignal.timeout(timeoutMs) });
      try {
        for await (const _pin of client.pin.ls({ ...local(), paths: cid, type: "recursive" })) {
          // answered without an error: the CID is pinned
        }
        return await concatChunks(client.cat(cid, local()));
      } catch (error) {
        if ((error as Error).name === "HTTPError" && NOT_HELD.test((error as Error).message)) return undefined;
        throw unavailable(error);
      }
    },

    async close() {
      // Nothing to release: the client opens no connection of its own (requests go through fetch).
    },
  };
}

/** The root cause of a failed fetch (`fetch failed` alone says nothing), e.g. `connect ECONNREFUSED 127.0.0.1:5001`. */
function rootCause(error: unknown): string {
  let cause = error;
  while (cause instanceof Error && cause.cause instanceof Error) cause = cause.cause;
  return cause instanceof Error ? cause.message : String(cause);
}
