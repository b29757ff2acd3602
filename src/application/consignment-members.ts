import { requireRole, type CertificateFacts } from "../domain/access-rules.js";
import type { Caller } from "../domain/caller.js";
import { countryFromCode } from "../domain/certificate-terms.js";
import { maySeeInConsignment } from "../domain/consignment-access.js";
import { normalizeText } from "../domain/documents/normalize.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../domain/errors.js";
import type { GatewayContext } from "./gateway-context.js";
import type { DocumentRecord } from "./ports/document-records.js";
import type { IndexedCertificate } from "./ports/registry-index.js";

/** A certificate of the consignment: this gateway's record of it, and the index's once its block is indexed. */
export interface ConsignmentMember {
  record: DocumentRecord;
  indexed?: IndexedCertificate;
  facts: CertificateFacts;
}

/** The longest UCR a certificate can carry. */
const MAX_UCR = 128;

/**
 * The certificates of a consignment (WCO UCR) that the caller may see, oldest first: issuers
 * their own, the importing country's customs and NPPO all of them, auditors all. Throws
 * NotFoundError when this gateway knows no certificate of the UCR, ForbiddenError when it knows
 * some but none is the caller's to see.
 */
export async function consignmentMembers(
  ctx: Pick<GatewayContext, "documents" | "index">,
  input: { caller: Caller; ucr: string },
): Promise<{ ucr: string; members: ConsignmentMember[] }> {
  requireRole(input.caller, ["issuer", "customs", "nppo", "auditor", "admin"], "The consignment view");
  const ucr = normalizeText(input.ucr);
  if (ucr === "" || ucr.length > MAX_UCR) {
    throw new ValidationError(
      `A UCR is 1 to ${MAX_UCR} characters, as the certificates state it, e.g. 6PK12345678-IHT0311.`,
    );
  }
  const records = await ctx.documents.byUcr(ucr);
  if (records.length === 0) {
    throw new NotFoundError(
      `No certificate of consignment ${ucr} is known to this gateway. Check the UCR as the certificates state it; ` +
        "certificates issued through another gateway are listed there.",
    );
  }
  const members = await Promise.all(
    records.map(async (record): Promise<ConsignmentMember> => {
      const indexed = await ctx.index.certificate(record.certificateId);
      const facts = indexed ?? {
        id: record.certificateId,
        issuer: record.issuer,
        certificateType: Number(record.terms.certificateType),
        exportCountry: countryFromCode(record.terms.exportCountry),
        importCountry: countryFromCode(record.terms.importCountry),
      };
      return { record, ...(indexed && { indexed }), facts };
    }),
  );
  const visible = members.filter((member) => maySeeInConsignment(input.caller, member.facts));
  if (visible.length === 0) {
    throw new ForbiddenError(
      `The certificates of consignment ${ucr} are shown to their issuers, the customs and NPPO of the importing ` +
        "country and auditors, and none of them is yours to see: sign in as one of those parties.",
    );
  }
  return { ucr, members: visible };
}
