import { ValidationError } from "../domain/errors.js";
import { parseCertificateDocument, type CertificateDocument } from "../domain/documents/certificate-document.js";
import type { GatewayContext } from "./gateway-context.js";
import type { RecipientPrivateKey } from "./ports/document-cipher.js";
import { idOfDocument } from "./seal-document.js";

/** A stored document, decrypted: the certificate and the salt it was sealed with. */
export interface OpenedDocument {
  document: CertificateDocument;
  salt: string;
}

/**
 * Reads a stored envelope (a single certificate, or a batch part holding many) with a
 * recipient's private key and returns the certificate `certificateId`. `undefined` when the
 * storage does not hold the CID.
 */
export async function openStoredDocument(
  ctx: Pick<GatewayContext, "store" | "cipher">,
  cid: string,
  certificateId: string,
  key: RecipientPrivateKey,
): Promise<OpenedDocument | undefined> {
  const envelope = await ctx.store.get(cid);
  if (!envelope) return undefined;
  const plaintext = JSON.parse(new TextDecoder().decode(await ctx.cipher.decrypt(envelope, key))) as {
    salt?: string;
    document?: unknown;
    documents?: { salt: string; document: unknown }[];
  };
  const entries = plaintext.documents ?? [{ salt: plaintext.salt ?? "", document: plaintext.document }];
  for (const entry of entries) {
    const document = parseCertificateDocument(entry.document);
    if (idOfDocument(document) === certificateId) return { document, salt: entry.salt };
  }
  throw new ValidationError(`The stored document ${cid} does not hold certificate ${certificateId}.`);
}
