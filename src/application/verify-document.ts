import { parseCertificateDocument } from "../domain/documents/certificate-document.js";
import { fragment, type VerificationResult } from "../domain/verification.js";
import type { GatewayContext } from "./gateway-context.js";
import { idOfDocument, sealWithSalt } from "./seal-document.js";
import { documentRecord } from "./indexed-reads.js";
import { verifyRecord } from "./verification-checks.js";
import { isUnrecordedMember, verifyBatchLeaf } from "./verify-batch-leaf.js";

/**
 * Verifies a presented document (e.g. the file a trader hands customs). Its digest needs the
 * salt it was sealed with: given with the document (from its VC), or known to this gateway if it
 * issued it. A batch member without a record of its own is checked with its Merkle proof.
 */
export async function verifyDocument(
  ctx: Pick<GatewayContext, "chain" | "index" | "indexer" | "memo" | "documents">,
  input: { document: unknown; salt?: string },
): Promise<VerificationResult> {
  const document = parseCertificateDocument(input.document);
  const id = idOfDocument(document);
  const record = await documentRecord(ctx, id);
  const salt = input.salt ?? record?.salt;
  if (!salt) {
    const unknownSalt = fragment(
      "DOCUMENT_INTEGRITY",
      "UNAVAILABLE",
      "The document's salt is unknown here: present its credential (VC-JWT), which carries the salt, or verify it by id (its QR code links there) or at the issuer's gateway.",
    );
    return verifyRecord(ctx, id, { kind: "decided", decide: () => Promise.resolve(unknownSalt) });
  }
  const sealed = sealWithSalt(document, salt);
  if (record?.batchRoot && record.proof && (await isUnrecordedMember(ctx, id))) {
    return verifyBatchLeaf(ctx, { root: record.batchRoot, terms: sealed.terms, proof: record.proof });
  }
  return verifyRecord(ctx, id, { kind: "presented", terms: sealed.terms });
}
