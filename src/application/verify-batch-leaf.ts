import { UnavailableError } from "../domain/errors.js";
import { CertificateStatus, type CertificateTerms } from "../domain/registry-types.js";
import { fragment, overallStatus, type VerificationFragment, type VerificationResult } from "../domain/verification.js";
import type { GatewayContext } from "./gateway-context.js";
import { signingFactsOf } from "./record-facts.js";
import { issuerFragment, unavailable, verifyRecord } from "./verification-checks.js";

/**
 * Verifies one certificate of a batch by its terms and Merkle proof. A leaf with a record of its
 * own (promoted or revoked alone) is verified as any certificate; otherwise its status is the
 * batch's and the issuer is checked at the batch's anchoring block.
 */
export async function verifyBatchLeaf(
  ctx: Pick<GatewayContext, "chain" | "index" | "indexer" | "memo">,
  input: { root: string; terms: CertificateTerms; proof: readonly string[] },
): Promise<VerificationResult> {
  let head;
  try {
    head = await ctx.chain.block("latest");
  } catch (error) {
    return unavailable("", error);
  }
  const checked = { checkedAtBlock: head.number, checkedAtTime: head.timestamp };
  const fragments: VerificationFragment[] = [];
  let id = "";
  try {
    const leaf = await ctx.chain.verifyBatchLeaf(input.root, input.terms, input.proof, head.number);
    if (!leaf) {
      fragments.push(
        fragment(
          "DOCUMENT_INTEGRITY",
          "INVALID",
          "The document is not a member of that batch: its terms and proof do not lead to the anchored root.",
          { root: input.root },
        ),
        fragment("DOCUMENT_STATUS", "SKIPPED", "No batch membership, so no status to report."),
        fragment("ISSUER_IDENTITY", "SKIPPED", "No batch membership, so no issuer to check."),
        fragment("USAGE", "SKIPPED", "No batch membership, so no usage to check."),
      );
      return { certificateId: "", status: overallStatus(fragments), ...checked, fragments };
    }
    id = leaf.id;
    const own = await ctx.chain.certificate(leaf.id, head.number);
    if (own.status !== CertificateStatus.NONE) {
      return verifyRecord(ctx, leaf.id, { kind: "presented", terms: input.terms });
    }
    fragments.push(
      fragment(
        "DOCUMENT_INTEGRITY",
        "VALID",
        "The document is a member of the anchored batch (its Merkle proof holds).",
        {
          root: input.root,
        },
      ),
      leaf.status === CertificateStatus.ISSUED
        ? fragment("DOCUMENT_STATUS", "VALID", "In force: the batch is issued and this certificate was not revoked.", {
            status: "ISSUED",
          })
        : fragment("DOCUMENT_STATUS", "INVALID", "The batch was revoked.", { status: "REVOKED" }),
    );
    const anchoring = await ctx.chain.batchAnchoredEvent(input.root, head.number);
    if (!anchoring) throw new UnavailableError("The batch's anchoring event could not be found on the node.");
    fragments.push(
      issuerFragment(
        await signingFactsOf(
          ctx.chain,
          anchoring,
          Number(anchoring.args.issuer),
          input.terms.certificateType,
          head.number,
        ),
        input.terms.certificateType,
      ),
      fragment(
        "USAGE",
        "SKIPPED",
        "A batch member has no drawdown balance until it is promoted to a record of its own.",
      ),
    );
    return { certificateId: leaf.id, status: overallStatus(fragments), ...checked, fragments };
  } catch (error) {
    if (error instanceof UnavailableError) return { ...unavailable(id, error, fragments), checkedAtBlock: head.number };
    throw error;
  }
}

/**
 * Whether a batch member has no record of its own on chain (so it verifies through its proof).
 * An unreachable chain counts as "none": the proof path then answers UNAVAILABLE.
 */
export async function isUnrecordedMember(ctx: Pick<GatewayContext, "chain">, id: string): Promise<boolean> {
  try {
    const head = await ctx.chain.block("latest");
    return (await ctx.chain.certificate(id, head.number)).status === CertificateStatus.NONE;
  } catch (error) {
    if (error instanceof UnavailableError) return true;
    throw error;
  }
}
