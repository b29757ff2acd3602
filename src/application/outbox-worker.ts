import { UnavailableError, TradesealError } from "../domain/errors.js";
import { CertificateStatus } from "../domain/registry-types.js";
import { registryDomain } from "../domain/signed-actions.js";
import { certificateId } from "../domain/certificate-terms.js";
import {
  directCall,
  isSignedAction,
  loadTerms,
  relayedCall,
  signedMessage,
  signedTypes,
  type ChainAction,
} from "./chain-actions.js";
import { definedOnly } from "./defined-only.js";
import { SerialPasses } from "./serial-passes.js";
import type { Checkpoint, Clock } from "./ports/clock.js";
import type { KeyRing } from "./ports/key-ring.js";
import type { OutboxEntry, OutboxStore, PreparedSend } from "./ports/outbox-store.js";
import { ChainRevertError, type RegistryChain, type TransactionReceipt } from "./ports/registry-chain.js";

export interface OutboxWorkerOptions {
  outbox: OutboxStore;
  chain: RegistryChain;
  keys: KeyRing;
  clock: Clock;
  checkpoint?: Checkpoint;
  /** How long an authority's signature stays valid (EIP-712 deadline), in seconds. */
  signatureLifetimeSeconds?: number;
  /** First retry delay after a failure; it doubles per attempt up to `maxRetryDelayMs`. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  /** A reverted transaction is prepared again at most this many times before the entry fails. */
  maxReverts?: number;
}

/** A settled entry: CONFIRMED with its result, or FAILED with the reason. */
export type Settled = OutboxEntry & { status: "CONFIRMED" | "FAILED" };

/**
 * Sends the outbox's entries to the chain, one at a time per signing key (each authority's
 * EIP-712 nonces are sequential) and reconciles them on every pass: an entry found SENT after a
 * restart is confirmed from its receipt, or its stored transaction is sent again; an issuance
 * already on chain is confirmed without sending anything. Within a process, passes never overlap.
 * One worker per relayer key: several gateway instances sharing a database each need their own
 * relayer key and must not run workers over the same entries.
 */
export class OutboxWorker {
  private readonly options: Required<Omit<OutboxWorkerOptions, "checkpoint">> & { checkpoint?: Checkpoint };
  private readonly passes: SerialPasses;

  constructor(options: OutboxWorkerOptions) {
    this.options = {
      signatureLifetimeSeconds: 3_600,
      retryDelayMs: 250,
      maxRetryDelayMs: 15_000,
      maxReverts: 3,
      // a setting given as undefined keeps its default
      ...definedOnly(options),
    };
    this.passes = new SerialPasses(options.clock, () => this.pass());
  }

  /** One pass over the open entries; resolves to how many entries moved on. Never overlaps another pass. */
  runOnce(): Promise<number> {
    return this.passes.runOnce();
  }

  /** Runs passes until `stop()`: at once while there is work, else every `idleMs`. */
  start(idleMs = 500): void {
    this.passes.start(idleMs);
  }

  async stop(): Promise<void> {
    await this.passes.stop();
  }

  /**
   * Runs passes until the entry is CONFIRMED or FAILED, or `timeoutMs` passes; returns the entry
   * as it then stands (PENDING or SENT when the chain could not be reached in time).
   */
  async settle(idempotencyKey: string, timeoutMs: number): Promise<OutboxEntry> {
    const until = this.options.clock.now().getTime() + timeoutMs;
    for (;;) {
      await this.runOnce();
      const entry = await this.options.outbox.byKey(idempotencyKey);
      if (!entry) throw new TradesealError("NOT_FOUND", `No outbox entry "${idempotencyKey}".`);
      if (entry.status === "CONFIRMED" || entry.status === "FAILED") return entry;
      const now = this.options.clock.now().getTime();
      if (now >= until) return entry;
      const wait = Math.max(10, Math.min(entry.nextAttemptAt.getTime() - now, until - now, 1_000));
      await this.options.clock.sleep(wait);
    }
  }

  private async pass(): Promise<number> {
    return (await this.options.outbox.withLease(() => this.passHoldingLease())) ?? 0;
  }

  private async passHoldingLease(): Promise<number> {
    const now = this.options.clock.now();
    const open = await this.options.outbox.open(1_000);
    // The oldest open entry of each signer; later ones wait for it.
    const heads = new Map<string, OutboxEntry>();
    for (const entry of open) if (!heads.has(entry.signer)) heads.set(entry.signer, entry);
    let moved = 0;
    for (const entry of heads.values()) {
      if (entry.nextAttemptAt > now) continue;
      try {
        if (await this.advance(entry)) moved++;
      } catch (error) {
        // A missing key or a malformed action will not get better by waiting; the chain or storage might.
        if (
          error instanceof TradesealError &&
          !(error instanceof UnavailableError) &&
          error.code !== "STALE_TRANSACTION"
        ) {
          await this.fail(entry, error);
          moved++;
        } else {
          await this.retryLater(entry, error);
        }
      }
    }
    return moved;
  }

  /** Moves one entry on; true when its status changed. */
  private async advance(entry: OutboxEntry): Promise<boolean> {
    if (entry.status === "SENT" && entry.prepared) return this.followUp(entry, entry.prepared);
    // An entry sent before (then reset) may have landed after all; a fresh one cannot have.
    if (entry.attempts > 0 && (await this.alreadyOnChain(entry.action))) {
      await this.confirm(entry, undefined, { reconciled: true, ...this.expectedResult(entry.action) });
      return true;
    }
    let prepared: PreparedSend;
    try {
      prepared = await this.prepare(entry);
    } catch (error) {
      if (error instanceof ChainRevertError) {
        // A batch anchored before a crash is refused as existing: it is ours, so it is done.
        if (entry.action.action === "AnchorBatch" && error.errorName === "CertificateRegistryBatchExists") {
          await this.confirm(entry, undefined, { reconciled: true, root: entry.action.root });
        } else {
          await this.fail(entry, error);
        }
        return true;
      }
      throw error;
    }
    // Stored before it is sent: after a crash the same transaction is sent again, never a second one.
    await this.options.outbox.update(entry.id, { status: "SENT", prepared, attempts: entry.attempts + 1 });
    await this.options.chain.broadcast(prepared.transaction);
    await this.options.checkpoint?.("sent", entry.idempotencyKey);
    await this.followUp({ ...entry, status: "SENT", prepared, attempts: entry.attempts + 1 }, prepared);
    return true;
  }

  /** A SENT entry: confirm it from its receipt, or send the stored transaction again. */
  private async followUp(entry: OutboxEntry, prepared: PreparedSend): Promise<boolean> {
    const { chain } = this.options;
    let receipt = await chain.receipt(prepared.transaction.hash);
    if (!receipt) {
      try {
        await chain.broadcast(prepared.transaction);
      } catch (error) {
        if (error instanceof TradesealError && error.code === "STALE_TRANSACTION") {
          // Its account nonce went to another transaction: done already, or to be prepared anew.
          if (await this.alreadyOnChain(entry.action)) {
            await this.confirm(entry, undefined, { reconciled: true, ...this.expectedResult(entry.action) });
          } else {
            await this.options.outbox.update(entry.id, { status: "PENDING", prepared: null });
          }
          return true;
        }
        throw error;
      }
      receipt = await chain.receipt(prepared.transaction.hash);
      if (!receipt) {
        await this.options.outbox.update(entry.id, { nextAttemptAt: this.later(entry.attempts) });
        return false;
      }
    }
    if (receipt.succeeded) {
      await this.confirm(entry, receipt, resultOf(receipt));
      return true;
    }
    // Reverted after it passed simulation: the state moved underneath. Prepare again (the
    // simulation then names the reason) unless that keeps happening.
    if (entry.attempts >= this.options.maxReverts) {
      await this.fail(entry, new ChainRevertError("Reverted", [], `The transaction reverted ${entry.attempts} times.`));
    } else {
      await this.options.outbox.update(entry.id, { status: "PENDING", prepared: null });
    }
    return true;
  }

  private async prepare(entry: OutboxEntry): Promise<PreparedSend> {
    const { chain, keys, clock } = this.options;
    const signer = await keys.signer(entry.signer);
    const action = entry.action;
    if (!isSignedAction(action)) {
      return { transaction: await chain.signTransaction(chain.encode(directCall(action)), signer) };
    }
    const nonce = await chain.signerNonce(signer.address);
    const deadline = BigInt(Math.floor(clock.now().getTime() / 1000) + this.options.signatureLifetimeSeconds);
    const types = signedTypes(action) as unknown as Parameters<typeof signer.signTypedData>[1];
    const signature = await signer.signTypedData(
      registryDomain(chain.chainId, chain.certificateRegistryAddress),
      types,
      { ...signedMessage(action), nonce, deadline },
    );
    const authorization = { signer: signer.address, nonce, deadline, signature };
    const transaction = await chain.signTransaction(chain.encode(relayedCall(action, authorization)));
    return {
      authorization: { signer: signer.address, nonce: nonce.toString(), deadline: deadline.toString(), signature },
      transaction,
    };
  }

  /** Whether the action's effect is already recorded: only issuances and batches can tell by their id. */
  private async alreadyOnChain(action: ChainAction): Promise<boolean> {
    const expected = this.expectedResult(action);
    if (!expected.certificateId || action.action === "AnchorBatch") return false;
    const head = await this.options.chain.block("latest");
    const record = await this.options.chain.certificate(expected.certificateId, head.number);
    if (record.status === CertificateStatus.NONE) return false;
    if (action.action !== "IssueCertificate" && action.action !== "ReplaceCertificate") return false;
    return this.options.chain.matchesTerms(expected.certificateId, loadTerms(action.terms), head.number);
  }

  private expectedResult(action: ChainAction): { certificateId?: string } {
    if (action.action === "IssueCertificate" || action.action === "ReplaceCertificate") {
      return { certificateId: certificateId(action.issuer, action.terms.numberHash) };
    }
    return {};
  }

  private async confirm(entry: OutboxEntry, receipt: TransactionReceipt | undefined, result: Record<string, unknown>) {
    await this.options.outbox.update(entry.id, {
      status: "CONFIRMED",
      ...(receipt && { blockNumber: receipt.blockNumber }),
      result: { ...result, ...(receipt && { transactionHash: receipt.hash }) },
      lastError: undefined,
    });
    await this.options.checkpoint?.("confirmed", entry.idempotencyKey);
  }

  private async fail(entry: OutboxEntry, error: TradesealError): Promise<void> {
    await this.options.outbox.update(entry.id, {
      status: "FAILED",
      prepared: null,
      lastError: error.message,
      result:
        error instanceof ChainRevertError
          ? { error: error.errorName, args: error.errorArgs.map(String) }
          : { error: error.code, args: [] },
    });
  }

  private async retryLater(entry: OutboxEntry, error: unknown): Promise<void> {
    const attempts = entry.attempts + 1;
    const reason =
      error instanceof UnavailableError || error instanceof TradesealError
        ? error.message
        : `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    await this.options.outbox.update(entry.id, { attempts, nextAttemptAt: this.later(attempts), lastError: reason });
  }

  /** Exponential backoff with jitter, so many waiting entries do not retry in step. */
  private later(attempts: number): Date {
    const { retryDelayMs, maxRetryDelayMs, clock } = this.options;
    const delay = Math.min(maxRetryDelayMs, retryDelayMs * 2 ** Math.max(0, attempts - 1));
    return new Date(clock.now().getTime() + delay / 2 + Math.random() * (delay / 2));
  }
}

/** What a confirmed transaction produced, read from its events. */
function resultOf(receipt: TransactionReceipt): Record<string, unknown> {
  const result: Record<string, unknown> = { events: receipt.events.map((e) => e.name) };
  for (const event of receipt.events) {
    if (event.name === "CertificateIssued" || event.name === "BatchLeafRecorded") result.certificateId = event.args.id;
    if (event.name === "AuthorityRegistered") result.authorityId = event.args.authorityId;
    if (event.name === "BatchAnchored") result.root = event.args.root;
  }
  return result;
}
