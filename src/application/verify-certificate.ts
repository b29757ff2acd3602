import { TradesealError, UnavailableError } from "../domain/errors.js";
import { fragment, overallStatus, type VerificationFragment, type VerificationResult } from "../domain/verification.js";
import { loadTerms } from "./chain-actions.js";
import type { GatewayContext } from "./gateway-context.js";
import { openStoredDocument } from "./open-stored-document.js";
import type { RecipientPrivateKey } from "./ports/document-cipher.js";
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
  ctx: Pick<GatewayContext, "chain" | "index" | "store" | "cipher" | "documents">,
  input: { id: string; key?: RecipientPrivateKey },
): Promise<VerificationResult> {
  const id = checkCertificateId(input.id);
  const leaf = await verifyUnrecordedLeaf(ctx, id, input.key);
  if (leaf) return leaf;
  return verifyRecord(ctx, id, {
    kind: "decided",
    decide: async (anchoredDigest) => {
      const cid = (await ctx.documents.get(id))?.cid ?? (await ctx.index.certificate(id))?.cid;
      if (!cid) {
        return fragment(
          "DOCUMENT_INTEGRITY",
          "UNAVAILABLE",
          "This gateway does not know where the document is stored (not indexed yet); present the document to check it.",
        );
      }
      return storedIntegrity(ctx, id, cid, anchoredDigest, input.key);
    },
  });
}

/**
 * A batch member this gateway issued and that has no record of its own yet: verified by its
 * stored terms and Merkle proof, and its stored contents against the digest the proof anchors.
 * `undefined` for anything else (verified by its record).
 */
async function verifyUnrecordedLeaf(
  ctx: Pick<GatewayContext, "chain" | "index" | "store" | "cipher" | "documents">,
  id: string,
  key: RecipientPrivateKey | undefined,
): Promise<VerificationResult | undefined> {
  const record = await ctx.documents.get(id);
  if (!record?.batchRoot || !record.proof) return undefined;
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
  ctx: Pick<GatewayContext, "store" | "cipher">,
  id: string,
  cid: string,
  anchoredDigest: string,
  key: RecipientPrivateKey | undefined,
): Promise<VerificationFragment> {
  try {
    if (!key) {
      const envelope = await ctx.store.get(cid);
      if (!envelope) return missing(cid);
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

function missing(cid: string): VerificationFragment {
  return fragment(
    "DOCUMENT_INTEGRITY",
    "UNAVAILABLE",
    `The stored document (${cid}) is not in storage; the issuer's gateway or IPFS node may be catching up — try again, or present the document.`,
    { cid },
  );
}
