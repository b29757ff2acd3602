import { cidToBytes } from "../domain/cid-bytes.js";
import type { GatewayContext } from "./gateway-context.js";
import type { IssuedCertificate } from "./issue-certificate.js";
import { checkCertificateId } from "./reason.js";
import { sealAndStore } from "./seal-document.js";
import { submitChainAction } from "./submit-chain-action.js";

/**
 * The issuer replaces a certificate with a new one (under a new number): atomically on chain, the
 * old one becomes SUPERSEDED and links to the new one, which links back.
 */
export async function replaceCertificate(
  ctx: GatewayContext,
  input: { replacedId: string; document: unknown; signer: string; reasonCode: number; wait?: boolean },
): Promise<IssuedCertificate & { replacedId: string }> {
  const replacedId = checkCertificateId(input.replacedId);
  const { record } = await sealAndStore(ctx, input.document);
  const outcome = await submitChainAction(ctx, {
    idempotencyKey: `certificate:${record.issuer}:${record.certificateNumber}`,
    action: {
      action: "ReplaceCertificate",
      issuer: record.issuer,
      replacedId,
      terms: record.terms,
      cid: cidToBytes(record.cid),
      reasonCode: input.reasonCode,
    },
    signer: input.signer,
    documents: [record],
    wait: input.wait,
  });
  return { ...outcome, certificateId: record.certificateId, digest: record.digest, cid: record.cid, replacedId };
}
