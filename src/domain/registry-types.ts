/**
 * The registry's on-chain vocabulary, mirrored for TypeScript. The numeric values are the
 * Solidity enum values and must stay in the same order.
 */
export const CertificateType = {
  COO_NONPREFERENTIAL: 0,
  COO_PREFERENTIAL: 1,
  PHYTO: 2,
  PHYTO_REEXPORT: 3,
} as const;
export type CertificateType = (typeof CertificateType)[keyof typeof CertificateType];

export const AuthorityKind = { NONE: 0, CHAMBER: 1, NPPO: 2, CUSTOMS: 3, AUDITOR: 4 } as const;
export type AuthorityKind = (typeof AuthorityKind)[keyof typeof AuthorityKind];

export const AuthorityStatus = { NONE: 0, ACTIVE: 1, SUSPENDED: 2, WITHDRAWN: 3 } as const;
export type AuthorityStatus = (typeof AuthorityStatus)[keyof typeof AuthorityStatus];

export const CertificateStatus = {
  NONE: 0,
  ISSUED: 1,
  SUSPENDED: 2,
  REVOKED: 3,
  SUPERSEDED: 4,
  ACCEPTED: 5,
  REJECTED: 6,
  EXHAUSTED: 7,
} as const;
export type CertificateStatus = (typeof CertificateStatus)[keyof typeof CertificateStatus];

export const CertificateAction = {
  SUSPEND: 0,
  REINSTATE: 1,
  REVOKE: 2,
  REPLACE: 3,
  ACCEPT: 4,
  REJECT: 5,
  DRAW_DOWN: 6,
} as const;
export type CertificateAction = (typeof CertificateAction)[keyof typeof CertificateAction];

/** Bit mask of certificate types, as the registry's `certificateTypes` arguments take it. */
export function typesMask(...types: CertificateType[]): number {
  return types.reduce<number>((mask, t) => mask | (1 << t), 0);
}

export const COO_TYPES = typesMask(CertificateType.COO_NONPREFERENTIAL, CertificateType.COO_PREFERENTIAL);
export const PHYTO_TYPES = typesMask(CertificateType.PHYTO, CertificateType.PHYTO_REEXPORT);

/** Whether the type is a certificate of origin (which can certify a quantity to draw down). */
export function isCoo(type: CertificateType): boolean {
  return (COO_TYPES & (1 << type)) !== 0;
}

/** What the registry commits to for one certificate (Solidity struct `CertificateTerms`). */
export interface CertificateTerms {
  numberHash: string;
  digest: string;
  certificateType: CertificateType;
  exportCountry: string;
  importCountry: string;
  validUntil: bigint;
  quantity: bigint;
  unit: string;
}

/** Solidity ABI types of the terms, in order: the leaf encoding of a batch's Merkle tree. */
export const TERMS_LEAF_TYPES = [
  "bytes32",
  "bytes32",
  "uint8",
  "bytes2",
  "bytes2",
  "uint40",
  "uint96",
  "bytes3",
] as const;
