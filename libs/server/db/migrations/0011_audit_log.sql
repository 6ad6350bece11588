CREATE TABLE "audit"."audit_log" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"principal_id" uuid,
	"user_id" uuid,
	"actor" text,
	"action" text NOT NULL,
	"resource" text NOT NULL,
	"resource_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"request_id" text,
	"ip" text,
	CONSTRAINT "audit_log_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE INDEX "audit_log_resource_idx" ON "audit"."audit_log" USING btree ("tenant_id","resource","resource_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_log_time_idx" ON "audit"."audit_log" USING btree ("tenant_id","occurred_at");