import { acknowledgerRole, mayReadDocument } from "../domain/access-rules.js";
import type { Caller } from "../domain/caller.js";
import {
  buildDeclarationDraft,
  type DeclarationDraft,
  type DraftCandidate,
} from "../domain/declarations/declaration-draft.js";
import { TradesealError } from "../domain/errors.js";
import { CertificateStatus } from "../domain/registry-types.js";
import { consignmentMembers, type ConsignmentMember } from "./consignment-members.js";
import type { GatewayContext } from "./gateway-context.js";
import { readCertificateDocument } from "./read-certificate-document.js";
import { verifyCertificate } from "./verify-certificate.js";
import { verifyParsedDocument } from "./verify-document.js";

/**
 * A pre-filled import declaration for a consignment (WCO UCR), from those of its certificates
 * the caller may see that verify VALID. A document the caller may read is opened and verified
 * as opened, so the draft holds exactly what was anchored; one encrypted for another party
 * (an ePhyto, for customs) is verified by id and lends only its registry facts.
 */
export async function declarationDraft(
  ctx: GatewayContext,
  input: { caller: Caller; ucr: string },
): Promise<DeclarationDraft> {
  const { ucr, members } = await consignmentMembers(ctx, input);
  const candidates = await Promise.all(members.map((member) => candidateOf(ctx, input.caller, member)));
  return buildDeclarationDraft({ ucr, candidates });
}

async function candidateOf(ctx: GatewayContext, caller: Caller, member: ConsignmentMember): Promise<DraftCandidate> {
  const { facts } = member;
  const id = member.record.certificateId;
  const registry = {
    certificateId: id,
    certificateType: facts.certificateType,
    exportCountry: facts.exportCountry,
    importCountry: facts.importCountry,
  };
  let withheld: string;
  if (mayReadDocument(caller, facts)) {
    try {
      const read = await readCertificateDocument(ctx, { caller, id });
      if (read.kind === "opened") {
        const verification = await verifyParsedDocument(ctx, { document: read.document, salt: read.salt });
        return { ...registry, ...statusOf(member, verification), verification, document: read.document };
      }
      withheld = "This gateway does not hold your decryption key: open the document with your own key to compare it.";
    } catch (error) {
      // A document that cannot be opened now lends no contents; its verification below says why.
      if (!(error instanceof TradesealError)) throw error;
      withheld = error.message;
    }
  } else {
    withheld =
      `Its document is encrypted for its issuer, the ${acknowledgerRole(facts.certificateType)} of the importing ` +
      "country and auditors: only its registry facts (type, status, countries) are used.";
  }
  const verification = await verifyCertificate(ctx, { id });
  return { ...registry, ...statusOf(member, verification), verification, withheld };
}

/** The registry status as the verification read it from the chain, or the index's when the chain was not reached. */
function statusOf(
  member: ConsignmentMember,
  verification: DraftCandidate["verification"],
): Pick<DraftCandidate, "status"> {
  const read = verification.fragments.find((f) => f.name === "DOCUMENT_STATUS")?.data?.status;
  if (typeof read === "string") return { status: read };
  const indexed = member.indexed?.status;
  const name = Object.keys(CertificateStatus).find(
    (key) => CertificateStatus[key as keyof typeof CertificateStatus] === indexed,
  );
  return name ? { status: name } : {};
}
