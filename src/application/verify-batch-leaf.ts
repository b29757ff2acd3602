import { UnavailableError } from "../domain/errors.js";
import { CertificateStatus, type CertificateTerms } from "../domain/registry-types.js";
import { fragment, overallStatus, type VerificationResult } from "../domain/verification.js";
import type { GatewayContext } from "./gateway-context.js";
import { verifyRecord } from "./verification-checks.js";

/**
 * Verifies one certificate of a batch by its terms and Merkle proof. A leaf with a record of its
 * own (promoted or revoked alone) is verified as any certificate; otherwise its status is the
 * batch's and the issuer is checked at the batch's anchoring block.
 */
export async function verifyBatchLeaf(
  ctx: Pick<GatewayContext, "chain" | "index">,
  input: { root: string; terms: CertificateTerms; proof: readonly string[] },
): Promise<VerificationResult> {
  let head;
  try {
    head = await ctx.chain.block("latest");
  } catch (error) {
    const reason = error instanceof UnavailableError ? error.message : "The chain could not be read.";
    const fragments = (["DOCUMENT_INTEGRITY", "DOCUMENT_STATUS", "ISSUER_IDENTITY", "USAGE"] as const).map((n) =>
      fragment(n, "UNAVAILABLE", reason),
    );
    return { certificateId: "", status: "UNAVAILABLE", fragments };
  }
  const leaf = await ctx.chain.verifyBatchLeaf(input.root, input.terms, input.proof, head.number);
  if (!leaf) {
    const fragments = [
      fragment(
        "DOCUMENT_INTEGRITY",
        "INVALID",
        "The document is not a member of that batch: its terms and proof do not lead to the anchored root.",
        { root: input.root },
      ),
      fragment("DOCUMENT_STATUS", "SKIPPED", "No batch membership, so no status to report."),
      fragment("ISSUER_IDENTITY", "SKIPPED", "No batch membership, so no issuer to check."),
      fragment("USAGE", "SKIPPED", "No batch membership, so no usage to check."),
    ];
    return {
      certificateId: "",
      status: overallStatus(fragments),
      checkedAtBlock: head.number,
      checkedAtTime: head.timestamp,
      fragments,
    };
  }
  const own = await ctx.chain.certificate(leaf.id, head.number);
  if (own.status !== CertificateStatus.NONE) {
    return verifyRecord(ctx, leaf.id, { kind: "presented", terms: input.terms });
  }
  const anchoring = await ctx.chain.batchAnchoredEvent(input.root, head.number);
  const issuer = Number(anchoring?.args.issuer);
  const key = String(anchoring?.args.key);
  const anchoredAt = anchoring ? (await ctx.chain.block(anchoring.blockNumber)).timestamp : 0;
  const [accredited, keyValid] = anchoring
    ? await Promise.all([
        ctx.chain.wasAccreditedAt(issuer, input.terms.certificateType, anchoredAt, head.number),
        ctx.chain.wasKeyValidAt(issuer, key, anchoredAt, head.number),
      ])
    : [false, false];
  const inForce = leaf.status === CertificateStatus.ISSUED;
  const fragments = [
    fragment(
      "DOCUMENT_INTEGRITY",
      "VALID",
      "The document is a member of the anchored batch (its Merkle proof holds).",
      {
        root: input.root,
      },
    ),
    inForce
      ? fragment("DOCUMENT_STATUS", "VALID", "In force: the batch is issued and this certificate was not revoked.", {
          status: "ISSUED",
        })
      : fragment("DOCUMENT_STATUS", "INVALID", "The batch was revoked.", { status: "REVOKED" }),
    accredited && keyValid
      ? fragment(
          "ISSUER_IDENTITY",
          "VALID",
          `Anchored by authority ${issuer} with a key valid at block ${anchoring!.blockNumber}.`,
          {
            issuer,
            key,
          },
        )
      : fragment(
          "ISSUER_IDENTITY",
          "INVALID",
          `Authority ${issuer} or its key was not accredited when the batch was anchored.`,
          {
            issuer,
            key,
          },
        ),
    fragment("USAGE", "SKIPPED", "A batch member has no drawdown balance until it is promoted to a record of its own."),
  ];
  return {
    certificateId: leaf.id,
    status: overallStatus(fragments),
    checkedAtBlock: head.number,
    checkedAtTime: head.timestamp,
    fragments,
  };
}
