import { START_OVER, JournalError, type JournalBlock, type JournalGenesis } from "./chain-journal.js";
import { headerAt, type NodeProvider } from "./node-blocks.js";

export interface Replayed {
  /** The genesis and blocks as this node mined them: the journal's, with this node's hashes. */
  genesis: JournalGenesis;
  blocks: JournalBlock[];
  /** Whether every block came out with the hash the journal recorded. */
  sameHashes: boolean;
}

/**
 * Mines a journal's blocks again on a fresh node: automine off; per block, its transactions sent
 * as signed bytes and one block mined at its timestamp; then automine on again and the node's
 * clock moved to the time of day, so that new blocks carry today's time and not the journal's.
 *
 * Each block must come out with the state root the journal recorded. Its hash may still differ
 * where a header field outside the state does (another genesis time; a Hardhat release that
 * derives prevrandao otherwise): the chain's contents are the same, the caller keeps the new hashes.
 */
export async function replayChain(
  provider: NodeProvider,
  genesis: JournalGenesis,
  blocks: readonly JournalBlock[],
): Promise<Replayed> {
  const chainId = Number(await provider.request({ method: "eth_chainId", params: [] }));
  if (chainId !== genesis.chainId) {
    throw new JournalError(
      `The chain journal is of chain ${genesis.chainId}, this node runs chain ${chainId}. ${START_OVER}`,
    );
  }
  const first = await headerAt(provider, 0);
  if (first.stateRoot !== genesis.stateRoot) {
    throw new JournalError(
      "The chain journal starts from another genesis state than this node's (were the accounts or the " +
        `network settings in hardhat.config.ts changed?). ${START_OVER}`,
    );
  }
  const replayed: JournalBlock[] = [];
  await provider.request({ method: "evm_setAutomine", params: [false] });
  try {
    for (const block of blocks) {
      for (const [i, raw] of block.transactions.entries()) {
        await provider.request({ method: "eth_sendRawTransaction", params: [raw] }).catch((error: unknown) => {
          throw new JournalError(
            `Block ${block.number} of the chain journal does not replay: the node refuses its transaction ${i} ` +
              `(${error instanceof Error ? error.message : String(error)}). ${START_OVER}`,
          );
        });
      }
      await provider.request({ method: "evm_mine", params: [block.timestamp] });
      const mined = await headerAt(provider, block.number);
      if (mined.stateRoot !== block.stateRoot || mined.transactions.length !== block.transactions.length) {
        throw new JournalError(
          `Block ${block.number} of the chain journal replays to another state than it recorded ` +
            `(${mined.transactions.length} of ${block.transactions.length} transactions, state root ${mined.stateRoot}, ` +
            `recorded ${block.stateRoot}). ${START_OVER}`,
        );
      }
      replayed.push({ ...block, hash: mined.hash });
    }
  } finally {
    await provider.request({ method: "evm_setAutomine", params: [true] });
  }
  const last = blocks.at(-1)?.timestamp ?? genesis.timestamp;
  const behind = Math.floor(Date.now() / 1000) - last;
  if (behind > 0) await provider.request({ method: "evm_increaseTime", params: [behind] });
  const sameHashes = first.hash === genesis.hash && replayed.every((block, i) => block.hash === blocks[i].hash);
  return {
    genesis: { ...genesis, hash: first.hash, timestamp: Number(first.timestamp) },
    blocks: replayed,
    sameHashes,
  };
}
