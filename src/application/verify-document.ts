import type { CertificateDocument } from "../domain/documents/certificate-document.js";
import { prepareDocument, preparedTerms, type PreparedDocument } from "../domain/documents/prepared-document.js";
import { fragment, type VerificationResult } from "../domain/verification.js";
import type { GatewayContext } from "./gateway-context.js";
import { documentRecord } from "./indexed-reads.js";
import { verifyRecord } from "./verification-checks.js";
import { isUnrecordedMember, verifyBatchLeaf } from "./verify-batch-leaf.js";

type VerifyDocumentContext = Pick<GatewayContext, "chain" | "index" | "indexer" | "memo" | "documents">;

/**
 * Verifies a presented document (e.g. the file a trader hands customs). Its digest needs the
 * salt it was sealed with: given with the document (from its VC), or known to this gateway if it
 * issued it. A batch member without a record of its own is checked with its Merkle proof.
 */
export async function verifyDocument(
  ctx: VerifyDocumentContext & Pick<GatewayContext, "preparer">,
  input: { document: unknown; salt?: string },
): Promise<VerificationResult> {
  return verifyPreparedDocument(ctx, await ctx.preparer.prepare(input.document), input.salt);
}

/**
 * The same for a document already parsed (`parseCertificateDocument`): one opened from storage
 * or read from a credential.
 */
export async function verifyParsedDocument(
  ctx: VerifyDocumentContext,
  input: { document: CertificateDocument; salt?: string },
): Promise<VerificationResult> {
  return verifyPreparedDocument(ctx, prepareDocument(input.document), input.salt);
}

/** The same for a document prepared already (`DocumentPreparer`), with its salt when known. */
export async function verifyPreparedDocument(
  ctx: VerifyDocumentContext,
  prepared: PreparedDocument,
  givenSalt?: string,
): Promise<VerificationResult> {
  const id = prepared.certificateId;
  const record = await documentRecord(ctx, id);
  const salt = givenSalt ?? record?.salt;
  if (!salt) {
    const unknownSalt = fragment(
      "DOCUMENT_INTEGRITY",
      "UNAVAILABLE",
      "The document's salt is unknown here: present its credential (VC-JWT), which carries the salt, or verify it by id (its QR code links there) or at the issuer's gateway.",
    );
    return verifyRecord(ctx, id, { kind: "decided", decide: () => Promise.resolve(unknownSalt) });
  }
  const terms = preparedTerms(prepared, salt);
  if (record?.batchRoot && record.proof && (await isUnrecordedMember(ctx, id))) {
    return verifyBatchLeaf(ctx, { root: record.batchRoot, terms, proof: record.proof });
  }
  return verifyRecord(ctx, id, { kind: "presented", terms });
}
