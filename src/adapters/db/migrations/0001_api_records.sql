CREATE TABLE "declarations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"certificate_id" text NOT NULL,
	"authority_id" integer NOT NULL,
	"country" text NOT NULL,
	"reference" text NOT NULL,
	"declaration_hash" text NOT NULL,
	"amount" text NOT NULL,
	"invoice_value" text,
	"invoice_currency" text,
	"outcome" text NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotent_requests" (
	"key" text PRIMARY KEY NOT NULL,
	"request_hash" text NOT NULL,
	"response_status" integer,
	"response_body" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifier_state" (
	"name" text PRIMARY KEY NOT NULL,
	"block_number" bigint NOT NULL,
	"log_index" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "status_list_entries" (
	"certificate_id" text NOT NULL,
	"purpose" text NOT NULL,
	"list_id" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "status_list_entries_certificate_id_purpose_pk" PRIMARY KEY("certificate_id","purpose")
);
--> statement-breakpoint
CREATE TABLE "watches" (
	"certificate_id" text NOT NULL,
	"owner" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "watches_certificate_id_owner_pk" PRIMARY KEY("certificate_id","owner")
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"webhook_id" text NOT NULL,
	"event_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "webhooks" (
	"id" text PRIMARY KEY NOT NULL,
	"owner" text NOT NULL,
	"authority_id" integer,
	"country" text,
	"role" text NOT NULL,
	"url" text NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "ucr" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "facts" jsonb;--> statement-breakpoint
CREATE INDEX "declarations_certificate_idx" ON "declarations" USING btree ("certificate_id");--> statement-breakpoint
CREATE UNIQUE INDEX "status_list_position_idx" ON "status_list_entries" USING btree ("list_id","purpose","position");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_once_idx" ON "webhook_deliveries" USING btree ("webhook_id","event_id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" USING btree ("status","next_attempt_at") WHERE status = 'PENDING';--> statement-breakpoint
CREATE INDEX "webhooks_owner_idx" ON "webhooks" USING btree ("owner");--> statement-breakpoint
CREATE INDEX "documents_ucr_idx" ON "documents" USING btree ("ucr");