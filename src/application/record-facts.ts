import { UnavailableError } from "../domain/errors.js";
import { unpackTerms } from "../domain/certificate-terms.js";
import { CertificateStatus, isCoo, type CertificateTerms } from "../domain/registry-types.js";
import type { GatewayContext } from "./gateway-context.js";
import type { BlockRef, CertificateRecord, ChainEvent, RegistryChain } from "./ports/registry-chain.js";

/** What signed a certificate and whether its issuer could sign it then. */
export interface SigningFacts {
  /** The issuance, or for a batch member the batch's anchoring: the block and key to check. */
  signed: ChainEvent;
  issuer: number;
  key: string;
  issuedAt: number;
  accredited: boolean;
  keyValid: boolean;
}

/** Everything a verification reads from the chain about one certificate, at one block. */
export interface RecordFacts {
  record: CertificateRecord;
  /** Absent when nothing is anchored under the id. */
  anchored?: {
    terms: CertificateTerms;
    signing: SigningFacts;
    /** CoO with a quantity: how much has been drawn down. */
    consumed?: bigint;
    /** SUPERSEDED: the replacement's id. */
    supersededBy?: string;
  };
}

/**
 * The record facts of `id` at `head`, read once per block for every caller: the record does not
 * change until a new block does.
 */
export function recordFactsAt(
  ctx: Pick<GatewayContext, "chain" | "memo">,
  id: string,
  head: BlockRef,
): Promise<RecordFacts> {
  return ctx.memo.atBlock.get(head.hash, `record:${id}`, () => readRecordFacts(ctx.chain, id, head.number));
}

async function readRecordFacts(chain: RegistryChain, id: string, block: number): Promise<RecordFacts> {
  // Independent reads at one block go together (one JSON-RPC batch).
  const [record, issuance, consumed] = await Promise.all([
    chain.certificate(id, block),
    chain.issuanceEvent(id, block),
    chain.consumedQuantity(id, block),
  ]);
  if (record.status === CertificateStatus.NONE) return { record };
  if (!issuance) throw new UnavailableError("The certificate's issuance event could not be found on the node.");
  const terms = unpackTerms(
    String(issuance.args.numberHash),
    String(issuance.args.digest),
    BigInt(String(issuance.args.terms)),
  );
  const [signing, supersededBy] = await Promise.all([
    signingFactsOf(chain, issuance, record.issuer, terms.certificateType, block),
    record.status === CertificateStatus.SUPERSEDED ? chain.supersededBy(id, block) : Promise.resolve(undefined),
  ]);
  const drawable = isCoo(terms.certificateType) && terms.quantity !== 0n;
  return {
    record,
    anchored: {
      terms,
      signing,
      ...(drawable && { consumed }),
      ...(supersededBy !== undefined && { supersededBy }),
    },
  };
}

/**
 * The issuer's accreditation for the type and its key's validity at the block that signed the
 * certificate: its issuance, or for a batch member the batch's anchoring.
 */
export async function signingFactsOf(
  chain: RegistryChain,
  issuance: ChainEvent,
  issuer: number,
  type: CertificateTerms["certificateType"],
  block: number,
): Promise<SigningFacts> {
  // A batch leaf was signed when its batch was anchored: that block and key are the ones to check.
  let signed = issuance;
  if (issuance.name === "BatchLeafRecorded") {
    const anchoring = await chain.batchAnchoredEvent(String(issuance.args.root), block);
    if (!anchoring) throw new UnavailableError("The batch's anchoring event could not be found on the node.");
    signed = anchoring;
  }
  const key = String(signed.args.key);
  // Nodes that send the block's time with its logs spare a header read.
  const issuedAt = signed.blockTime ?? (await chain.block(signed.blockNumber)).timestamp;
  const [accredited, keyValid] = await Promise.all([
    chain.wasAccreditedAt(issuer, type, issuedAt, block),
    chain.wasKeyValidAt(issuer, key, issuedAt, block),
  ]);
  return { signed, issuer, key, issuedAt, accredited, keyValid };
}
