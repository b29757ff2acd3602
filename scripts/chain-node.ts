/**
 * The chain of `npm start`, in a process of its own: Hardhat's node (EDR) on --hostname:--port,
 * kept between runs by the journal under --journal (see chain-journal.ts), because the node itself
 * keeps nothing.
 *   node --import tsx scripts/chain-node.ts --hostname 127.0.0.1 --port 8545 --journal data/chain
 * With a journal, the node starts at the journal's genesis time and mines its blocks again before
 * it listens. From then on it serves clients' requests one at a time and writes every block down
 * before it answers the request that mined it (and so before any other request can see the
 * block): no answer shows a block the journal lacks, however the process ends (only an
 * eth_subscribe notification may come before the block is written down). Requests whose
 * effect the journal could not replay (setting balances, code or storage, impersonation, reverting
 * to a snapshot, interval mining) are refused.
 * Tells the process that started it (over IPC) how the start went: a `ChainNodeReport`.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createHardhatRuntimeEnvironment } from "hardhat/hre";
import type { FailedJsonRpcResponse, JsonRpcRequest } from "hardhat/types/providers";
import config from "../hardhat.config.js";
import { ChainJournal, JournalError } from "./chain-journal.js";
import { headNumber, headerAt, journalBlockAt, type NodeProvider } from "./node-blocks.js";
import { replayChain } from "./replay-chain.js";

export type ChainNodeReport =
  { replayed: number; seconds: number; rehashed: boolean; journal: string } | { refused: string };

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Methods after which the node may have mined: the blocks are written down before the answer. */
const MINING = new Set(["eth_sendTransaction", "eth_sendRawTransaction", "evm_mine", "hardhat_mine"]);

/** Methods that change the chain other than by mined transactions, which the journal could not replay. */
const UNKEPT = new Set([
  "hardhat_setBalance",
  "hardhat_setCode",
  "hardhat_setNonce",
  "hardhat_setStorageAt",
  "hardhat_impersonateAccount",
  "hardhat_reset",
  "hardhat_setCoinbase",
  "hardhat_setPrevRandao",
  "hardhat_setNextBlockBaseFeePerGas",
  "hardhat_setBlockGasLimit",
  "evm_revert",
  "evm_setIntervalMining",
]);

function report(message: ChainNodeReport): Promise<void> {
  return new Promise((resolve) => (process.send ? process.send(message, () => resolve()) : resolve()));
}

function refusal(request: JsonRpcRequest): FailedJsonRpcResponse {
  return {
    jsonrpc: "2.0",
    id: request.id,
    error: {
      code: -32601,
      message:
        `${request.method} is not available on the chain of \`npm start\`: its journal keeps mined transactions ` +
        "only and could not replay this. Use a plain `npx hardhat node` for it.",
    },
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      hostname: { type: "string", default: "127.0.0.1" },
      port: { type: "string", default: "8545" },
      journal: { type: "string", default: path.join(ROOT, "data", "chain") },
    },
  });
  const directory = path.resolve(values.journal);
  const kept = ChainJournal.exists(directory) ? ChainJournal.read(directory) : undefined;
  /** Set once the node holds every block of the journal: from then on, new blocks are written down. */
  let journal: ChainJournal | undefined;
  /** Clients' requests run one at a time, each with its blocks written down before the next one runs. */
  let queue: Promise<unknown> = Promise.resolve();
  /** Marks what runs inside a client's turn. */
  const inTurn = new AsyncLocalStorage<true>();

  // A block that cannot be written down would be missing at the next start, so the node stops
  // rather than go on without it.
  const record = async (provider: NodeProvider, into: ChainJournal): Promise<void> => {
    try {
      const head = await headNumber(provider);
      for (let n = into.headNumber + 1; n <= head; n++) into.append(await journalBlockAt(provider, n));
    } catch (error) {
      console.error(`The chain journal ${into.file} cannot write block ${into.headNumber + 1} down:`, error);
      process.exit(1);
    }
  };

  const hre = await createHardhatRuntimeEnvironment(
    {
      ...config,
      networks: {
        ...config.networks,
        node: {
          type: "edr-simulated",
          // First come, first mined: a block that held several transactions gets them in the same order again.
          mining: { auto: true, mempool: { order: "fifo" } },
          ...(kept && { initialDate: new Date(kept.journal.genesis.timestamp * 1000) }),
        },
      },
    },
    { config: path.join(ROOT, "hardhat.config.ts") },
    ROOT,
  );
  hre.hooks.registerHandlers("network", {
    async newConnection(context, next) {
      const connection = await next(context);
      const started = performance.now();
      let opened: ChainJournal;
      let rehashed = false;
      if (kept) {
        const replayed = await replayChain(connection.provider, kept.journal.genesis, kept.blocks);
        rehashed = !replayed.sameHashes;
        opened = rehashed ? kept.journal.rewrite(replayed.genesis, replayed.blocks) : kept.journal;
      } else {
        const genesis = await headerAt(connection.provider, 0);
        opened = ChainJournal.create(directory, {
          chainId: Number(await connection.provider.request({ method: "eth_chainId", params: [] })),
          timestamp: Number(genesis.timestamp),
          hash: genesis.hash,
          stateRoot: genesis.stateRoot,
        });
      }
      await report({
        replayed: opened.headNumber,
        seconds: (performance.now() - started) / 1000,
        rehashed,
        journal: opened.file,
      });
      journal = opened;
      return connection;
    },
    async onRequest(context, connection, request, next) {
      if (journal === undefined || inTurn.getStore()) return next(context, connection, request);
      if (UNKEPT.has(request.method)) return refusal(request);
      const into = journal;
      // Requests made while a client's request is handled (by the journal, or by Hardhat's own
      // handlers) are part of its turn: they must not wait for it.
      const turn = queue.then(() =>
        inTurn.run(true, async () => {
          try {
            return await next(context, connection, request);
          } finally {
            // A transaction that reverts is mined all the same.
            if (MINING.has(request.method)) await record(connection.provider, into);
          }
        }),
      );
      queue = turn.catch(() => undefined);
      return turn;
    },
  });
  await hre.tasks.getTask("node").run({ hostname: values.hostname, port: Number(values.port) });
}

// The parent stops this process when it stops; without it (killed), nothing would.
process.on("disconnect", () => process.exit(0));

main().catch(async (error: unknown) => {
  if (error instanceof JournalError) await report({ refused: error.message });
  else console.error(error);
  process.exit(1);
});
