import type { IndexedCertificate } from "./registry-index.js";

/** Which certificates a search returns; every field narrows it. */
export interface CertificateFilter {
  status?: number;
  certificateTypes?: number[];
  issuer?: number;
  exportCountry?: string;
  importCountry?: string;
  /** Certificate ids (e.g. those of one consignment). */
  ids?: string[];
  /** Issued at or after / before this Unix time (block timestamp). */
  from?: number;
  to?: number;
}

export interface IndexedAuthority {
  id: number;
  country: string;
  kind: number;
  certificateTypes: number;
  status: number;
  name: string;
  registeredBlock: number;
  updatedBlock: number;
}

export interface IndexedSigningKey {
  address: string;
  authorityId: number;
  validFrom: number;
  validUntil: number;
  addedBlock: number;
  endedBlock?: number;
}

/** Read-only queries over the chain index for the API: search, listings, keys. */
export interface RegistryQueries {
  /** Newest first (issuing block, then id); `after` is the last row of the previous page. */
  searchCertificates(
    filter: CertificateFilter,
    page: { limit: number; after?: { issuedBlock: number; id: string } },
  ): Promise<IndexedCertificate[]>;
  authorities(filter: { country?: string }): Promise<IndexedAuthority[]>;
  authority(id: number): Promise<IndexedAuthority | undefined>;
  /** Every key the authority has had, newest first. */
  signingKeys(authorityId: number): Promise<IndexedSigningKey[]>;
  /** The accreditor's address for a country, if one is appointed. */
  accreditor(country: string): Promise<string | undefined>;
}
