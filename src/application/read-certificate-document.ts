import { requireReader } from "../domain/access-rules.js";
import type { Caller } from "../domain/caller.js";
import { ForbiddenError, NotFoundError, UnavailableError } from "../domain/errors.js";
import { countryFromCode } from "../domain/certificate-terms.js";
import type { GatewayContext } from "./gateway-context.js";
import { openStoredDocument, type OpenedDocument } from "./open-stored-document.js";
import type { DirectoryEntry } from "./ports/key-directory.js";
import { checkCertificateId } from "./reason.js";

export type ReadDocument =
  | ({ kind: "opened"; cid: string } & OpenedDocument)
  /** The caller holds its own key (this gateway does not): the encrypted envelope, to open locally. */
  | { kind: "envelope"; cid: string; envelope: Uint8Array; kids: string[] };

/**
 * The document of a certificate, for a party it was encrypted for: the issuer, the importing
 * customs (CoO) or NPPO (ePhyto), auditors. Opened with the caller's key when this gateway holds
 * it; otherwise the caller gets the envelope its own key opens.
 */
export async function readCertificateDocument(
  ctx: Pick<GatewayContext, "index" | "documents" | "store" | "cipher" | "keyDirectory" | "vault">,
  input: { caller: Caller; id: string },
): Promise<ReadDocument> {
  const id = checkCertificateId(input.id);
  const indexed = await ctx.index.certificate(id);
  const record = await ctx.documents.get(id);
  if (!indexed && !record) {
    throw new NotFoundError(`No certificate ${id} is known here; check the id (or wait for the index to catch up).`);
  }
  const facts = indexed ?? {
    id,
    issuer: record!.issuer,
    certificateType: Number(record!.terms.certificateType),
    // stored terms hold the registry's bytes2 codes; access rules speak ISO alpha-2
    exportCountry: countryFromCode(String(record!.terms.exportCountry)),
    importCountry: countryFromCode(String(record!.terms.importCountry)),
  };
  requireReader(input.caller, facts);
  const cid = record?.cid ?? indexed?.cid;
  if (!cid) throw new NotFoundError(`This gateway does not know where the document of ${id} is stored yet.`);
  const envelope = await ctx.store.get(cid);
  if (!envelope) {
    throw new UnavailableError(`The encrypted document ${cid} is not in storage yet; try again shortly.`, { cid });
  }
  const kids = ctx.cipher.recipientsOf(envelope);
  const mine = (await ctx.keyDirectory.entries(kids)).filter((entry) => isCallers(entry, input.caller));
  if (mine.length === 0) {
    throw new ForbiddenError(
      `The document of ${id} was not encrypted for a key of yours (${input.caller.role}); ask the issuer to replace it with your key in the directory.`,
    );
  }
  for (const entry of mine) {
    const key = await ctx.vault.get(entry.kid);
    if (!key) continue;
    const opened = await openStoredDocument(ctx, cid, id, key);
    if (opened) return { kind: "opened", cid, ...opened };
  }
  return { kind: "envelope", cid, envelope, kids: mine.map((entry) => entry.kid) };
}

function isCallers(entry: DirectoryEntry, caller: Caller): boolean {
  switch (entry.role) {
    case "ISSUER":
      return caller.role === "issuer" && entry.authorityId === caller.authorityId;
    case "CUSTOMS":
      return caller.role === "customs" && entry.country === caller.country;
    case "NPPO":
      return caller.role === "nppo" && entry.country === caller.country;
    case "AUDITOR":
      return caller.role === "auditor" || caller.role === "admin";
  }
}
