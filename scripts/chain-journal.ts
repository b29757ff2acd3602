/**
 * The demo chain's journal, `<data>/chain/blocks.jsonl`: Hardhat's node keeps its chain in memory
 * only, so `npm start` writes down every block it mines — its number, timestamp, hash, state root
 * and transactions as signed bytes — one JSON line each, after a first line for the genesis block.
 * Mining the same transactions at the same timestamps on a fresh node with the same genesis time
 * rebuilds the same chain (see replay-chain.ts).
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const hash = z.string().regex(/^0x[0-9a-f]{64}$/);
const seconds = z.number().int().nonnegative();

const genesisSchema = z.strictObject({
  chainId: z.number().int().positive(),
  timestamp: seconds,
  hash,
  stateRoot: hash,
});
export type JournalGenesis = z.infer<typeof genesisSchema>;

const blockSchema = z.strictObject({
  number: z.number().int().positive(),
  timestamp: seconds,
  hash,
  stateRoot: hash,
  transactions: z.array(z.string().regex(/^0x(?:[0-9a-f]{2})+$/)),
});
export type JournalBlock = z.infer<typeof blockSchema>;

/** A journal that cannot be read or replayed: only a new chain helps. */
export class JournalError extends Error {}

export const START_OVER = "Run `npm start -- --reset` to start over with a new chain and new demo data.";

export class ChainJournal {
  private constructor(
    readonly file: string,
    readonly genesis: JournalGenesis,
    private head: number,
  ) {}

  static fileIn(directory: string): string {
    return path.join(directory, "blocks.jsonl");
  }

  static exists(directory: string): boolean {
    return existsSync(ChainJournal.fileIn(directory));
  }

  /** Reads the journal under `directory` and the blocks it holds, checking each line. */
  static read(directory: string): { journal: ChainJournal; blocks: JournalBlock[] } {
    const file = ChainJournal.fileIn(directory);
    const lines = readFileSync(file, "utf8").split("\n");
    if (lines.at(-1) === "") lines.pop();
    const parse = <T>(schema: z.ZodType<T>, index: number): T => {
      let value: unknown;
      try {
        value = JSON.parse(lines[index]);
      } catch {
        value = undefined;
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success)
        throw new JournalError(`The chain journal ${file} is damaged at line ${index + 1}. ${START_OVER}`);
      return parsed.data;
    };
    if (lines.length === 0) throw new JournalError(`The chain journal ${file} is empty. ${START_OVER}`);
    const genesis = parse(genesisSchema, 0);
    const blocks = lines.slice(1).map((_, i) => parse(blockSchema, i + 1));
    blocks.forEach((block, i) => {
      if (block.number !== i + 1) {
        throw new JournalError(
          `The chain journal ${file} has block ${block.number} where block ${i + 1} belongs (line ${i + 2}). ${START_OVER}`,
        );
      }
    });
    return { journal: new ChainJournal(file, genesis, blocks.length), blocks };
  }

  /** Starts a journal under `directory` for the chain that begins with `genesis`. */
  static create(directory: string, genesis: JournalGenesis): ChainJournal {
    mkdirSync(directory, { recursive: true });
    const file = ChainJournal.fileIn(directory);
    writeLines(file, [genesis]);
    return new ChainJournal(file, genesis, 0);
  }

  /** The number of the last block written down (0: the genesis block only). */
  get headNumber(): number {
    return this.head;
  }

  /** Writes the next block down, on disk before this returns. */
  append(block: JournalBlock): void {
    if (block.number !== this.head + 1) {
      throw new JournalError(
        `Block ${block.number} cannot follow block ${this.head} in the chain journal ${this.file}.`,
      );
    }
    const fd = openSync(this.file, "a");
    try {
      writeSync(fd, `${JSON.stringify(block)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.head = block.number;
  }

  /**
   * Replaces the journal with the same blocks under other headers (hashes), as a node mined them
   * again: written beside it, then renamed over it, so a crash leaves one or the other whole.
   */
  rewrite(genesis: JournalGenesis, blocks: readonly JournalBlock[]): ChainJournal {
    const draft = `${this.file}.new`;
    writeLines(draft, [genesis, ...blocks]);
    renameSync(draft, this.file);
    return new ChainJournal(this.file, genesis, blocks.length);
  }
}

function writeLines(file: string, lines: readonly object[]): void {
  const fd = openSync(file, "w");
  try {
    writeSync(fd, lines.map((line) => `${JSON.stringify(line)}\n`).join(""));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
