import type { TypedDataDomain, TypedDataField } from "ethers";

/**
 * EIP-712 types of the registry's signed actions, exactly as contracts/types/SignedActions.sol
 * hashes them. An authority key signs one of these; any relayer submits it with the
 * `...WithSig` function of the same name.
 */
const terms: TypedDataField[] = [
  { name: "numberHash", type: "bytes32" },
  { name: "digest", type: "bytes32" },
  { name: "certificateType", type: "uint8" },
  { name: "exportCountry", type: "bytes2" },
  { name: "importCountry", type: "bytes2" },
  { name: "validUntil", type: "uint40" },
  { name: "quantity", type: "uint96" },
  { name: "unit", type: "bytes3" },
];

const nonceAndDeadline: TypedDataField[] = [
  { name: "nonce", type: "uint256" },
  { name: "deadline", type: "uint256" },
];

function action(fields: TypedDataField[]): TypedDataField[] {
  return [...fields, ...nonceAndDeadline];
}

export const SIGNED_ACTION_TYPES = {
  IssueCertificate: {
    IssueCertificate: action([
      { name: "terms", type: "CertificateTerms" },
      { name: "cid", type: "bytes" },
    ]),
    CertificateTerms: terms,
  },
  ReplaceCertificate: {
    ReplaceCertificate: action([
      { name: "replacedId", type: "bytes32" },
      { name: "terms", type: "CertificateTerms" },
      { name: "cid", type: "bytes" },
      { name: "reasonCode", type: "uint8" },
    ]),
    CertificateTerms: terms,
  },
  SuspendCertificate: {
    SuspendCertificate: action([
      { name: "id", type: "bytes32" },
      { name: "reasonCode", type: "uint8" },
    ]),
  },
  ReinstateCertificate: { ReinstateCertificate: action([{ name: "id", type: "bytes32" }]) },
  RevokeCertificate: {
    RevokeCertificate: action([
      { name: "id", type: "bytes32" },
      { name: "reasonCode", type: "uint8" },
      { name: "reasonHash", type: "bytes32" },
    ]),
  },
  AcceptCertificate: { AcceptCertificate: action([{ name: "id", type: "bytes32" }]) },
  RejectCertificate: {
    RejectCertificate: action([
      { name: "id", type: "bytes32" },
      { name: "reasonCode", type: "uint8" },
      { name: "reasonHash", type: "bytes32" },
    ]),
  },
  DrawDown: {
    DrawDown: action([
      { name: "id", type: "bytes32" },
      { name: "declarationHash", type: "bytes32" },
      { name: "amount", type: "uint96" },
    ]),
  },
  AnchorBatch: {
    AnchorBatch: action([
      { name: "root", type: "bytes32" },
      { name: "certificateTypes", type: "uint8" },
      { name: "count", type: "uint32" },
      { name: "cid", type: "bytes" },
    ]),
  },
  RevokeBatch: {
    RevokeBatch: action([
      { name: "root", type: "bytes32" },
      { name: "reasonCode", type: "uint8" },
      { name: "reasonHash", type: "bytes32" },
    ]),
  },
  PromoteBatchLeaf: {
    PromoteBatchLeaf: action([
      { name: "root", type: "bytes32" },
      { name: "leaf", type: "bytes32" },
    ]),
  },
  RevokeBatchLeaf: {
    RevokeBatchLeaf: action([
      { name: "root", type: "bytes32" },
      { name: "leaf", type: "bytes32" },
      { name: "reasonCode", type: "uint8" },
      { name: "reasonHash", type: "bytes32" },
    ]),
  },
} as const satisfies Record<string, Record<string, TypedDataField[]>>;

export type SignedActionName = keyof typeof SIGNED_ACTION_TYPES;

/** The registry's EIP-712 domain on one chain. */
export function registryDomain(chainId: bigint, registryAddress: string): TypedDataDomain {
  return { name: "Tradeseal", version: "1", chainId, verifyingContract: registryAddress };
}
