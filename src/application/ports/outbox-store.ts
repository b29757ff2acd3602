import type { ChainAction } from "../chain-actions.js";
import type { Authorization, SignedTransaction } from "./registry-chain.js";
import type { DocumentRecord } from "./document-records.js";

export type OutboxStatus = "PENDING" | "SENT" | "CONFIRMED" | "FAILED";

/** What was signed for an entry, stored before the transaction is sent so a restart resends the same one. */
export interface PreparedSend {
  authorization?: { signer: string; nonce: string; deadline: string; signature: string };
  transaction: SignedTransaction;
}

export interface OutboxEntry {
  id: number;
  idempotencyKey: string;
  action: ChainAction;
  /** The key that authorizes the action (signs it, or sends it for direct actions). */
  signer: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date;
  prepared?: PreparedSend;
  blockNumber?: number;
  result?: Record<string, unknown>;
  lastError?: string;
}

export interface NewOutboxEntry {
  idempotencyKey: string;
  action: ChainAction;
  signer: string;
}

export type OutboxPatch = Partial<
  Pick<OutboxEntry, "status" | "attempts" | "nextAttemptAt" | "blockNumber" | "result" | "lastError">
> & { prepared?: PreparedSend | null };

/** The durable outbox: every chain write is recorded here before it is sent. */
export interface OutboxStore {
  /**
   * Records the entry, and the documents it anchors, in one transaction. An entry with the same
   * idempotency key is not recorded twice: the existing one is returned with `created: false`.
   */
  enqueue(
    entry: NewOutboxEntry,
    documents?: readonly DocumentRecord[],
  ): Promise<{ entry: OutboxEntry; created: boolean }>;
  byKey(idempotencyKey: string): Promise<OutboxEntry | undefined>;
  /** Entries still PENDING or SENT, oldest first. */
  open(limit: number): Promise<OutboxEntry[]>;
  update(id: number, patch: OutboxPatch): Promise<void>;
  counts(): Promise<Record<OutboxStatus, number>>;
  /**
   * Runs `work` holding the outbox's sending lease, so that of several gateway instances sharing
   * one database only one sends at a time (EIP-712 and account nonces are sequential). Resolves
   * to `undefined`, without running `work`, while another instance holds it.
   */
  withLease<T>(work: () => Promise<T>): Promise<T | undefined>;
}

export type { Authorization };
