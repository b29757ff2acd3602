import type { GatewayContext } from "./gateway-context.js";
import type { DocumentRecord } from "./ports/document-records.js";
import { countryFromCode, unitFromCode } from "../domain/certificate-terms.js";
import type { IndexedBatch, IndexedCertificate, IndexedDrawdown } from "./ports/registry-index.js";
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

export function indexedBatch(ctx: IndexReads, root: string): Promise<IndexedBatch | undefined> {
  return ctx.memo.atIndex.get(ctx.indexer.version(), `batch:${root}`, () => ctx.index.batch(root));
}

/**
 * A certificate as the index holds it; for a batch member without a record of its own (not
 * promoted or revoked alone) that this gateway issued, what its batch and terms say: the batch's
 * status, anchoring block and time, nothing drawn.
 */
export async function indexedCertificateOrMember(
  ctx: IndexReads & Pick<GatewayContext, "documents">,
  id: string,
): Promise<IndexedCertificate | undefined> {
  const recorded = await indexedCertificate(ctx, id);
  if (recorded) return recorded;
  const document = await documentRecord(ctx, id);
  const batch = document?.batchRoot ? await indexedBatch(ctx, document.batchRoot) : undefined;
  if (!document || !batch) return undefined;
  const { terms } = document;
  return {
    id,
    issuer: batch.issuer,
    numberHash: terms.numberHash,
    digest: terms.digest,
    certificateType: terms.certificateType,
    exportCountry: countryFromCode(terms.exportCountry),
    importCountry: countryFromCode(terms.importCountry),
    validUntil: Number(terms.validUntil),
    quantity: BigInt(terms.quantity),
    unit: unitFromCode(terms.unit),
    status: batch.status,
    consumed: 0n,
    batchRoot: batch.root,
    issuedBlock: batch.anchoredBlock,
    issuedAt: batch.anchoredAt,
  };
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
