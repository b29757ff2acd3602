import { sha256 } from "ethers";
import { certificateId } from "../certificate-terms.js";
import type { CertificateTerms } from "../registry-types.js";
import { canonicalJson } from "./canonical-json.js";
import type { CertificateDocument } from "./certificate-document.js";
import { saltedCanonicalText } from "./document-digest.js";
import { undigestedTerms, withDigest, type UndigestedTerms } from "./document-terms.js";

/**
 * A parsed document reduced to what checking it against the registry needs: its id, its
 * canonical text and its terms but the digest. Plain data (strings and bigints), so it can be
 * made on another thread and sent back cheaply; the salt, looked up by id, completes it.
 */
export interface PreparedDocument {
  /** The registry id: the issuer's authority id and the certificate number. */
  certificateId: string;
  /** RFC 8785 text of the normalized document, without its salt. */
  canonicalDocument: string;
  terms: UndigestedTerms;
}

/** Prepares a document returned by `parseCertificateDocument`. */
export function prepareDocument(document: CertificateDocument): PreparedDocument {
  const terms = undigestedTerms(document);
  return {
    certificateId: certificateId(document.issuer.authorityId, terms.numberHash),
    canonicalDocument: canonicalJson(document),
    terms,
  };
}

/** The chain terms of the prepared document sealed with `salt`: the digest is of `{ salt, document }`. */
export function preparedTerms(prepared: PreparedDocument, salt: string): CertificateTerms {
  const digest = sha256(new TextEncoder().encode(saltedCanonicalText(prepared.canonicalDocument, salt)));
  return withDigest(prepared.terms, digest);
}
