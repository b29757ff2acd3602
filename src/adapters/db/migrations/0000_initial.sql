CREATE TABLE "accreditors" (
	"country" text PRIMARY KEY NOT NULL,
	"address" text NOT NULL,
	"appointed_block" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "acknowledgements" (
	"block_number" bigint NOT NULL,
	"log_index" integer NOT NULL,
	"certificate_id" text NOT NULL,
	"authority_id" integer NOT NULL,
	"accepted" boolean NOT NULL,
	"reason_code" smallint,
	"reason_hash" text,
	CONSTRAINT "acknowledgements_block_number_log_index_pk" PRIMARY KEY("block_number","log_index")
);
--> statement-breakpoint
CREATE TABLE "authorities" (
	"id" integer PRIMARY KEY NOT NULL,
	"country" text NOT NULL,
	"kind" smallint NOT NULL,
	"certificate_types" smallint NOT NULL,
	"status" smallint NOT NULL,
	"name" text NOT NULL,
	"registered_block" bigint NOT NULL,
	"updated_block" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "batches" (
	"root" text PRIMARY KEY NOT NULL,
	"issuer" integer NOT NULL,
	"key_address" text NOT NULL,
	"certificate_types" smallint NOT NULL,
	"count" integer NOT NULL,
	"cid" text NOT NULL,
	"status" smallint NOT NULL,
	"anchored_block" bigint NOT NULL,
	"updated_block" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certificates" (
	"id" text PRIMARY KEY NOT NULL,
	"issuer" integer NOT NULL,
	"key_address" text,
	"number_hash" text NOT NULL,
	"digest" text NOT NULL,
	"certificate_type" smallint NOT NULL,
	"export_country" text NOT NULL,
	"import_country" text NOT NULL,
	"valid_until" bigint NOT NULL,
	"quantity" numeric(30, 0) NOT NULL,
	"unit" text NOT NULL,
	"cid" text,
	"status" smallint NOT NULL,
	"consumed" numeric(30, 0) DEFAULT '0' NOT NULL,
	"superseded_by" text,
	"supersedes" text,
	"batch_root" text,
	"issued_block" bigint NOT NULL,
	"issued_at" bigint NOT NULL,
	"updated_block" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chain_events" (
	"block_number" bigint NOT NULL,
	"log_index" integer NOT NULL,
	"block_time" bigint NOT NULL,
	"transaction_hash" text NOT NULL,
	"contract" text NOT NULL,
	"name" text NOT NULL,
	"certificate_id" text,
	"batch_root" text,
	"authority_id" integer,
	"args" jsonb NOT NULL,
	CONSTRAINT "chain_events_block_number_log_index_pk" PRIMARY KEY("block_number","log_index")
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"certificate_id" text PRIMARY KEY NOT NULL,
	"issuer" integer NOT NULL,
	"certificate_number" text NOT NULL,
	"kind" text NOT NULL,
	"salt" text NOT NULL,
	"digest" text NOT NULL,
	"cid" text NOT NULL,
	"terms" jsonb NOT NULL,
	"batch_root" text,
	"proof" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "drawdowns" (
	"block_number" bigint NOT NULL,
	"log_index" integer NOT NULL,
	"certificate_id" text NOT NULL,
	"authority_id" integer NOT NULL,
	"declaration_hash" text NOT NULL,
	"amount" numeric(30, 0) NOT NULL,
	"remaining" numeric(30, 0) NOT NULL,
	"import_country_unnamed" boolean NOT NULL,
	CONSTRAINT "drawdowns_block_number_log_index_pk" PRIMARY KEY("block_number","log_index")
);
--> statement-breakpoint
CREATE TABLE "indexer_state" (
	"name" text PRIMARY KEY NOT NULL,
	"block_number" bigint NOT NULL,
	"block_hash" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"idempotency_key" text NOT NULL,
	"action" text NOT NULL,
	"signer" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"prepared" jsonb,
	"transaction_hash" text,
	"block_number" bigint,
	"result" jsonb,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "recipient_keys" (
	"kid" text PRIMARY KEY NOT NULL,
	"role" text NOT NULL,
	"authority_id" integer,
	"country" text,
	"public_jwk" jsonb NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signing_keys" (
	"address" text PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"valid_from" bigint NOT NULL,
	"valid_until" bigint NOT NULL,
	"added_block" bigint NOT NULL,
	"ended_block" bigint
);
--> statement-breakpoint
CREATE INDEX "acknowledgements_certificate_idx" ON "acknowledgements" USING btree ("certificate_id");--> statement-breakpoint
CREATE INDEX "certificates_issuer_idx" ON "certificates" USING btree ("issuer");--> statement-breakpoint
CREATE INDEX "certificates_status_idx" ON "certificates" USING btree ("status");--> statement-breakpoint
CREATE INDEX "chain_events_certificate_idx" ON "chain_events" USING btree ("certificate_id");--> statement-breakpoint
CREATE INDEX "chain_events_authority_idx" ON "chain_events" USING btree ("authority_id");--> statement-breakpoint
CREATE INDEX "chain_events_batch_idx" ON "chain_events" USING btree ("batch_root");--> statement-breakpoint
CREATE INDEX "documents_batch_idx" ON "documents" USING btree ("batch_root");--> statement-breakpoint
CREATE INDEX "drawdowns_certificate_idx" ON "drawdowns" USING btree ("certificate_id");--> statement-breakpoint
CREATE INDEX "outbox_open_idx" ON "outbox" USING btree ("status","signer","id") WHERE status in ('PENDING', 'SENT');--> statement-breakpoint
CREATE INDEX "recipient_keys_lookup_idx" ON "recipient_keys" USING btree ("role","country");--> statement-breakpoint
CREATE INDEX "signing_keys_authority_idx" ON "signing_keys" USING btree ("authority_id");