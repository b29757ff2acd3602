import type {
  AuthorityKind,
  CertificateStatus,
  CertificateTerms,
  CertificateType,
} from "../../domain/registry-types.js";
import { TradesealError } from "../../domain/errors.js";
import type { ActionSigner } from "./key-ring.js";

/** A block the gateway read state at. */
export interface BlockRef {
  number: number;
  hash: string;
  timestamp: number;
}

/** One decoded event of either registry, in chain order by (blockNumber, logIndex). */
export interface ChainEvent {
  blockNumber: number;
  blockHash: string;
  logIndex: number;
  transactionHash: string;
  /** The block's timestamp, when the node sends it with the log (saves a header read). */
  blockTime?: number;
  contract: "AuthorityRegistry" | "CertificateRegistry";
  name: string;
  /** Named arguments: hex strings for bytes/addresses, numbers for small integers, decimal strings for uint96+. */
  args: Record<string, string | number | boolean>;
}

export interface CertificateRecord {
  status: CertificateStatus;
  certificateType: CertificateType;
  /** ISO 3166-1 alpha-2, or "" when the certificate names no importing country. */
  importCountry: string;
  issuer: number;
}

export interface AuthorityRecord {
  id: number;
  country: string;
  kind: AuthorityKind;
  status: number;
  certificateTypes: number;
}

/** An authority key's EIP-712 authorization of one action (Solidity `Authorization`, compact signature). */
export interface Authorization {
  signer: string;
  deadline: bigint;
  nonce: bigint;
  signature: string;
}

/** A registry function call, before encoding: the function name and its arguments in ABI order. */
export interface RegistryCall {
  contract: "AuthorityRegistry" | "CertificateRegistry";
  method: string;
  args: readonly unknown[];
}

export interface SignedTransaction {
  raw: string;
  hash: string;
  from: string;
  nonce: number;
}

export interface TransactionReceipt {
  hash: string;
  blockNumber: number;
  succeeded: boolean;
  events: ChainEvent[];
}

/** The registry reverted the call: `errorName` is the contract's custom error, `args` its arguments. */
export class ChainRevertError extends TradesealError {
  readonly errorName: string;
  readonly errorArgs: readonly unknown[];

  constructor(errorName: string, errorArgs: readonly unknown[], message: string) {
    super("CHAIN_REVERT", message, { error: errorName, args: errorArgs.map(String) });
    this.errorName = errorName;
    this.errorArgs = errorArgs;
  }
}

/**
 * The permissioned EVM chain and the two registries on it. Reads take the block to read at, so
 * one verification reads one consistent state. Every method throws `UnavailableError` when the
 * node cannot be reached, and `ChainRevertError` when the registry refuses a call.
 */
export interface RegistryChain {
  readonly chainId: bigint;
  readonly certificateRegistryAddress: string;
  readonly authorityRegistryAddress: string;
  /** The relayer account that submits authorities' signed actions and pays for them. */
  readonly relayerAddress: string;

  block(tag: number | "latest"): Promise<BlockRef>;
  certificate(id: string, blockNumber: number): Promise<CertificateRecord>;
  matchesTerms(id: string, terms: CertificateTerms, blockNumber: number): Promise<boolean>;
  consumedQuantity(id: string, blockNumber: number): Promise<bigint>;
  supersededBy(id: string, blockNumber: number): Promise<string | undefined>;
  /** The leaf's certificate id and status, or `undefined` when the proof does not hold. */
  verifyBatchLeaf(
    root: string,
    terms: CertificateTerms,
    proof: readonly string[],
    blockNumber: number,
  ): Promise<{ id: string; status: CertificateStatus } | undefined>;
  wasAccreditedAt(authorityId: number, type: CertificateType, timepoint: number, blockNumber: number): Promise<boolean>;
  wasKeyValidAt(authorityId: number, key: string, timepoint: number, blockNumber: number): Promise<boolean>;
  authority(authorityId: number, blockNumber: number): Promise<AuthorityRecord>;
  /** The signer's next EIP-712 nonce at the latest block. */
  signerNonce(signer: string): Promise<bigint>;
  /** The event that created the certificate's record (`CertificateIssued` or `BatchLeafRecorded`). */
  issuanceEvent(id: string, toBlock: number): Promise<ChainEvent | undefined>;
  /** The `BatchAnchored` event of a batch root. */
  batchAnchoredEvent(root: string, toBlock: number): Promise<ChainEvent | undefined>;
  /** Every event of both registries in [fromBlock, toBlock], in chain order. */
  events(fromBlock: number, toBlock: number): Promise<ChainEvent[]>;

  /** Encodes a call, e.g. `issueCertificateWithSig(terms, cid, authorization)`. */
  encode(call: RegistryCall): { to: string; data: string };
  /** Runs the call without sending it; throws `ChainRevertError` when the registry would refuse it. */
  simulate(from: string, tx: { to: string; data: string }): Promise<void>;
  /** Signs a transaction as the relayer, or as `signer` for the key's own calls, with the next account nonce. */
  signTransaction(tx: { to: string; data: string }, signer?: ActionSigner): Promise<SignedTransaction>;
  /** Sends a signed transaction; sending one the node already has is not an error. */
  broadcast(tx: SignedTransaction): Promise<void>;
  /** The receipt, or `undefined` while the transaction is not mined (or unknown to the node). */
  receipt(hash: string): Promise<TransactionReceipt | undefined>;
  /** Forgets cached account nonces, e.g. after a transaction was dropped. */
  resetAccountNonces(): void;
  close(): Promise<void>;
}
