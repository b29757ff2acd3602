import { BackgroundLoop } from "./background-loop.js";
import type { Clock } from "./ports/clock.js";
import type { ChainEvent, RegistryChain } from "./ports/registry-chain.js";
import type { IndexPosition, RegistryIndex } from "./ports/registry-index.js";

export interface ChainIndexerOptions {
  chain: RegistryChain;
  index: RegistryIndex;
  clock: Clock;
  /** Blocks behind the head the index stays; 0 on an instant-finality chain (QBFT, IBFT). */
  confirmations?: number;
  /** At most this many blocks per eth_getLogs request. */
  blockRange?: number;
  /** The registries' deployment block: nothing before it is read. */
  startBlock?: number;
}

/**
 * Follows the registries' events into the index, in bounded block ranges, `confirmations` blocks
 * behind the head. Each range is applied in one database transaction together with the new
 * position, so a crash never leaves half a range. If the block the index stands on is no longer
 * on the chain (a reorganisation deeper than `confirmations`), the index is rebuilt.
 */
export class ChainIndexer {
  private readonly chain: RegistryChain;
  private readonly index: RegistryIndex;
  private readonly clock: Clock;
  private readonly confirmations: number;
  private readonly blockRange: number;
  private readonly startBlock: number;
  private running: Promise<IndexPosition | undefined> = Promise.resolve(undefined);
  private readonly loop: BackgroundLoop;
  private seen: string | undefined;
  private changes = 0;

  constructor(options: ChainIndexerOptions) {
    this.chain = options.chain;
    this.index = options.index;
    this.clock = options.clock;
    this.confirmations = options.confirmations ?? 0;
    this.blockRange = options.blockRange ?? 2_000;
    this.startBlock = options.startBlock ?? 0;
    this.loop = new BackgroundLoop(this.clock, async () => {
      await this.catchUp();
      return false;
    });
  }

  /** The block the index is current to, if it has indexed anything. */
  position(): Promise<IndexPosition | undefined> {
    return this.index.position();
  }

  /**
   * A number that changes whenever this indexer sees the index change (its own writes, or another
   * instance's found on its next pass): what reads of the index are remembered against.
   */
  version(): string {
    return String(this.changes);
  }

  /** Indexes every confirmed block not yet indexed; resolves to the new position. */
  catchUp(): Promise<IndexPosition | undefined> {
    this.running = this.running.then(
      () => this.follow(),
      () => this.follow(),
    );
    return this.running;
  }

  /** Forgets the index and replays the chain from the start block. */
  rebuild(): Promise<IndexPosition | undefined> {
    this.running = this.running.then(
      () => this.replay(),
      () => this.replay(),
    );
    return this.running;
  }

  /** Catches up every `intervalMs` until `stop()`. */
  start(intervalMs = 500): void {
    this.loop.start(intervalMs);
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    await this.running.catch(() => undefined);
  }

  private async replay(): Promise<IndexPosition | undefined> {
    await this.index.clear();
    this.observe(undefined, true);
    return this.follow();
  }

  /**
   * Notes where the index stands: `wrote` when this indexer changed it; a position this indexer
   * did not write (another instance's) changes the version too.
   */
  private observe(position: IndexPosition | undefined, wrote?: boolean): void {
    const seen = position ? `${position.blockNumber}:${position.blockHash}` : "";
    if (wrote ?? seen !== this.seen) this.changes += 1;
    this.seen = seen;
  }

  private async follow(): Promise<IndexPosition | undefined> {
    let position = await this.index.position();
    this.observe(position);
    const latest = await this.chain.block("latest");
    if (position) {
      // The block the index stands on must still be on the chain (a reorganisation deeper than the
      // confirmation depth, or a chain reset, replaces it): otherwise start over.
      const gone = latest.number < position.blockNumber;
      if (gone || (await this.chain.block(position.blockNumber)).hash !== position.blockHash) return this.replay();
    }
    const head = latest.number - this.confirmations;
    let from = position ? position.blockNumber + 1 : this.startBlock;
    while (from <= head) {
      const to = Math.min(head, from + this.blockRange - 1);
      const [events, last] = await Promise.all([this.chain.events(from, to), this.chain.block(to)]);
      const times = await this.blockTimes(events, last);
      position = { blockNumber: to, blockHash: last.hash };
      await this.index.apply(events, times, position);
      this.observe(position, events.length > 0);
      from = to + 1;
    }
    return position;
  }

  /** Timestamps of the blocks that hold events: from the logs, else one header each, fetched concurrently. */
  private async blockTimes(events: readonly ChainEvent[], last: { number: number; timestamp: number }) {
    const times = new Map<number, number>([[last.number, last.timestamp]]);
    for (const event of events) if (event.blockTime !== undefined) times.set(event.blockNumber, event.blockTime);
    const wanted = [...new Set(events.map((e) => e.blockNumber))].filter((n) => !times.has(n));
    for (let i = 0; i < wanted.length; i += 50) {
      const blocks = await Promise.all(wanted.slice(i, i + 50).map((n) => this.chain.block(n)));
      for (const block of blocks) times.set(block.number, block.timestamp);
    }
    return times;
  }
}
