import { NotFoundError } from "../domain/errors.js";
import type { GatewayContext } from "./gateway-context.js";
import type { DocumentRecord } from "./ports/document-records.js";
import { checkCertificateId } from "./reason.js";

/** The record of a batch member this gateway issued: its root, terms and Merkle proof. */
export async function batchMember(
  ctx: Pick<GatewayContext, "documents">,
  id: string,
): Promise<DocumentRecord & { batchRoot: string; proof: string[] }> {
  const record = await ctx.documents.get(checkCertificateId(id));
  if (!record?.batchRoot || !record.proof) {
    throw new NotFoundError(
      `Certificate ${id} is not a batch member issued through this gateway; act on it at the gateway that issued its batch.`,
    );
  }
  return { ...record, batchRoot: record.batchRoot, proof: record.proof };
}
