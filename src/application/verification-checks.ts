import { UnavailableError } from "../domain/errors.js";
import { sameTerms, unitFromCode } from "../domain/certificate-terms.js";
import { CertificateStatus, CertificateType, isCoo, type CertificateTerms } from "../domain/registry-types.js";
import {
  fragment,
  overallStatus,
  type FragmentName,
  type VerificationFragment,
  type VerificationResult,
} from "../domain/verification.js";
import type { GatewayContext } from "./gateway-context.js";
import { indexedDrawdowns } from "./indexed-reads.js";
import { unitsOfThousandths } from "./quantity-text.js";
import type { BlockRef } from "./ports/registry-chain.js";
import type { IndexedDrawdown } from "./ports/registry-index.js";
import { recordFactsAt, type RecordFacts, type SigningFacts } from "./record-facts.js";

const statusName = (status: number): string =>
  Object.keys(CertificateStatus).find((k) => CertificateStatus[k as keyof typeof CertificateStatus] === status) ??
  String(status);
const typeName = (type: number): string =>
  Object.keys(CertificateType).find((k) => CertificateType[k as keyof typeof CertificateType] === type) ?? String(type);

/** How the document's integrity is judged against the chain. */
export type IntegrityCheck =
  /** A fragment already decided (e.g. from storage), given the anchored digest. */
  | { kind: "decided"; decide: (anchoredDigest: string, head: BlockRef) => Promise<VerificationFragment> }
  /** Terms computed from a presented document: they must be exactly the anchored ones. */
  | { kind: "presented"; terms: CertificateTerms };

const ALL: FragmentName[] = ["DOCUMENT_INTEGRITY", "DOCUMENT_STATUS", "ISSUER_IDENTITY", "USAGE"];

/** Every fragment not yet decided is UNAVAILABLE, with the reason the chain could not be read. */
export function unavailable(
  certificateId: string,
  error: unknown,
  done: VerificationFragment[] = [],
): VerificationResult {
  const reason = error instanceof UnavailableError ? error.message : "The chain could not be read; try again shortly.";
  const fragments = ALL.map((name) => done.find((f) => f.name === name) ?? fragment(name, "UNAVAILABLE", reason));
  return { certificateId, status: overallStatus(fragments), fragments };
}

/**
 * Verifies a certificate's record at one block: integrity (by `integrity`), status, the issuer's
 * accreditation and key at the issuing block, and (CoO) the drawdown balance. Every chain read is
 * made at the same block, named in the result.
 */
export async function verifyRecord(
  ctx: Pick<GatewayContext, "chain" | "index" | "indexer" | "memo">,
  certificateId: string,
  integrity: IntegrityCheck,
  /** The block to read at, when the caller has already read the latest one. */
  at?: BlockRef,
): Promise<VerificationResult> {
  let head: BlockRef;
  try {
    head = at ?? (await ctx.chain.block("latest"));
  } catch (error) {
    return unavailable(certificateId, error);
  }
  try {
    const { record, anchored } = await recordFactsAt(ctx, certificateId, head);
    if (!anchored) {
      return done(certificateId, head, [
        fragment("DOCUMENT_INTEGRITY", "SKIPPED", "Nothing is anchored under this id to compare the document with."),
        fragment(
          "DOCUMENT_STATUS",
          "INVALID",
          "No certificate record under this id: it was not issued through the registry (or not yet). " +
            "A member of a batch is verified with its document and Merkle proof.",
        ),
        fragment("ISSUER_IDENTITY", "SKIPPED", "No issuer to check: the certificate is not anchored."),
        fragment("USAGE", "SKIPPED", "No usage to check: the certificate is not anchored."),
      ]);
    }
    const drawdowns = anchored.consumed === undefined ? [] : await indexedDrawdowns(ctx, certificateId);
    return done(certificateId, head, [
      await integrityFragment(integrity, anchored.terms, head),
      statusFragment(record.status, anchored, head),
      issuerFragment(anchored.signing, anchored.terms.certificateType),
      usageFragment(record.status, anchored, drawdowns),
    ]);
  } catch (error) {
    if (error instanceof UnavailableError) return { ...unavailable(certificateId, error), checkedAtBlock: head.number };
    throw error;
  }
}

function done(certificateId: string, head: BlockRef, fragments: VerificationFragment[]): VerificationResult {
  return {
    certificateId,
    status: overallStatus(fragments),
    checkedAtBlock: head.number,
    checkedAtTime: head.timestamp,
    fragments,
  };
}

async function integrityFragment(
  integrity: IntegrityCheck,
  anchored: CertificateTerms,
  head: BlockRef,
): Promise<VerificationFragment> {
  if (integrity.kind === "decided") return integrity.decide(anchored.digest, head);
  if (integrity.terms.digest !== anchored.digest) {
    return fragment(
      "DOCUMENT_INTEGRITY",
      "INVALID",
      "The document differs from the one the issuer anchored (its digest does not match): it was altered, or is another version.",
      { presentedDigest: integrity.terms.digest, anchoredDigest: anchored.digest },
    );
  }
  // The anchored terms come from the issuance event the registry emitted with the record's commitment.
  if (!sameTerms(integrity.terms, anchored)) {
    return fragment(
      "DOCUMENT_INTEGRITY",
      "INVALID",
      "The document's digest matches but its terms (type, countries, validity, quantity) differ from the anchored record.",
    );
  }
  return fragment("DOCUMENT_INTEGRITY", "VALID", "The document is exactly the one the issuer anchored.", {
    digest: anchored.digest,
  });
}

function statusFragment(
  status: number,
  { terms: anchored, supersededBy }: NonNullable<RecordFacts["anchored"]>,
  head: BlockRef,
): VerificationFragment {
  const data = { status: statusName(status) };
  switch (status) {
    case CertificateStatus.ISSUED:
    case CertificateStatus.ACCEPTED: {
      if (anchored.validUntil !== 0n && anchored.validUntil <= BigInt(head.timestamp)) {
        return fragment(
          "DOCUMENT_STATUS",
          "INVALID",
          `The certificate's validity ended at ${new Date(Number(anchored.validUntil) * 1000).toISOString()}.`,
          { ...data, validUntil: Number(anchored.validUntil) },
        );
      }
      return fragment(
        "DOCUMENT_STATUS",
        "VALID",
        status === CertificateStatus.ACCEPTED
          ? "In force, and accepted by the importing country."
          : "In force: issued and neither suspended, revoked nor replaced.",
        data,
      );
    }
    case CertificateStatus.SUPERSEDED:
      return fragment(
        "DOCUMENT_STATUS",
        "INVALID",
        `Replaced by certificate ${supersededBy}: rely on the replacement instead.`,
        { ...data, supersededBy: supersededBy ?? null },
      );
    case CertificateStatus.SUSPENDED:
      return fragment(
        "DOCUMENT_STATUS",
        "INVALID",
        "Suspended by the issuer: not to be relied on until reinstated.",
        data,
      );
    case CertificateStatus.REVOKED:
      return fragment("DOCUMENT_STATUS", "INVALID", "Revoked: the certificate was withdrawn for good.", data);
    case CertificateStatus.REJECTED:
      return fragment("DOCUMENT_STATUS", "INVALID", "Rejected by the importing country.", data);
    case CertificateStatus.EXHAUSTED:
      return fragment(
        "DOCUMENT_STATUS",
        "INVALID",
        "Exhausted: the certified quantity has been fully drawn down against import declarations.",
        data,
      );
    default:
      return fragment("DOCUMENT_STATUS", "INVALID", `Unexpected status ${status}.`, data);
  }
}

/** The issuer's accreditation for the type and its key's validity when the certificate was signed. */
export function issuerFragment(signing: SigningFacts, type: number): VerificationFragment {
  const { issuer, key, signed, issuedAt } = signing;
  const data = { issuer, key, issuedAtBlock: signed.blockNumber, issuedAt };
  if (!signing.accredited) {
    return fragment(
      "ISSUER_IDENTITY",
      "INVALID",
      `Issuer ${issuer} was not accredited for ${typeName(type)} when the certificate was issued.`,
      data,
    );
  }
  if (!signing.keyValid) {
    return fragment(
      "ISSUER_IDENTITY",
      "INVALID",
      `The key ${key} was not a valid key of issuer ${issuer} when the certificate was issued.`,
      data,
    );
  }
  return fragment(
    "ISSUER_IDENTITY",
    "VALID",
    `Issued by authority ${issuer}, accredited for ${typeName(type)}, with a key valid at block ${signed.blockNumber}.`,
    data,
  );
}

function usageFragment(
  status: number,
  { terms: anchored, consumed }: NonNullable<RecordFacts["anchored"]>,
  drawdowns: readonly IndexedDrawdown[],
): VerificationFragment {
  if (!isCoo(anchored.certificateType)) {
    return fragment("USAGE", "SKIPPED", "A phytosanitary certificate has no quantity to draw down.");
  }
  if (consumed === undefined) {
    return fragment("USAGE", "SKIPPED", "The certificate certifies no quantity to draw down.");
  }
  const remaining = anchored.quantity - consumed;
  const flagged = drawdowns.filter((d) => d.importCountryUnnamed).length;
  const data = {
    certified: anchored.quantity.toString(),
    consumed: consumed.toString(),
    remaining: remaining.toString(),
    unitScale: "thousandths",
    drawdowns: drawdowns.length,
    drawdownsWithoutNamedCountry: flagged,
  };
  if (remaining === 0n || status === CertificateStatus.EXHAUSTED) {
    return fragment("USAGE", "INVALID", "Nothing is left of the certified quantity.", data);
  }
  const note = flagged > 0 ? ` ${flagged} drawdown(s) were by customs of a country the certificate does not name.` : "";
  return fragment(
    "USAGE",
    "VALID",
    `${unitsOfThousandths(remaining)} of ${unitsOfThousandths(anchored.quantity)} ${unitFromCode(anchored.unit) || "units"} remain.${note}`,
    data,
  );
}
