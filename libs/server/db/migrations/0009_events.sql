CREATE SCHEMA "events";
--> statement-breakpoint
CREATE TABLE "events"."consumed" (
	"tenant_id" uuid NOT NULL,
	"consumer" text NOT NULL,
	"event_id" uuid NOT NULL,
	"consumed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consumed_pkey" PRIMARY KEY("tenant_id","consumer","event_id")
);
--> statement-breakpoint
CREATE TABLE "events"."outbox" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"position" bigint GENERATED ALWAYS AS IDENTITY (sequence name "events"."outbox_position_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"type" text NOT NULL,
	"version" integer NOT NULL,
	"aggregate_type" text NOT NULL,
	"aggregate_id" uuid NOT NULL,
	"payload" jsonb NOT NULL,
	"request_id" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "outbox_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_tenant_position_key" ON "events"."outbox" USING btree ("tenant_id","position");--> statement-breakpoint
CREATE INDEX "outbox_unpublished_idx" ON "events"."outbox" USING btree ("position") WHERE "events"."outbox"."published_at" is null;--> statement-breakpoint
CREATE INDEX "outbox_unpublished_aggregate_idx" ON "events"."outbox" USING btree ("tenant_id","aggregate_type","aggregate_id","position") WHERE "events"."outbox"."published_at" is null;