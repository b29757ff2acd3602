import type { StoredTerms } from "../chain-actions.js";

/**
 * What the issuing gateway keeps of a document it anchored: the salt (never published: it keeps a
 * short document from being guessed from its on-chain digest), the digest, the CID of the
 * encrypted document and, for a batch member, its Merkle proof; and, for auditors and customs, the
 * consignment's UCR and figures read from the document (see documentFacts).
 */
export interface DocumentRecord {
  certificateId: string;
  issuer: number;
  certificateNumber: string;
  kind: "COO" | "PHYTO";
  salt: string;
  digest: string;
  cid: string;
  terms: StoredTerms;
  batchRoot?: string;
  proof?: string[];
  /** The consignment's WCO Unique Consignment Reference, shared by its CoO and ePhyto. */
  ucr?: string;
  /** kind, exportCountry, importCountry, exportDeclaration; for a CoO certifiedQuantity, certifiedUnit, invoiceValue, invoiceCurrency. */
  facts?: Record<string, string | number>;
}

export interface DocumentRecords {
  get(certificateId: string): Promise<DocumentRecord | undefined>;
  /** The records of those ids this gateway holds (any order). */
  getMany(certificateIds: readonly string[]): Promise<DocumentRecord[]>;
  byBatch(root: string): Promise<DocumentRecord[]>;
  /** The records of one consignment (its CoO, its ePhyto…), oldest first. */
  byUcr(ucr: string): Promise<DocumentRecord[]>;
}
