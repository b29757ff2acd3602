import { cidToBytes } from "../domain/cid-bytes.js";
import type { GatewayContext } from "./gateway-context.js";
import { sealAndStore } from "./seal-document.js";
import { submitChainAction, type ActionOutcome } from "./submit-chain-action.js";

export interface IssuedCertificate extends ActionOutcome {
  certificateId: string;
  digest: string;
  cid: string;
}

/**
 * Issues one certificate: seals the document, encrypts it for the issuer, the importing side and
 * the auditors, stores the ciphertext, records the anchoring in the outbox together with the
 * salt, and (unless `wait` is false) anchors it with the issuer key's EIP-712 signature.
 * The idempotency key is issuer + certificate number: sending the same certificate again returns
 * the first result; another document under a used number is refused.
 */
export async function issueCertificate(
  ctx: GatewayContext,
  input: { document: unknown; signer: string; wait?: boolean },
): Promise<IssuedCertificate> {
  const { record } = await sealAndStore(ctx, input.document);
  const outcome = await submitChainAction(ctx, {
    idempotencyKey: `certificate:${record.issuer}:${record.certificateNumber}`,
    action: { action: "IssueCertificate", issuer: record.issuer, terms: record.terms, cid: cidToBytes(record.cid) },
    signer: input.signer,
    documents: [record],
    wait: input.wait,
  });
  return { ...outcome, certificateId: record.certificateId, digest: record.digest, cid: record.cid };
}
