import { sha256 } from "ethers";
import { certificateId, certificateNumberHash } from "../domain/certificate-terms.js";
import { ConflictError, ValidationError } from "../domain/errors.js";
import type { CertificateTerms } from "../domain/registry-types.js";
import { parseCertificateDocument, type CertificateDocument } from "../domain/documents/certificate-document.js";
import { canonicalParsedBytes, newSalt } from "../domain/documents/document-digest.js";
import { documentFacts } from "../domain/documents/document-facts.js";
import { documentTerms } from "../domain/documents/document-terms.js";
import type { GatewayContext } from "./gateway-context.js";
import type { DirectoryEntry } from "./ports/key-directory.js";
import type { DocumentRecord } from "./ports/document-records.js";
import { storeTerms } from "./chain-actions.js";

/** A document made ready to anchor: parsed, salted, digested, with its chain terms and id. */
export interface SealedDocument {
  document: CertificateDocument;
  issuer: number;
  salt: string;
  digest: string;
  terms: CertificateTerms;
  certificateId: string;
  /** What is encrypted and stored: the canonical bytes of {salt, document}, whose SHA-256 is the digest. */
  plaintext: Uint8Array;
}

/** Seals a document returned by `parseCertificateDocument` with `salt`: canonical bytes once, digest of them. */
export function sealWithSalt(document: CertificateDocument, salt: string): SealedDocument {
  const issuer = document.issuer.authorityId;
  const plaintext = canonicalParsedBytes(document, salt);
  const digest = sha256(plaintext);
  const terms = documentTerms(document, digest);
  return { document, issuer, salt, digest, terms, certificateId: certificateId(issuer, terms.numberHash), plaintext };
}

/** The registry id of a parsed document (issuer + certificate number). */
export function idOfDocument(document: CertificateDocument): string {
  return certificateId(document.issuer.authorityId, certificateNumberHash(document.certificateNumber));
}

/**
 * Parses and seals a document. A document this gateway already recorded keeps its salt, so a
 * retried request gives the same digest (and is recognised as the same certificate).
 */
export async function sealDocument(
  ctx: Pick<GatewayContext, "documents" | "randomBytes">,
  input: unknown,
): Promise<SealedDocument> {
  const document = parseCertificateDocument(input);
  const known = await ctx.documents.get(idOfDocument(document));
  return sealWithSalt(document, known?.salt ?? newSalt(ctx.randomBytes));
}

/** Whom a document is encrypted for; refuses when the directory holds no key of the importing side. */
export async function recipientsOf(
  ctx: Pick<GatewayContext, "keyDirectory">,
  query: { issuer: number; importCountry: string; kind: "COO" | "PHYTO" },
): Promise<DirectoryEntry[]> {
  const recipients = await ctx.keyDirectory.recipientsFor(query);
  if (!recipients.some((r) => r.role === "ISSUER")) {
    throw new ValidationError(
      `The key directory holds no key of issuer ${query.issuer}: register the issuer's encryption key first, ` +
        "so the issuer can read its own certificates.",
    );
  }
  return recipients;
}

/**
 * Seals a document for issuance, encrypts it for its recipients and stores the ciphertext.
 * Returns the record to keep with the outbox entry. The same certificate sent again reuses its
 * salt and stored ciphertext; another document under a number already used is refused.
 */
export async function sealAndStore(
  ctx: Pick<GatewayContext, "documents" | "randomBytes" | "keyDirectory" | "cipher" | "store">,
  input: unknown,
): Promise<{ sealed: SealedDocument; record: DocumentRecord }> {
  const sealed = await sealDocument(ctx, input);
  const { document, issuer } = sealed;
  const known = await ctx.documents.get(sealed.certificateId);
  if (known && known.digest !== sealed.digest) {
    throw new ConflictError(
      `Certificate number "${document.certificateNumber}" of issuer ${issuer} was already issued with other content. ` +
        "Use a new number, or replace the certificate.",
      { certificateId: sealed.certificateId },
    );
  }
  const recipients = await recipientsOf(ctx, {
    issuer,
    importCountry: document.importCountry ?? "",
    kind: document.kind,
  });
  const cid = known?.cid ?? (await ctx.store.put(await ctx.cipher.encrypt(sealed.plaintext, recipients)));
  return {
    sealed,
    record: {
      certificateId: sealed.certificateId,
      issuer,
      certificateNumber: document.certificateNumber,
      kind: document.kind,
      salt: sealed.salt,
      digest: sealed.digest,
      cid,
      terms: storeTerms(sealed.terms),
      ucr: document.ucr,
      facts: documentFacts(document),
    },
  };
}
