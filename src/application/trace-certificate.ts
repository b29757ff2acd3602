import { NotFoundError } from "../domain/errors.js";
import type { GatewayContext } from "./gateway-context.js";
import type { HistoryEntry, IndexedCertificate } from "./ports/registry-index.js";
import { indexedCertificateOrMember } from "./indexed-reads.js";
import { checkCertificateId } from "./reason.js";

export interface CertificateTrace {
  certificate: IndexedCertificate;
  /** Every event of the certificate, in chain order; a replacement's issuance appears in both histories. */
  history: HistoryEntry[];
  /** The certificates it replaced and was replaced by, oldest first (this one included). */
  lineage: string[];
  /** The block the index is current to: events after it are not in the history yet. */
  indexedToBlock?: number;
}

/**
 * The full, ordered history of a certificate for an auditor, from the index. A batch member this
 * gateway issued that has no record of its own has its batch's history.
 */
export async function traceCertificate(
  ctx: Pick<GatewayContext, "index" | "indexer" | "memo" | "documents">,
  input: { id: string },
): Promise<CertificateTrace> {
  const id = checkCertificateId(input.id);
  const certificate = await indexedCertificateOrMember(ctx, id);
  if (!certificate) {
    throw new NotFoundError(`Certificate ${id} is not in the index; check the id, or wait until it is indexed.`);
  }
  if (certificate.batchRoot && !(await ctx.index.certificate(id))) {
    const [history, position] = await Promise.all([
      ctx.index.batchHistory(certificate.batchRoot),
      ctx.index.position(),
    ]);
    return { certificate, history, lineage: [id], ...(position && { indexedToBlock: position.blockNumber }) };
  }
  const lineage = [id];
  for (let c = certificate; c.supersedes;) {
    const previous = await ctx.index.certificate(c.supersedes);
    if (!previous || lineage.includes(previous.id)) break;
    lineage.unshift(previous.id);
    c = previous;
  }
  for (let c = certificate; c.supersededBy;) {
    const next = await ctx.index.certificate(c.supersededBy);
    if (!next || lineage.includes(next.id)) break;
    lineage.push(next.id);
    c = next;
  }
  const [history, position] = await Promise.all([ctx.index.certificateHistory(id), ctx.index.position()]);
  return { certificate, history, lineage, ...(position && { indexedToBlock: position.blockNumber }) };
}
