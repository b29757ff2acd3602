import type { GatewayContext } from "./gateway-context.js";
import type { DocumentRecord } from "./ports/document-records.js";
import type { IndexedCertificate, IndexedDrawdown } from "./ports/registry-index.js";
import type { IndexedAuthority } from "./ports/registry-queries.js";

type IndexReads = Pick<GatewayContext, "index" | "indexer" | "memo">;

/**
 * Reads of the registry index shared by every caller until the indexer next changes the index:
 * the public certificate page and verification ask the same few questions over and over.
 * Answers are shared: do not change them.
 */
export function indexedCertificate(ctx: IndexReads, id: string): Promise<IndexedCertificate | undefined> {
  return ctx.memo.atIndex.get(ctx.indexer.version(), `certificate:${id}`, () => ctx.index.certificate(id));
}

export function indexedDrawdowns(ctx: IndexReads, id: string): Promise<IndexedDrawdown[]> {
  return ctx.memo.atIndex.get(ctx.indexer.version(), `drawdowns:${id}`, () => ctx.index.drawdowns(id));
}

export function indexedAuthority(
  ctx: Pick<GatewayContext, "queries" | "indexer" | "memo">,
  id: number,
): Promise<IndexedAuthority | undefined> {
  return ctx.memo.atIndex.get(ctx.indexer.version(), `authority:${id}`, () => ctx.queries.authority(id));
}

/**
 * This gateway's record of a document (salt, storage, batch proof). Written before its
 * transaction is sent and changed only along with the chain, so it is remembered against the
 * index version like the rest.
 */
export function documentRecord(
  ctx: Pick<GatewayContext, "documents" | "indexer" | "memo">,
  id: string,
): Promise<DocumentRecord | undefined> {
  return ctx.memo.atIndex.get(ctx.indexer.version(), `document:${id}`, () => ctx.documents.get(id));
}
