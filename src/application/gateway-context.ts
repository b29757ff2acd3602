import type { ChainIndexer } from "./chain-indexer.js";
import type { GenerationMemo } from "./generation-memo.js";
import type { OutboxWorker } from "./outbox-worker.js";
import type { AuditQueries } from "./ports/audit-queries.js";
import type { Checkpoint, Clock } from "./ports/clock.js";
import type { CertificateFormats } from "./ports/certificate-formats.js";
import type { DeclarationLog } from "./ports/declaration-log.js";
import type { DocumentCipher } from "./ports/document-cipher.js";
import type { DocumentPreparer } from "./ports/document-preparer.js";
import type { DocumentRecords } from "./ports/document-records.js";
import type { DocumentStore } from "./ports/document-store.js";
import type { GatewaySigner } from "./ports/gateway-signer.js";
import type { IdempotencyStore } from "./ports/idempotency-store.js";
import type { RecipientKeyVault } from "./ports/recipient-key-vault.js";
import type { KeyDirectory } from "./ports/key-directory.js";
import type { KeyRing } from "./ports/key-ring.js";
import type { NotificationStore } from "./ports/notification-store.js";
import type { OutboxStore } from "./ports/outbox-store.js";
import type { RegistryChain } from "./ports/registry-chain.js";
import type { RegistryIndex } from "./ports/registry-index.js";
import type { RegistryQueries } from "./ports/registry-queries.js";
import type { WebhookTransport } from "./ports/webhook-transport.js";
import type { StatusListStore } from "./ports/status-list-store.js";

/** Everything the use cases work with, built by the composition root (src/main.ts). */
export interface GatewayContext {
  chain: RegistryChain;
  outbox: OutboxStore;
  worker: OutboxWorker;
  index: RegistryIndex;
  /** The API's read queries over the index. */
  queries: RegistryQueries;
  indexer: ChainIndexer;
  documents: DocumentRecords;
  /** Every drawdown customs asked for, with what they declared. */
  declarations: DeclarationLog;
  /** The auditor's queries: anomaly reports. */
  audit: AuditQueries;
  store: DocumentStore;
  cipher: DocumentCipher;
  keyDirectory: KeyDirectory;
  keys: KeyRing;
  /** Decryption keys the gateway holds for the authorities it serves. */
  vault: RecipientKeyVault;
  idempotency: IdempotencyStore;
  /** Parses and writes canonically the documents presented for verification (large ones on threads of its own). */
  preparer: DocumentPreparer;
  /** The XML trade forms (SPS ePhyto, e-CoO XML). */
  formats?: CertificateFormats;
  /** Where certificates' bits sit in the gateway's Bitstring Status Lists. */
  statusLists: StatusListStore;
  /** The gateway's own key: receipts and status list credentials. */
  gatewayKey: GatewaySigner;
  /** The notifier's cursor, webhooks, their deliveries and watched certificates. */
  notifications: NotificationStore;
  /** Sends signed webhook deliveries (for the WebhookDeliverer). */
  webhookTransport: WebhookTransport;
  clock: Clock;
  randomBytes: (length: number) => Uint8Array;
  checkpoint?: Checkpoint;
  /** How long a use case waits for its transaction before answering "pending". */
  settleTimeoutMs: number;
  /**
   * Reads shared between callers: chain reads per block hash (a verification's record facts),
   * index reads per index version (the indexer's `version()`).
   */
  memo: { atBlock: GenerationMemo; atIndex: GenerationMemo };
}
