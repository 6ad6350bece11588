CREATE SCHEMA "platform";
--> statement-breakpoint
CREATE TABLE "platform"."idempotency_keys" (
	"tenant_id" uuid NOT NULL,
	"principal_id" uuid NOT NULL,
	"key" text NOT NULL,
	"method" text NOT NULL,
	"path" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer,
	"body" json,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY("tenant_id","principal_id","key")
);
--> statement-breakpoint
CREATE INDEX "idempotency_keys_expiry_idx" ON "platform"."idempotency_keys" USING btree ("tenant_id","expires_at");