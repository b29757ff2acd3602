import type { Recipient } from "./document-cipher.js";

export type RecipientRole = "ISSUER" | "CUSTOMS" | "NPPO" | "AUDITOR";

export interface DirectoryEntry extends Recipient {
  role: RecipientRole;
  /** The issuing authority's id, for ISSUER keys. */
  authorityId?: number;
  /** ISO 3166-1 alpha-2, for CUSTOMS and NPPO keys. */
  country?: string;
}

/** The gateway's key directory: whom each document is encrypted for. */
export interface KeyDirectory {
  add(entry: DirectoryEntry): Promise<void>;
  /**
   * The issuer's keys, the importing country's customs (CoO) or NPPO (ePhyto) keys, and every
   * auditor's key.
   */
  recipientsFor(query: { issuer: number; importCountry: string; kind: "COO" | "PHYTO" }): Promise<DirectoryEntry[]>;
  /** The entries of those key ids (any order; unknown ids are left out). */
  entries(kids: readonly string[]): Promise<DirectoryEntry[]>;
}
