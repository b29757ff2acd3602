import { TradesealError, UnavailableError } from "../domain/errors.js";
import { fragment, overallStatus, type VerificationFragment, type VerificationResult } from "../domain/verification.js";
import { loadTerms } from "./chain-actions.js";
import type { GatewayContext } from "./gateway-context.js";
import { openStoredDocument } from "./open-stored-document.js";
import type { RecipientPrivateKey } from "./ports/document-cipher.js";
import { documentRecord, indexedCertificate } from "./indexed-reads.js";
import type { DocumentRecord } from "./ports/document-records.js";
import type { BlockRef } from "./ports/registry-chain.js";
import { checkCertificateId } from "./reason.js";
import { sealWithSalt } from "./seal-document.js";
import { verifyRecord } from "./verification-checks.js";
import { isUnrecordedMember, verifyBatchLeaf } from "./verify-batch-leaf.js";

/**
 * Verifies a certificate by its registry id. Integrity is judged from storage: the encrypted
 * document must be there; a holder of a wrapped key (`key`) also has its contents checked
 * against the anchored digest.
 */
export async function verifyCertificate(
  ctx: VerifyContext,
  input: { id: string; key?: RecipientPrivateKey },
): Promise<VerificationResult> {
  const id = checkCertificateId(input.id);
  if (input.key) return verifyById(ctx, id, input.key);
  // Without a key the verdict is the same for every caller until the next block or index change.
  let head: BlockRef;
  try {
    head = await ctx.chain.block("latest");
  } catch {
    return verifyById(ctx, id, undefined);
  }
  return ctx.memo.atBlock.get(head.hash, `verdict:${id}:${ctx.indexer.version()}`, () =>
    verifyById(ctx, id, undefined, head),
  );
}

/** `head`: the latest block, when already read (the verdict is read at the block it is kept for). */
async function verifyById(
  ctx: VerifyContext,
  id: string,
  key: RecipientPrivateKey | undefined,
  head?: BlockRef,
): Promise<VerificationResult> {
  const stored = await documentRecord(ctx, id);
  const leaf = stored && (await verifyUnrecordedLeaf(ctx, id, stored, key));
  if (leaf) return leaf;
  return verifyRecord(
    ctx,
    id,
    {
      kind: "decided",
      decide: async (anchoredDigest, readAt) => {
        const cid = stored?.cid ?? (await indexedCertificate(ctx, id))?.cid;
        if (!cid) {
          return fragment(
            "DOCUMENT_INTEGRITY",
            "UNAVAILABLE",
            "This gateway does not know where the document is stored (not indexed yet); present the document to check it.",
          );
        }
        return storedIntegrity(ctx, id, cid, anchoredDigest, key, readAt);
      },
    },
    head,
  );
}

type VerifyContext = Pick<GatewayContext, "chain" | "index" | "indexer" | "memo" | "store" | "cipher" | "documents">;

/**
 * A batch member this gateway issued and that has no record of its own yet: verified by its
 * stored terms and Merkle proof, and its stored contents against the digest the proof anchors.
 * `undefined` for anything else (verified by its record).
 */
async function verifyUnrecordedLeaf(
  ctx: VerifyContext,
  id: string,
  record: DocumentRecord,
  key: RecipientPrivateKey | undefined,
): Promise<VerificationResult | undefined> {
  if (!record.batchRoot || !record.proof) return undefined;
  if (!(await isUnrecordedMember(ctx, id))) return undefined;
  const terms = loadTerms(record.terms);
  const result = {
    ...(await verifyBatchLeaf(ctx, { root: record.batchRoot, terms, proof: record.proof })),
    certificateId: id,
  };
  if (result.fragments[0].status !== "VALID") return result;
  const fragments = [await storedIntegrity(ctx, id, record.cid, terms.digest, key), ...result.fragments.slice(1)];
  return { ...result, status: overallStatus(fragments), fragments };
}

async function storedIntegrity(
  ctx: Pick<GatewayContext, "store" | "cipher" | "memo">,
  id: string,
  cid: string,
  anchoredDigest: string,
  key: RecipientPrivateKey | undefined,
  head?: BlockRef,
): Promise<VerificationFragment> {
  try {
    if (!key) {
      if (!(await isStored(ctx, cid, head))) return missing(cid);
      return fragment(
        "DOCUMENT_INTEGRITY",
        "SKIPPED",
        "The encrypted document is in storage; its contents are checked against the anchored digest by a holder of a wrapped key, or by presenting the document.",
        { cid },
      );
    }
    const opened = await openStoredDocument(ctx, cid, id, key);
    if (!opened) return missing(cid);
    const digest = sealWithSalt(opened.document, opened.salt).digest;
    return digest === anchoredDigest
      ? fragment("DOCUMENT_INTEGRITY", "VALID", "The stored document is exactly the one the issuer anchored.", {
          cid,
          digest,
        })
      : fragment("DOCUMENT_INTEGRITY", "INVALID", "The stored document does not match the anchored digest.", {
          cid,
          digest,
          anchoredDigest,
        });
  } catch (error) {
    if (error instanceof UnavailableError) {
      return fragment("DOCUMENT_INTEGRITY", "UNAVAILABLE", error.message, { cid });
    }
    if (error instanceof TradesealError && error.code === "FORBIDDEN") {
      return fragment("DOCUMENT_INTEGRITY", "SKIPPED", `${error.message}`, { cid });
    }
    throw error;
  }
}

/** Whether storage holds the document: asked once per block when the block is known (content never changes under a CID). */
function isStored(
  ctx: Pick<GatewayContext, "store" | "memo">,
  cid: string,
  head: BlockRef | undefined,
): Promise<boolean> {
  const ask = async () => (await ctx.store.get(cid)) !== undefined;
  return head ? ctx.memo.atBlock.get(head.hash, `stored:${cid}`, ask) : ask();
}

function missing(cid: string): VerificationFragment {
  return fragment(
    "DOCUMENT_INTEGRITY",
    "UNAVAILABLE",
    `The stored document (${cid}) is not in storage; the issuer's gateway or IPFS node may be catching up — try again, or present the document.`,
    { cid },
  );
}
