import type { ChainEvent } from "./registry-chain.js";

/** A certificate as the index holds it (derived from events only). */
export interface IndexedCertificate {
  id: string;
  issuer: number;
  keyAddress?: string;
  numberHash: string;
  digest: string;
  certificateType: number;
  exportCountry: string;
  importCountry: string;
  validUntil: number;
  quantity: bigint;
  unit: string;
  cid?: string;
  status: number;
  consumed: bigint;
  supersededBy?: string;
  supersedes?: string;
  batchRoot?: string;
  issuedBlock: number;
  issuedAt: number;
}

/** A batch as the index holds it: its members have no certificate of their own until promoted. */
export interface IndexedBatch {
  root: string;
  issuer: number;
  /** ISSUED, or REVOKED with the whole batch. */
  status: number;
  anchoredBlock: number;
  /** Unix seconds of the anchoring block. */
  anchoredAt: number;
}

/** One event in a certificate's or an authority's history, in chain order. */
export interface HistoryEntry {
  blockNumber: number;
  logIndex: number;
  blockTime: number;
  transactionHash: string;
  name: string;
  certificateId?: string;
  batchRoot?: string;
  authorityId?: number;
  args: Record<string, string | number | boolean>;
}

export interface IndexedDrawdown {
  blockNumber: number;
  authorityId: number;
  declarationHash: string;
  amount: bigint;
  remaining: bigint;
  importCountryUnnamed: boolean;
}

/** The block the index holds every event up to. */
export interface IndexPosition {
  blockNumber: number;
  blockHash: string;
}

/** The SQL index of the registries' events, written by the indexer only. */
export interface RegistryIndex {
  position(): Promise<IndexPosition | undefined>;
  /** Applies the events of blocks up to `upTo` (inclusive) and moves the position there, atomically. */
  apply(events: readonly ChainEvent[], blockTimes: ReadonlyMap<number, number>, upTo: IndexPosition): Promise<void>;
  /** Forgets everything derived from the chain, for a rebuild from block 0. */
  clear(): Promise<void>;
  certificate(id: string): Promise<IndexedCertificate | undefined>;
  batch(root: string): Promise<IndexedBatch | undefined>;
  certificateHistory(id: string): Promise<HistoryEntry[]>;
  /** The events of a batch as a whole (anchored, revoked), not its members'. */
  batchHistory(root: string): Promise<HistoryEntry[]>;
  authorityHistory(authorityId: number): Promise<HistoryEntry[]>;
  drawdowns(id: string): Promise<IndexedDrawdown[]>;
  /** Every row derived from the chain, in a fixed order: two indexes of one chain compare equal. */
  snapshot(): Promise<Record<string, unknown[]>>;
}
