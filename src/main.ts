/**
 * The composition root: reads the configuration, builds every adapter and hands them to the use
 * cases. Nothing else constructs adapters; tests build the same gateway with other settings.
 *
 * Environment (all optional except the chain settings):
 *   TRADESEAL_DATA_DIR                 ./data: PGlite, Helia and the dev keystore live under it
 *   DATABASE_URL                       a PostgreSQL server instead of embedded PGlite
 *   TRADESEAL_IPFS_URL                 a Kubo / IPFS Cluster RPC API instead of embedded Helia
 *   TRADESEAL_RPC_URL, TRADESEAL_CHAIN_ID
 *   TRADESEAL_CERTIFICATE_REGISTRY, TRADESEAL_AUTHORITY_REGISTRY, TRADESEAL_DEPLOYMENT_BLOCK
 *   TRADESEAL_RELAYER                  the relayer key's address (in the keystore)
 *   TRADESEAL_DEV_KEYSTORE_PASSWORD    DEV-ONLY keystore password
 *   TRADESEAL_CONFIRMATIONS            blocks the indexer stays behind the head (default 0: QBFT finality)
 *   TRADESEAL_GATEWAY_KEY_FILE         the receipt-signing key (private JWK), shared by all instances
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { ValidationError } from "./domain/errors.js";
import { ChainIndexer } from "./application/chain-indexer.js";
import type { GatewayContext } from "./application/gateway-context.js";
import { OutboxWorker } from "./application/outbox-worker.js";
import type { Checkpoint, Clock } from "./application/ports/clock.js";
import type { DocumentStore } from "./application/ports/document-store.js";
import type { KeyRing } from "./application/ports/key-ring.js";
import type { RecipientKeyVault } from "./application/ports/recipient-key-vault.js";
import { createEthersRegistryChain } from "./adapters/chain/ethers-registry-chain.js";
import { createFileGatewaySigner } from "./adapters/crypto/file-gateway-signer.js";
import { createJweDocumentCipher } from "./adapters/crypto/jwe-document-cipher.js";
import { openDatabase } from "./adapters/db/open-database.js";
import { createSqlDocumentRecords } from "./adapters/db/sql-document-records.js";
import { createSqlIdempotencyStore } from "./adapters/db/sql-idempotency-store.js";
import { createSqlKeyDirectory } from "./adapters/db/sql-key-directory.js";
import { createSqlOutboxStore } from "./adapters/db/sql-outbox-store.js";
import { createSqlRegistryIndex } from "./adapters/db/sql-registry-index.js";
import { createSqlRegistryQueries } from "./adapters/db/sql-registry-queries.js";
import { createDevKeystore } from "./adapters/keys/dev-keystore.js";
import { createDevRecipientKeyVault } from "./adapters/keys/dev-recipient-key-vault.js";
import { createHeliaDocumentStore } from "./adapters/storage/helia-document-store.js";
import { createKuboDocumentStore } from "./adapters/storage/kubo-document-store.js";

export interface GatewayConfig {
  dataDir: string;
  databaseUrl?: string;
  ipfsUrl?: string;
  chain: {
    rpcUrl: string;
    chainId: bigint;
    certificateRegistry: string;
    authorityRegistry: string;
    deploymentBlock: number;
    relayer: string;
    requestTimeoutMs?: number;
  };
  /** DEV-ONLY keystore password; production plugs an HSM/KMS key ring in through `keys`. */
  keystorePassword?: string;
  confirmations?: number;
  /** The gateway's receipt key (a private JWK); default `<dataDir>/gateway-key.jwk.json`, created if absent. */
  gatewayKeyFile?: string;
  blockRange?: number;
  settleTimeoutMs?: number;
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
}

export interface GatewayParts {
  /** A key ring to use instead of the dev keystore (HSM, KMS). */
  keys?: KeyRing;
  /** A vault of document-decryption keys to use instead of the dev vault. */
  vault?: RecipientKeyVault;
  checkpoint?: Checkpoint;
  clock?: Clock;
}

export interface Gateway {
  context: GatewayContext;
  /** Starts the outbox worker and the indexer in the background. */
  start(): void;
  /** Stops them and closes the database, storage and chain connection. */
  close(): Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export async function createGateway(config: GatewayConfig, parts: GatewayParts = {}): Promise<Gateway> {
  const clock = parts.clock ?? systemClock;
  const keys =
    parts.keys ??
    createDevKeystore({
      directory: path.join(config.dataDir, "dev-keystore"),
      password: config.keystorePassword ?? "",
    });
  const database = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { directory: path.join(config.dataDir, "pglite") },
  );
  let store: DocumentStore | undefined;
  try {
    store = config.ipfsUrl
      ? createKuboDocumentStore({ url: config.ipfsUrl })
      : await createHeliaDocumentStore({ directory: path.join(config.dataDir, "ipfs") });
    const relayer = await keys.signer(config.chain.relayer);
    const chain = createEthersRegistryChain({
      url: config.chain.rpcUrl,
      chainId: config.chain.chainId,
      certificateRegistry: config.chain.certificateRegistry,
      authorityRegistry: config.chain.authorityRegistry,
      deploymentBlock: config.chain.deploymentBlock,
      relayer,
      requestTimeoutMs: config.chain.requestTimeoutMs,
    });
    const outbox = createSqlOutboxStore(database.db, database.dialect);
    const index = createSqlRegistryIndex(database.db);
    const worker = new OutboxWorker({
      outbox,
      chain,
      keys,
      clock,
      checkpoint: parts.checkpoint,
      retryDelayMs: config.retryDelayMs,
      maxRetryDelayMs: config.maxRetryDelayMs,
    });
    const indexer = new ChainIndexer({
      chain,
      index,
      clock,
      confirmations: config.confirmations,
      blockRange: config.blockRange,
      startBlock: config.chain.deploymentBlock,
    });
    const context: GatewayContext = {
      chain,
      outbox,
      worker,
      index,
      queries: createSqlRegistryQueries(database.db),
      indexer,
      documents: createSqlDocumentRecords(database.db),
      store,
      cipher: createJweDocumentCipher(),
      keyDirectory: createSqlKeyDirectory(database.db),
      keys,
      vault:
        parts.vault ??
        createDevRecipientKeyVault({
          directory: path.join(config.dataDir, "dev-recipient-keys"),
          password: config.keystorePassword ?? "",
        }),
      idempotency: createSqlIdempotencyStore(database.db),
      gatewayKey: await createFileGatewaySigner({
        file: config.gatewayKeyFile ?? path.join(config.dataDir, "gateway-key.jwk.json"),
      }),
      clock,
      randomBytes: (n) => new Uint8Array(randomBytes(n)),
      checkpoint: parts.checkpoint,
      settleTimeoutMs: config.settleTimeoutMs ?? 30_000,
    };
    const opened = store;
    return {
      context,
      start() {
        worker.start();
        indexer.start();
      },
      async close() {
        await Promise.all([worker.stop(), indexer.stop()]);
        await chain.close();
        await opened.close();
        await database.close();
      },
    };
  } catch (error) {
    await store?.close();
    await database.close();
    throw error;
  }
}

/** The configuration from environment variables; says which variable is missing or malformed. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const required = (name: string): string => {
    const value = env[name];
    if (!value) throw new ValidationError(`Set ${name} (see src/main.ts for the gateway's settings).`);
    return value;
  };
  const whole = (name: string, fallback: number): number => {
    const value = env[name];
    if (value === undefined || value === "") return fallback;
    if (!/^\d+$/.test(value)) throw new ValidationError(`${name} must be a whole number, not "${value}".`);
    return Number(value);
  };
  return {
    dataDir: env.TRADESEAL_DATA_DIR ?? path.resolve("data"),
    databaseUrl: env.DATABASE_URL || undefined,
    ipfsUrl: env.TRADESEAL_IPFS_URL || undefined,
    chain: {
      rpcUrl: required("TRADESEAL_RPC_URL"),
      chainId: BigInt(whole("TRADESEAL_CHAIN_ID", 31_337)),
      certificateRegistry: required("TRADESEAL_CERTIFICATE_REGISTRY"),
      authorityRegistry: required("TRADESEAL_AUTHORITY_REGISTRY"),
      deploymentBlock: whole("TRADESEAL_DEPLOYMENT_BLOCK", 0),
      relayer: required("TRADESEAL_RELAYER"),
    },
    keystorePassword: env.TRADESEAL_DEV_KEYSTORE_PASSWORD,
    confirmations: whole("TRADESEAL_CONFIRMATIONS", 0),
    gatewayKeyFile: env.TRADESEAL_GATEWAY_KEY_FILE || undefined,
  };
}
