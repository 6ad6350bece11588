CREATE SCHEMA "jobs";
--> statement-breakpoint
CREATE TABLE "jobs"."runs" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"progress" jsonb,
	"result" jsonb,
	"error" jsonb,
	"created_by" uuid,
	"request_id" text,
	"run_after" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "runs_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "runs_state_check" CHECK ("jobs"."runs"."state" in ('queued', 'active', 'retry', 'completed', 'failed'))
);
