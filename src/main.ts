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
 *   TRADESEAL_HEAD_MAX_AGE_MS          how old the head a verification reads at may be (default 250; 0: always ask)
 *   TRADESEAL_WEBHOOK_PRIVATE_ADDRESSES  "allow": webhooks may reach loopback/private addresses (default: public only)
 *   TRADESEAL_DOCUMENT_THREADS         threads parsing large presented documents (default: one per core; 0: none)
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import { existsSync } from "node:fs";
import path from "node:path";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ValidationError } from "./domain/errors.js";
import { createApp } from "./http/create-app.js";
import type { HttpConfig } from "./http/http-deps.js";
import { ChainIndexer } from "./application/chain-indexer.js";
import type { GatewayContext } from "./application/gateway-context.js";
import { GenerationMemo } from "./application/generation-memo.js";
import { Notifier } from "./application/notifier.js";
import { OutboxWorker } from "./application/outbox-worker.js";
import { WebhookDeliverer } from "./application/webhook-deliverer.js";
import type { Checkpoint, Clock } from "./application/ports/clock.js";
import { inlineDocumentPreparer, type DocumentPreparer } from "./application/ports/document-preparer.js";
import type { DocumentStore } from "./application/ports/document-store.js";
import type { KeyRing } from "./application/ports/key-ring.js";
import type { RecipientKeyVault } from "./application/ports/recipient-key-vault.js";
import { createEthersRegistryChain } from "./adapters/chain/ethers-registry-chain.js";
import { createFileGatewaySigner } from "./adapters/crypto/file-gateway-signer.js";
import { createJweDocumentCipher } from "./adapters/crypto/jwe-document-cipher.js";
import { openDatabase } from "./adapters/db/open-database.js";
import { createDevTokenIssuer, type DevTokenIssuer } from "./adapters/auth/dev-token-issuer.js";
import { createJoseTokenVerifier } from "./adapters/auth/jose-token-verifier.js";
import { createSqlAuditQueries } from "./adapters/db/sql-audit-queries.js";
import { createSqlDeclarationLog } from "./adapters/db/sql-declaration-log.js";
import { createSqlDocumentRecords } from "./adapters/db/sql-document-records.js";
import { createSqlIdempotencyStore } from "./adapters/db/sql-idempotency-store.js";
import { createSqlKeyDirectory } from "./adapters/db/sql-key-directory.js";
import { createSqlNotificationStore } from "./adapters/db/sql-notification-store.js";
import { createSqlOutboxStore } from "./adapters/db/sql-outbox-store.js";
import { createSqlRegistryIndex } from "./adapters/db/sql-registry-index.js";
import { createSqlRegistryQueries } from "./adapters/db/sql-registry-queries.js";
import { createSqlStatusListStore } from "./adapters/db/sql-status-list-store.js";
import { createDevKeystore } from "./adapters/keys/dev-keystore.js";
import { createDevRecipientKeyVault } from "./adapters/keys/dev-recipient-key-vault.js";
import { createHeliaDocumentStore } from "./adapters/storage/helia-document-store.js";
import { createKuboDocumentStore } from "./adapters/storage/kubo-document-store.js";
import { readCertificateXml, writeCertificateXml } from "./adapters/formats/read-certificate-xml.js";
import { createHttpWebhookTransport } from "./adapters/webhooks/http-webhook-transport.js";
import { createThreadDocumentPreparer } from "./adapters/workers/thread-document-preparer.js";

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
    /** How old the latest block a verification reads at may be, in ms (0: read it every time). */
    headMaxAgeMs?: number;
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
  /** First retry delay of a failed webhook delivery (doubling, with jitter, up to an hour). */
  webhookRetryDelayMs?: number;
  /** Let webhooks reach loopback and private addresses (a closed network; tests). Off: public addresses only. */
  webhooksToPrivateAddresses?: boolean;
  /** Threads that parse large documents presented for verification (default: one per core); 0 parses them on the event loop. */
  documentThreads?: number;
}

/** One thread per core: the event loop only reads requests and answers while they parse. */
export const DEFAULT_DOCUMENT_THREADS = os.availableParallelism();

/**
 * Verifications read the chain at a head at most this old (ms): under load they share one head
 * read and the chain reads made at it. Well under a QBFT block time; this gateway's own
 * transactions are visible at once regardless.
 */
export const DEFAULT_HEAD_MAX_AGE_MS = 250;

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
  /** Turns indexed status changes into webhook deliveries and live events. */
  notifier: Notifier;
  deliverer: WebhookDeliverer;
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
      headMaxAgeMs: config.chain.headMaxAgeMs ?? DEFAULT_HEAD_MAX_AGE_MS,
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
      declarations: createSqlDeclarationLog(database.db),
      audit: createSqlAuditQueries(database.db),
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
      formats: { readXml: (xml) => readCertificateXml(xml), writeXml: writeCertificateXml },
      statusLists: createSqlStatusListStore(database.db),
      gatewayKey: await createFileGatewaySigner({
        file: config.gatewayKeyFile ?? path.join(config.dataDir, "gateway-key.jwk.json"),
      }),
      notifications: createSqlNotificationStore(database.db),
      webhookTransport: createHttpWebhookTransport({ allowPrivateAddresses: config.webhooksToPrivateAddresses }),
      clock,
      randomBytes: (n) => new Uint8Array(randomBytes(n)),
      checkpoint: parts.checkpoint,
      settleTimeoutMs: config.settleTimeoutMs ?? 30_000,
      memo: { atBlock: new GenerationMemo(), atIndex: new GenerationMemo() },
      preparer: documentPreparer(config.documentThreads ?? DEFAULT_DOCUMENT_THREADS),
    };
    const opened = store;
    const notifier = new Notifier({ store: context.notifications, clock });
    const deliverer = new WebhookDeliverer({
      store: context.notifications,
      transport: context.webhookTransport,
      clock,
      retryDelayMs: config.webhookRetryDelayMs,
    });
    return {
      context,
      notifier,
      deliverer,
      start() {
        worker.start();
        indexer.start();
        notifier.start();
        deliverer.start();
      },
      async close() {
        await Promise.all([worker.stop(), indexer.stop(), notifier.stop(), deliverer.stop()]);
        await context.preparer.close();
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

function documentPreparer(threads: number): DocumentPreparer {
  return threads === 0 ? inlineDocumentPreparer : createThreadDocumentPreparer({ threads });
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
      headMaxAgeMs: whole("TRADESEAL_HEAD_MAX_AGE_MS", DEFAULT_HEAD_MAX_AGE_MS),
    },
    keystorePassword: env.TRADESEAL_DEV_KEYSTORE_PASSWORD,
    confirmations: whole("TRADESEAL_CONFIRMATIONS", 0),
    gatewayKeyFile: env.TRADESEAL_GATEWAY_KEY_FILE || undefined,
    webhooksToPrivateAddresses: env.TRADESEAL_WEBHOOK_PRIVATE_ADDRESSES === "allow",
    documentThreads: whole("TRADESEAL_DOCUMENT_THREADS", DEFAULT_DOCUMENT_THREADS),
  };
}

export interface ApiConfig {
  host: string;
  /** 0 picks a free port. */
  port: number;
  http: Omit<HttpConfig, "publicUrl"> & { publicUrl?: string };
  /**
   * Whose tokens are accepted: an identity provider's JWKS (file or URL) with its issuer and
   * audience, or the DEV-ONLY identity provider under a directory (demos and tests).
   */
  auth:
    | { jwksFile: string; issuer: string; audience: string }
    | { jwksUrl: string; issuer: string; audience: string }
    | { devDirectory: string; issuer: string; audience: string };
}

export interface ApiServer {
  url: string;
  /** Present with the DEV-ONLY identity provider: it signs demo tokens. */
  devTokens?: DevTokenIssuer;
  close(): Promise<void>;
}

/** Serves the HTTP API of a gateway on host:port. */
export async function startApiServer(gateway: Gateway, config: ApiConfig): Promise<ApiServer> {
  const { auth } = config;
  const devTokens =
    "devDirectory" in auth
      ? await createDevTokenIssuer({ directory: auth.devDirectory, issuer: auth.issuer, audience: auth.audience })
      : undefined;
  const tokens = await createJoseTokenVerifier({
    jwks: devTokens
      ? { keys: devTokens.jwks }
      : "jwksFile" in auth
        ? { file: auth.jwksFile }
        : { url: (auth as { jwksUrl: string }).jwksUrl },
    issuer: auth.issuer,
    audience: auth.audience,
  });
  const http: HttpConfig = { ...config.http, publicUrl: config.http.publicUrl ?? "" };
  const { app } = createApp({ ctx: gateway.context, tokens, config: http, events: gateway.notifier });
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(config.port, config.host, () => resolve(listening));
    listening.once("error", reject);
  });
  const url = `http://${config.host}:${(server.address() as AddressInfo).port}`;
  if (!config.http.publicUrl) http.publicUrl = url;
  return {
    url,
    ...(devTokens && { devTokens }),
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * The API settings from environment variables:
 *   TRADESEAL_HOST (127.0.0.1), TRADESEAL_PORT (8080), TRADESEAL_PUBLIC_URL (the URL links use)
 *   TRADESEAL_AUTH_JWKS_FILE or TRADESEAL_AUTH_JWKS_URL, TRADESEAL_AUTH_ISSUER, TRADESEAL_AUTH_AUDIENCE
 *     (none of them: the DEV-ONLY identity provider under the data directory)
 *   TRADESEAL_BODY_LIMIT (1048576 bytes), TRADESEAL_BATCH_BODY_LIMIT (67108864 bytes)
 *   TRADESEAL_RATE_LIMIT (requests per minute per client address, 600; 0 turns it off)
 *   TRADESEAL_PORTAL_DIR (the built web portal to serve; default portal/dist once `npm run build:portal` made it)
 */
export function apiConfigFromEnv(dataDir: string, env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const whole = (name: string, fallback: number): number => {
    const value = env[name];
    if (value === undefined || value === "") return fallback;
    if (!/^\d+$/.test(value)) throw new ValidationError(`${name} must be a whole number, not "${value}".`);
    return Number(value);
  };
  const issuer = env.TRADESEAL_AUTH_ISSUER ?? "tradeseal-dev-idp";
  const audience = env.TRADESEAL_AUTH_AUDIENCE ?? "tradeseal";
  const rate = whole("TRADESEAL_RATE_LIMIT", 600);
  const builtPortal = path.resolve(import.meta.dirname, "../portal/dist");
  return {
    host: env.TRADESEAL_HOST || "127.0.0.1",
    port: whole("TRADESEAL_PORT", 8080),
    http: {
      ...(env.TRADESEAL_PUBLIC_URL && { publicUrl: env.TRADESEAL_PUBLIC_URL.replace(/\/+$/, "") }),
      bodyLimitBytes: whole("TRADESEAL_BODY_LIMIT", 1024 * 1024),
      batchBodyLimitBytes: whole("TRADESEAL_BATCH_BODY_LIMIT", 64 * 1024 * 1024),
      rateLimit: rate === 0 ? false : { windowMs: 60_000, limit: rate },
      portalDirectory: env.TRADESEAL_PORTAL_DIR || (existsSync(builtPortal) ? builtPortal : undefined),
    },
    auth: env.TRADESEAL_AUTH_JWKS_FILE
      ? { jwksFile: env.TRADESEAL_AUTH_JWKS_FILE, issuer, audience }
      : env.TRADESEAL_AUTH_JWKS_URL
        ? { jwksUrl: env.TRADESEAL_AUTH_JWKS_URL, issuer, audience }
        : { devDirectory: path.join(dataDir, "dev-identity-provider"), issuer, audience },
  };
}
