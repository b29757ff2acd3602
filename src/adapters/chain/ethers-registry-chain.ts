import {
  FetchRequest,
  JsonRpcProvider,
  Network,
  Transaction,
  isError,
  toQuantity,
  type TransactionRequest,
} from "ethers";
import type { CertificateStatus, CertificateTerms, CertificateType } from "../../domain/registry-types.js";
import { TradesealError, UnavailableError } from "../../domain/errors.js";
import { countryFromCode } from "../../domain/certificate-terms.js";
import type { ActionSigner } from "../../application/ports/key-ring.js";
import {
  ChainRevertError,
  type AuthorityRecord,
  type BlockRef,
  type CertificateRecord,
  type ChainEvent,
  type RegistryCall,
  type RegistryChain,
  type SignedTransaction,
  type TransactionReceipt,
} from "../../application/ports/registry-chain.js";
import { AuthorityRegistry__factory, CertificateRegistry__factory } from "../../../types/ethers-contracts/index.js";
import {
  authorityRegistryInterface,
  certificateRegistryInterface,
  createRegistryLogDecoder,
  decodeRegistryError,
} from "./registry-abi.js";

/** A log as eth_getLogs returns it (quantities in hex). */
interface JsonRpcLog {
  address: string;
  topics: string[];
  data: string;
  blockNumber: string;
  blockHash: string;
  logIndex: string;
  transactionHash: string;
  blockTimestamp?: string;
}

/** A log with numbers as numbers, from the node or from an ethers receipt. */
interface NodeLog {
  address: string;
  topics: readonly string[];
  data: string;
  blockNumber: number;
  blockHash: string;
  index: number;
  transactionHash: string;
  blockTimestamp?: number;
}

function nodeLog(log: JsonRpcLog): NodeLog {
  return {
    address: log.address,
    topics: log.topics,
    data: log.data,
    blockNumber: Number(log.blockNumber),
    blockHash: log.blockHash,
    index: Number(log.logIndex),
    transactionHash: log.transactionHash,
    ...(log.blockTimestamp !== undefined && { blockTimestamp: Number(log.blockTimestamp) }),
  };
}

export interface EthersRegistryChainOptions {
  /** JSON-RPC URL of the node, e.g. http://127.0.0.1:8545. */
  url: string;
  chainId: bigint;
  certificateRegistry: string;
  authorityRegistry: string;
  /** The relayer's key: it submits signed actions and pays their gas. */
  relayer: ActionSigner;
  /** How long one JSON-RPC request may take before the node counts as unreachable. */
  requestTimeoutMs?: number;
  /** The block the registries were deployed at: where event searches start. */
  deploymentBlock?: number;
  /**
   * How old the latest block read may be before it is read again, in ms (0: every read asks the
   * node). Concurrent readers share one request; a receipt this gateway reads makes the next read
   * fresh, so its own transactions are seen at once.
   */
  headMaxAgeMs?: number;
}

/** Extra gas on top of the node's estimate, in percent: state can change between estimate and inclusion. */
const GAS_MARGIN_PERCENT = 20n;

/**
 * The registries through ethers v6 on any JSON-RPC node (Hardhat, Besu, GoQuorum, anvil). The
 * network is fixed at construction (no detection loop), so an unreachable node fails each call
 * promptly with `UnavailableError` instead of retrying forever.
 */
export function createEthersRegistryChain(options: EthersRegistryChainOptions): RegistryChain {
  const request = new FetchRequest(options.url);
  request.timeout = options.requestTimeoutMs ?? 10_000;
  const provider = new JsonRpcProvider(request, Network.from(options.chainId), {
    staticNetwork: true,
    // no response cache: a verification must read the chain as it is now, not 250 ms ago
    cacheTimeout: -1,
    // concurrent reads (one verification's, many callers') travel in one JSON-RPC batch, sent on
    // the next tick; a node's error for one call fails only that call
    batchStallTime: 0,
    batchMaxCount: 50,
  });
  // Typed contracts generated from the ABIs (hardhat-typechain).
  const certificates = CertificateRegistry__factory.connect(options.certificateRegistry, provider);
  const authorities = AuthorityRegistry__factory.connect(options.authorityRegistry, provider);
  const deploymentBlock = options.deploymentBlock ?? 0;
  const nextNonce = new Map<string, number>();
  const contractOf = (name: RegistryCall["contract"]): string =>
    name === "CertificateRegistry" ? options.certificateRegistry : options.authorityRegistry;

  /** Runs one node call, turning transport failures and reverts into the gateway's errors. */
  async function node<T>(what: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw translate(error, what, options.url);
    }
  }

  const decode = createRegistryLogDecoder({
    CertificateRegistry: options.certificateRegistry,
    AuthorityRegistry: options.authorityRegistry,
  });

  function toEvents(logs: readonly NodeLog[]): ChainEvent[] {
    const events: ChainEvent[] = [];
    for (const log of logs) {
      const decoded = decode(log);
      if (!decoded) continue;
      events.push({
        blockNumber: log.blockNumber,
        blockHash: log.blockHash,
        logIndex: log.index,
        transactionHash: log.transactionHash,
        ...(log.blockTimestamp !== undefined && { blockTime: log.blockTimestamp }),
        ...decoded,
      });
    }
    return events.sort((a, b) => a.blockNumber - b.blockNumber || a.logIndex - b.logIndex);
  }

  /**
   * eth_getLogs sent as is: ethers' log objects drop `blockTimestamp`, which nodes that send it
   * (Hardhat, Geth ≥ 1.14, Besu) spare the indexer one block-header read per block.
   */
  async function getLogs(filter: {
    address: string | string[];
    fromBlock: number;
    toBlock: number;
    topics?: unknown[];
  }) {
    const raw = (await provider.send("eth_getLogs", [
      { ...filter, fromBlock: toQuantity(filter.fromBlock), toBlock: toQuantity(filter.toBlock) },
    ])) as JsonRpcLog[];
    return toEvents(raw.map(nodeLog));
  }

  async function accountNonce(address: string): Promise<number> {
    const key = address.toLowerCase();
    const cached = nextNonce.get(key);
    const nonce = cached ?? (await provider.getTransactionCount(address, "pending"));
    nextNonce.set(key, nonce + 1);
    return nonce;
  }

  const readBlock = (tag: number | "latest") =>
    node("read a block", async () => {
      const block = await provider.getBlock(tag);
      if (!block?.hash) throw new UnavailableError(`The chain node has no block ${tag} yet.`);
      return { number: block.number, hash: block.hash, timestamp: block.timestamp } satisfies BlockRef;
    });
  const latest = recentValue(() => readBlock("latest"), options.headMaxAgeMs ?? 0);

  return {
    chainId: options.chainId,
    certificateRegistryAddress: options.certificateRegistry,
    authorityRegistryAddress: options.authorityRegistry,
    relayerAddress: options.relayer.address,

    block: (tag) => (tag === "latest" ? latest.get() : readBlock(tag)),

    certificate: (id, blockNumber) =>
      node("read a certificate", async () => {
        const [status, certificateType, importCountry, issuer] = await certificates.certificate(id, {
          blockTag: blockNumber,
        });
        return {
          status: Number(status) as CertificateStatus,
          certificateType: Number(certificateType) as CertificateType,
          importCountry: countryFromCode(importCountry),
          issuer: Number(issuer),
        } satisfies CertificateRecord;
      }),

    matchesTerms: (id, terms, blockNumber) =>
      node("compare a certificate's terms", async () =>
        certificates.matchesTerms(id, terms, { blockTag: blockNumber }),
      ),

    consumedQuantity: (id, blockNumber) =>
      node("read a drawdown balance", async () => certificates.consumedQuantity(id, { blockTag: blockNumber })),

    supersededBy: (id, blockNumber) =>
      node("read a replacement link", async () => {
        const replacement = await certificates.supersededBy(id, { blockTag: blockNumber });
        return /^0x0+$/.test(replacement) ? undefined : replacement;
      }),

    verifyBatchLeaf: async (root: string, terms: CertificateTerms, proof: readonly string[], blockNumber: number) => {
      try {
        const [id, status] = await node("verify a batch leaf", () =>
          certificates.verifyBatchLeaf(root, terms, [...proof], { blockTag: blockNumber }),
        );
        return { id, status: Number(status) as CertificateStatus };
      } catch (error) {
        if (error instanceof ChainRevertError) return undefined;
        throw error;
      }
    },

    wasAccreditedAt: (authorityId, type, timepoint, blockNumber) =>
      node("read an accreditation", async () =>
        authorities.wasAccreditedAt(authorityId, type, timepoint, { blockTag: blockNumber }),
      ),

    wasKeyValidAt: (authorityId, key, timepoint, blockNumber) =>
      node("read a signing key's validity", async () =>
        authorities.wasKeyValidAt(authorityId, key, timepoint, { blockTag: blockNumber }),
      ),

    authority: (authorityId, blockNumber) =>
      node("read an authority", async () => {
        const record = await authorities.authority(authorityId, { blockTag: blockNumber });
        return {
          id: authorityId,
          country: countryFromCode(record.country),
          kind: Number(record.kind) as AuthorityRecord["kind"],
          status: Number(record.status),
          certificateTypes: Number(record.certificateTypes),
        } satisfies AuthorityRecord;
      }),

    signerNonce: (signer) => node("read a signer's nonce", () => certificates.nonces(signer, { blockTag: "latest" })),

    issuanceEvent: (id, toBlock) =>
      node("find a certificate's issuance", async () => {
        const events = await getLogs({
          address: options.certificateRegistry,
          fromBlock: deploymentBlock,
          toBlock,
          topics: [
            [
              certificateRegistryInterface.getEvent("CertificateIssued")!.topicHash,
              certificateRegistryInterface.getEvent("BatchLeafRecorded")!.topicHash,
            ],
            id,
          ],
        });
        return events[0];
      }),

    batchAnchoredEvent: (root, toBlock) =>
      node("find a batch's anchoring", async () => {
        const events = await getLogs({
          address: options.certificateRegistry,
          fromBlock: deploymentBlock,
          toBlock,
          topics: [certificateRegistryInterface.getEvent("BatchAnchored")!.topicHash, root],
        });
        return events[0];
      }),

    events: (fromBlock, toBlock) =>
      node("read registry events", () =>
        getLogs({ address: [options.certificateRegistry, options.authorityRegistry], fromBlock, toBlock }),
      ),

    encode: (call) => {
      const iface = call.contract === "CertificateRegistry" ? certificateRegistryInterface : authorityRegistryInterface;
      return { to: contractOf(call.contract), data: iface.encodeFunctionData(call.method, call.args) };
    },

    simulate: (from, tx) =>
      node("check a transaction", async () => {
        await provider.call({ from, to: tx.to, data: tx.data, blockTag: "latest" });
      }),

    signTransaction: async (tx, signer) => {
      const account = signer ?? options.relayer;
      return node("prepare a transaction", async () => {
        const [gas, fees] = await Promise.all([
          provider.estimateGas({ from: account.address, to: tx.to, data: tx.data }),
          provider.getFeeData(),
        ]);
        const nonce = await accountNonce(account.address);
        const request: TransactionRequest = {
          chainId: options.chainId,
          nonce,
          to: tx.to,
          data: tx.data,
          gasLimit: gas + (gas * GAS_MARGIN_PERCENT) / 100n,
          ...(fees.maxFeePerGas !== null
            ? { type: 2, maxFeePerGas: fees.maxFeePerGas, maxPriorityFeePerGas: fees.maxPriorityFeePerGas ?? 0n }
            : { type: 0, gasPrice: fees.gasPrice ?? 0n }),
        };
        const raw = await account.signTransaction(request);
        return { raw, hash: Transaction.from(raw).hash!, from: account.address, nonce } satisfies SignedTransaction;
      });
    },

    broadcast: (tx) =>
      node("send a transaction", async () => {
        try {
          await provider.send("eth_sendRawTransaction", [tx.raw]);
        } catch (error) {
          const message = errorText(error);
          if (/already known|known transaction|already imported/i.test(message)) return;
          if (/nonce too low|nonce has already been used|Nonce too low/i.test(message)) {
            nextNonce.delete(tx.from.toLowerCase());
            throw new TradesealError(
              "STALE_TRANSACTION",
              `Account ${tx.from} has already used nonce ${tx.nonce}; the transaction must be prepared again.`,
            );
          }
          // The node mined it and it reverted (Hardhat reports that on send): the receipt tells.
          if (isError(error, "CALL_EXCEPTION") || /revert/i.test(message)) return;
          throw error;
        }
      }),

    receipt: (hash) =>
      node("read a receipt", async () => {
        const receipt = await provider.getTransactionReceipt(hash);
        if (!receipt) return undefined;
        latest.forget();
        return {
          hash,
          blockNumber: receipt.blockNumber,
          succeeded: receipt.status === 1,
          events: toEvents(receipt.logs.map((log) => ({ ...log, index: log.index }))),
        } satisfies TransactionReceipt;
      }),

    resetAccountNonces: () => nextNonce.clear(),

    close: () => {
      provider.destroy();
      return Promise.resolve();
    },
  };
}

/**
 * A value read at most `maxAgeMs` ago, with concurrent readers sharing one read; `forget()` makes
 * the next reader read anew. A failed read is not kept.
 */
function recentValue<T>(read: () => Promise<T>, maxAgeMs: number): { get(): Promise<T>; forget(): void } {
  let kept: { value: Promise<T>; at: number } | undefined;
  return {
    get() {
      if (maxAgeMs <= 0) return read();
      const now = performance.now();
      if (kept && now - kept.at < maxAgeMs) return kept.value;
      const entry = { value: read(), at: now };
      kept = entry;
      entry.value.catch(() => {
        if (kept === entry) kept = undefined;
      });
      return entry.value;
    },
    forget() {
      kept = undefined;
    },
  };
}

function errorText(error: unknown): string {
  if (error instanceof Error) {
    const info = (error as { info?: { error?: { message?: string } } }).info;
    return `${error.message} ${info?.error?.message ?? ""}`;
  }
  return String(error);
}

/** Transport failures become UnavailableError; registry reverts become ChainRevertError. */
function translate(error: unknown, what: string, url: string): unknown {
  if (error instanceof TradesealError) return error;
  if (isError(error, "CALL_EXCEPTION")) {
    const data = typeof error.data === "string" ? error.data : undefined;
    const decoded = data ? decodeRegistryError(data) : undefined;
    if (decoded) {
      const args = decoded.args.map((a: unknown) => (typeof a === "bigint" ? a.toString() : a));
      return new ChainRevertError(
        decoded.name,
        args,
        `The registry refused to ${what}: ${decoded.name}(${args.map(String).join(", ")}).`,
      );
    }
    return new ChainRevertError(
      "Unknown",
      [],
      `The registry refused to ${what} without a known reason (${error.shortMessage}).`,
    );
  }
  const message = errorText(error);
  if (
    isError(error, "TIMEOUT") ||
    isError(error, "NETWORK_ERROR") ||
    isError(error, "SERVER_ERROR") ||
    /ECONNREFUSED|ECONNRESET|socket hang up|fetch failed|EHOSTUNREACH|ETIMEDOUT/i.test(message)
  ) {
    return new UnavailableError(
      `The chain node at ${url} cannot be reached to ${what}; check that it is running and reachable, then try again.`,
      { url },
      { cause: error },
    );
  }
  return error;
}
