import type { Caller } from "../domain/caller.js";
import type { VerificationResult } from "../domain/verification.js";
import { consignmentMembers } from "./consignment-members.js";
import type { GatewayContext } from "./gateway-context.js";
import type { IndexedCertificate } from "./ports/registry-index.js";
import { verifyCertificate } from "./verify-certificate.js";

export interface ConsignmentCertificate {
  id: string;
  /** Absent until its block is indexed, and for a batch member without a record of its own. */
  indexed?: IndexedCertificate;
  verification: VerificationResult;
}

/**
 * Every certificate of a consignment (WCO UCR) that the caller may see, oldest first, each with
 * its verification by id (status, issuer, usage; the contents are checked by whoever opens them).
 */
export async function consignmentCertificates(
  ctx: GatewayContext,
  input: { caller: Caller; ucr: string },
): Promise<{ ucr: string; certificates: ConsignmentCertificate[] }> {
  const { ucr, members } = await consignmentMembers(ctx, input);
  const certificates = await Promise.all(
    members.map(async ({ record, indexed }) => ({
      id: record.certificateId,
      ...(indexed && { indexed }),
      verification: await verifyCertificate(ctx, { id: record.certificateId }),
    })),
  );
  return { ucr, certificates };
}
