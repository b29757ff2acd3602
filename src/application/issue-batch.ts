import { buildBatchTree } from "../domain/batch-tree.js";
import { cidToBytes } from "../domain/cid-bytes.js";
import { ConflictError, ValidationError } from "../domain/errors.js";
import { parseCertificateDocument } from "../domain/documents/certificate-document.js";
import { newSalt } from "../domain/documents/document-digest.js";
import { documentFacts } from "../domain/documents/document-facts.js";
import { storeTerms } from "./chain-actions.js";
import type { GatewayContext } from "./gateway-context.js";
import type { DocumentRecord } from "./ports/document-records.js";
import { idOfDocument, recipientsOf, sealWithSalt, type SealedDocument } from "./seal-document.js";
import { submitChainAction, type ActionOutcome } from "./submit-chain-action.js";

/** At most this many certificates under one root (the registry counts them in a uint32; this keeps a batch's work bounded). */
export const MAX_BATCH = 50_000;

export interface IssuedBatch extends ActionOutcome {
  root: string;
  /** CID of the batch manifest (plain JSON: the encrypted parts and what they hold). */
  manifestCid: string;
  certificates: { certificateId: string; certificateNumber: string; digest: string; cid: string; proof: string[] }[];
}

/**
 * Issues many certificates of one issuer under one Merkle root: one signature, one transaction.
 * Documents are encrypted per importing side (one part per importing country and kind, readable
 * by the issuer, that country's customs or NPPO, and the auditors), so no importing country reads
 * another's certificates. The manifest lists the parts; its CID is anchored with the root.
 */
export async function issueBatch(
  ctx: GatewayContext,
  input: { documents: readonly unknown[]; signer: string; wait?: boolean },
): Promise<IssuedBatch> {
  if (input.documents.length === 0) throw new ValidationError("A batch needs at least one certificate.");
  if (input.documents.length > MAX_BATCH) {
    throw new ValidationError(`A batch holds at most ${MAX_BATCH} certificates; split the ${input.documents.length}.`);
  }
  const parsed = input.documents.map((d, i) => {
    try {
      return parseCertificateDocument(d);
    } catch (error) {
      if (error instanceof ValidationError) {
        throw new ValidationError(`Certificate ${i + 1} of the batch: ${error.message}`, {
          index: i,
          ...error.details,
        });
      }
      throw error;
    }
  });
  const issuer = parsed[0].issuer.authorityId;
  if (parsed.some((d) => d.issuer.authorityId !== issuer)) {
    throw new ValidationError("Every certificate of a batch must have the same issuer; send one batch per issuer.");
  }
  const ids = parsed.map(idOfDocument);
  if (new Set(ids).size !== ids.length) {
    throw new ValidationError("The batch holds the same certificate number twice; each number is used once.");
  }
  const known = new Map((await ctx.documents.getMany(ids)).map((r) => [r.certificateId, r]));
  const sealed = parsed.map((d, i) => sealWithSalt(d, known.get(ids[i])?.salt ?? newSalt(ctx.randomBytes)));
  const tree = buildBatchTree(sealed.map((s) => s.terms));
  const taken = sealed.filter((s) => {
    const record = known.get(s.certificateId);
    return record && record.batchRoot !== tree.root;
  });
  if (taken.length > 0) {
    throw new ConflictError(
      `Certificate number(s) ${taken.map((s) => `"${s.document.certificateNumber}"`).join(", ")} of issuer ${issuer} ` +
        "were already issued; remove them from the batch or give them new numbers.",
      { certificateIds: taken.map((s) => s.certificateId) },
    );
  }

  const parts = await storeParts(ctx, issuer, tree.root, sealed);
  const manifest = {
    version: 1,
    root: tree.root,
    issuer,
    count: sealed.length,
    parts: parts.map(({ kind, importCountry, cid, members }) => ({ kind, importCountry, cid, count: members.length })),
  };
  const manifestCid = await ctx.store.put(new TextEncoder().encode(JSON.stringify(manifest)));
  const partOf = new Map<string, string>();
  for (const part of parts) for (const i of part.members) partOf.set(sealed[i].certificateId, part.cid);

  const records: DocumentRecord[] = sealed.map((s, i) => ({
    certificateId: s.certificateId,
    issuer,
    certificateNumber: s.document.certificateNumber,
    kind: s.document.kind,
    salt: s.salt,
    digest: s.digest,
    cid: partOf.get(s.certificateId)!,
    terms: storeTerms(s.terms),
    batchRoot: tree.root,
    proof: tree.proofs[i],
    ucr: s.document.ucr,
    facts: documentFacts(s.document),
  }));
  const types = sealed.reduce((mask, s) => mask | (1 << s.terms.certificateType), 0);
  const outcome = await submitChainAction(ctx, {
    idempotencyKey: `batch:${issuer}:${tree.root}`,
    action: {
      action: "AnchorBatch",
      root: tree.root,
      certificateTypes: types,
      count: sealed.length,
      cid: cidToBytes(manifestCid),
    },
    signer: input.signer,
    documents: records,
    wait: input.wait,
  });
  return {
    ...outcome,
    root: tree.root,
    manifestCid,
    certificates: records.map((r) => ({
      certificateId: r.certificateId,
      certificateNumber: r.certificateNumber,
      digest: r.digest,
      cid: r.cid,
      proof: r.proof!,
    })),
  };
}

interface StoredPart {
  kind: "COO" | "PHYTO";
  importCountry: string;
  cid: string;
  members: number[];
}

/** One encrypted part per (kind, importing country): {"documents":[{salt, document}…],"root":…} in canonical JSON. */
async function storeParts(
  ctx: GatewayContext,
  issuer: number,
  root: string,
  sealed: readonly SealedDocument[],
): Promise<StoredPart[]> {
  const groups = new Map<string, StoredPart>();
  sealed.forEach((s, i) => {
    const importCountry = s.document.importCountry ?? "";
    const key = `${s.document.kind}:${importCountry}`;
    const group = groups.get(key) ?? { kind: s.document.kind, importCountry, cid: "", members: [] };
    group.members.push(i);
    groups.set(key, group);
  });
  const decoder = new TextDecoder();
  for (const part of groups.values()) {
    const recipients = await recipientsOf(ctx, { issuer, importCountry: part.importCountry, kind: part.kind });
    const body = part.members.map((i) => decoder.decode(sealed[i].plaintext)).join(",");
    const plaintext = new TextEncoder().encode(`{"documents":[${body}],"root":"${root}"}`);
    part.cid = await ctx.store.put(await ctx.cipher.encrypt(plaintext, recipients));
  }
  return [...groups.values()];
}
