/**
 * The gateway's SQL schema (PostgreSQL dialect, for PGlite and a PostgreSQL server alike).
 * `npm run db:generate` writes the migrations in ./migrations from it.
 *
 * Two kinds of tables:
 *  - the chain index (authorities … indexer_state): derived from the contracts' events only,
 *    so `rebuild` can drop and replay them and get the same rows;
 *  - the gateway's own records (outbox, documents, recipient_keys): what the chain does not hold.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

const block = (name: string) => bigint(name, { mode: "number" });
/** uint96 quantities: numeric, read back as decimal strings. */
const quantity = (name: string) => numeric(name, { precision: 30, scale: 0 });

// ---- chain index --------------------------------------------------------------------------

export const accreditors = pgTable("accreditors", {
  country: text("country").primaryKey(),
  address: text("address").notNull(),
  appointedBlock: block("appointed_block").notNull(),
});

export const authorities = pgTable("authorities", {
  id: integer("id").primaryKey(),
  country: text("country").notNull(),
  kind: smallint("kind").notNull(),
  certificateTypes: smallint("certificate_types").notNull(),
  status: smallint("status").notNull(),
  name: text("name").notNull(),
  registeredBlock: block("registered_block").notNull(),
  updatedBlock: block("updated_block").notNull(),
});

export const signingKeys = pgTable(
  "signing_keys",
  {
    address: text("address").primaryKey(),
    authorityId: integer("authority_id").notNull(),
    validFrom: bigint("valid_from", { mode: "number" }).notNull(),
    validUntil: bigint("valid_until", { mode: "number" }).notNull(),
    addedBlock: block("added_block").notNull(),
    endedBlock: block("ended_block"),
  },
  (t) => [index("signing_keys_authority_idx").on(t.authorityId)],
);

export const certificates = pgTable(
  "certificates",
  {
    id: text("id").primaryKey(),
    issuer: integer("issuer").notNull(),
    keyAddress: text("key_address"),
    numberHash: text("number_hash").notNull(),
    digest: text("digest").notNull(),
    certificateType: smallint("certificate_type").notNull(),
    exportCountry: text("export_country").notNull(),
    importCountry: text("import_country").notNull(),
    validUntil: bigint("valid_until", { mode: "number" }).notNull(),
    quantity: quantity("quantity").notNull(),
    unit: text("unit").notNull(),
    cid: text("cid"),
    status: smallint("status").notNull(),
    consumed: quantity("consumed").notNull().default("0"),
    supersededBy: text("superseded_by"),
    supersedes: text("supersedes"),
    batchRoot: text("batch_root"),
    issuedBlock: block("issued_block").notNull(),
    issuedAt: bigint("issued_at", { mode: "number" }).notNull(),
    updatedBlock: block("updated_block").notNull(),
  },
  (t) => [index("certificates_issuer_idx").on(t.issuer), index("certificates_status_idx").on(t.status)],
);

export const batches = pgTable("batches", {
  root: text("root").primaryKey(),
  issuer: integer("issuer").notNull(),
  keyAddress: text("key_address").notNull(),
  certificateTypes: smallint("certificate_types").notNull(),
  count: integer("count").notNull(),
  cid: text("cid").notNull(),
  status: smallint("status").notNull(),
  anchoredBlock: block("anchored_block").notNull(),
  updatedBlock: block("updated_block").notNull(),
});

/** Every event of both contracts, in chain order: the full history auditors trace. */
export const chainEvents = pgTable(
  "chain_events",
  {
    blockNumber: block("block_number").notNull(),
    logIndex: integer("log_index").notNull(),
    blockTime: bigint("block_time", { mode: "number" }).notNull(),
    transactionHash: text("transaction_hash").notNull(),
    contract: text("contract").notNull(),
    name: text("name").notNull(),
    certificateId: text("certificate_id"),
    batchRoot: text("batch_root"),
    authorityId: integer("authority_id"),
    args: jsonb("args").$type<Record<string, string | number | boolean>>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.blockNumber, t.logIndex] }),
    index("chain_events_certificate_idx").on(t.certificateId),
    index("chain_events_authority_idx").on(t.authorityId),
    index("chain_events_batch_idx").on(t.batchRoot),
  ],
);

export const acknowledgements = pgTable(
  "acknowledgements",
  {
    blockNumber: block("block_number").notNull(),
    logIndex: integer("log_index").notNull(),
    certificateId: text("certificate_id").notNull(),
    authorityId: integer("authority_id").notNull(),
    accepted: boolean("accepted").notNull(),
    reasonCode: smallint("reason_code"),
    reasonHash: text("reason_hash"),
  },
  (t) => [
    primaryKey({ columns: [t.blockNumber, t.logIndex] }),
    index("acknowledgements_certificate_idx").on(t.certificateId),
  ],
);

export const drawdowns = pgTable(
  "drawdowns",
  {
    blockNumber: block("block_number").notNull(),
    logIndex: integer("log_index").notNull(),
    certificateId: text("certificate_id").notNull(),
    authorityId: integer("authority_id").notNull(),
    declarationHash: text("declaration_hash").notNull(),
    amount: quantity("amount").notNull(),
    remaining: quantity("remaining").notNull(),
    importCountryUnnamed: boolean("import_country_unnamed").notNull(),
  },
  (t) => [primaryKey({ columns: [t.blockNumber, t.logIndex] }), index("drawdowns_certificate_idx").on(t.certificateId)],
);

/** The last block the index holds every event of, and that block's hash. */
export const indexerState = pgTable("indexer_state", {
  name: text("name").primaryKey(),
  blockNumber: block("block_number").notNull(),
  blockHash: text("block_hash").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

// ---- the gateway's own records ------------------------------------------------------------

/** Chain writes, recorded before they are sent: see application/outbox. */
export const outbox = pgTable(
  "outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    action: text("action").notNull(),
    signer: text("signer").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: text("status").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** The signed authorization and transaction, stored before the transaction is sent. */
    prepared: jsonb("prepared").$type<Record<string, unknown>>(),
    transactionHash: text("transaction_hash"),
    blockNumber: block("block_number"),
    result: jsonb("result").$type<Record<string, unknown>>(),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("outbox_open_idx")
      .on(t.status, t.signer, t.id)
      .where(sql`status in ('PENDING', 'SENT')`),
  ],
);

/** What the issuing gateway keeps of each document: the salt and where the ciphertext is. */
export const documents = pgTable(
  "documents",
  {
    certificateId: text("certificate_id").primaryKey(),
    issuer: integer("issuer").notNull(),
    certificateNumber: text("certificate_number").notNull(),
    kind: text("kind").notNull(),
    salt: text("salt").notNull(),
    digest: text("digest").notNull(),
    cid: text("cid").notNull(),
    terms: jsonb("terms").$type<Record<string, string | number>>().notNull(),
    batchRoot: text("batch_root"),
    proof: jsonb("proof").$type<string[]>(),
    /** The consignment's WCO UCR, shared by its CoO and ePhyto: what customs look certificates up by. */
    ucr: text("ucr"),
    /** Figures the issuing gateway read from the document for auditors, e.g. the invoiced value. */
    facts: jsonb("facts").$type<Record<string, string | number>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("documents_batch_idx").on(t.batchRoot), index("documents_ucr_idx").on(t.ucr)],
);

/** Public keys documents are encrypted for: issuers, importing customs/NPPOs, auditors. */
export const recipientKeys = pgTable(
  "recipient_keys",
  {
    kid: text("kid").primaryKey(),
    role: text("role").notNull(),
    authorityId: integer("authority_id"),
    country: text("country"),
    publicJwk: jsonb("public_jwk").$type<JsonWebKey>().notNull(),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("recipient_keys_lookup_idx").on(t.role, t.country)],
);

/**
 * Every drawdown an importing authority asked for, with what it declared (the chain keeps only
 * the declaration's hash): refused attempts too, so auditors see over-draws and invoice values.
 */
export const declarations = pgTable(
  "declarations",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    certificateId: text("certificate_id").notNull(),
    authorityId: integer("authority_id").notNull(),
    country: text("country").notNull(),
    reference: text("reference").notNull(),
    declarationHash: text("declaration_hash").notNull(),
    /** The amount asked for, as a decimal in the certificate's unit. */
    amount: text("amount").notNull(),
    invoiceValue: text("invoice_value"),
    invoiceCurrency: text("invoice_currency"),
    outcome: text("outcome").notNull(),
    reason: text("reason"),
    /** The idempotency key of its chain action in the outbox: a PENDING drawdown is settled from it. */
    outboxKey: text("outbox_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("declarations_certificate_idx").on(t.certificateId),
    index("declarations_pending_idx")
      .on(t.outcome)
      .where(sql`${t.outcome} = 'PENDING'`),
  ],
);

/** Endpoints that receive HMAC-signed status changes. */
export const webhooks = pgTable(
  "webhooks",
  {
    id: text("id").primaryKey(),
    /** The token subject that registered it. */
    owner: text("owner").notNull(),
    authorityId: integer("authority_id"),
    country: text("country"),
    role: text("role").notNull(),
    url: text("url").notNull(),
    /** The HMAC-SHA256 key deliveries are signed with (shown once, at registration). */
    secret: text("secret").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp("removed_at", { withTimezone: true }),
  },
  (t) => [index("webhooks_owner_idx").on(t.owner)],
);

/** One event for one webhook, kept until delivered or given up; (webhook, event) once only. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    webhookId: text("webhook_id").notNull(),
    eventId: text("event_id").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: text("status").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_once_idx").on(t.webhookId, t.eventId),
    index("webhook_deliveries_due_idx")
      .on(t.status, t.nextAttemptAt)
      .where(sql`status = 'PENDING'`),
  ],
);

/** Who verified which certificate: they are told when it is later revoked or superseded. */
export const watches = pgTable(
  "watches",
  {
    certificateId: text("certificate_id").notNull(),
    owner: text("owner").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.certificateId, t.owner] })],
);

/** How far the notifier has turned indexed events into notifications. */
export const notifierState = pgTable("notifier_state", {
  name: text("name").primaryKey(),
  blockNumber: block("block_number").notNull(),
  logIndex: integer("log_index").notNull(),
});

/** Each certificate's position in the gateway's Bitstring Status Lists (assigned at random). */
export const statusListEntries = pgTable(
  "status_list_entries",
  {
    certificateId: text("certificate_id").notNull(),
    purpose: text("purpose").notNull(),
    listId: text("list_id").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.certificateId, t.purpose] }),
    uniqueIndex("status_list_position_idx").on(t.listId, t.purpose, t.position),
  ],
);

/** Answers to requests sent with an `Idempotency-Key`: a retry gets the first answer again. */
export const idempotentRequests = pgTable("idempotent_requests", {
  /** The caller's subject and the key it sent. */
  key: text("key").primaryKey(),
  requestHash: text("request_hash").notNull(),
  /** Absent while the first request is still being answered. */
  responseStatus: integer("response_status"),
  responseBody: jsonb("response_body").$type<unknown>(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
