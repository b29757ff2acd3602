import type { JournalBlock } from "./chain-journal.js";
import { rawTransaction, type RpcTransaction } from "./raw-transaction.js";

/** What the scripts ask of a node: EIP-1193 requests. */
export interface NodeProvider {
  request(args: { method: string; params?: unknown[] }): Promise<unknown>;
}

/** A block header as `eth_getBlockByNumber` gives it, with its transactions' hashes or whole. */
export interface RpcBlock<T = string> {
  number: string;
  hash: string;
  timestamp: string;
  stateRoot: string;
  transactions: T[];
}

export async function headerAt(provider: NodeProvider, number: number): Promise<RpcBlock> {
  const block = (await provider.request({ method: "eth_getBlockByNumber", params: [hex(number), false] })) as RpcBlock;
  if (!block) throw new Error(`The node has no block ${number}.`);
  return block;
}

/** The node's block `number` as the journal writes it down. */
export async function journalBlockAt(provider: NodeProvider, number: number): Promise<JournalBlock> {
  const block = (await provider.request({
    method: "eth_getBlockByNumber",
    params: [hex(number), true],
  })) as RpcBlock<RpcTransaction>;
  if (!block) throw new Error(`The node has no block ${number}.`);
  return {
    number,
    timestamp: Number(block.timestamp),
    hash: block.hash,
    stateRoot: block.stateRoot,
    transactions: block.transactions.map(rawTransaction),
  };
}

export async function headNumber(provider: NodeProvider): Promise<number> {
  return Number(await provider.request({ method: "eth_blockNumber", params: [] }));
}

const hex = (n: number): string => `0x${n.toString(16)}`;
