CREATE SCHEMA "crm";
--> statement-breakpoint
CREATE SCHEMA "customization";
--> statement-breakpoint
CREATE TABLE "crm"."activities" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"body" text,
	"due_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"assignee_id" uuid,
	"party_id" uuid,
	"contact_id" uuid,
	"lead_id" uuid,
	"opportunity_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "activities_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "activities_kind_check" CHECK ("crm"."activities"."kind" in ('task', 'call', 'meeting', 'note', 'email'))
);
--> statement-breakpoint
CREATE TABLE "crm"."addresses" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"line1" text NOT NULL,
	"line2" text,
	"city" text NOT NULL,
	"region" text,
	"postal_code" text,
	"country" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "addresses_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "addresses_kind_check" CHECK ("crm"."addresses"."kind" in ('billing', 'shipping'))
);
--> statement-breakpoint
CREATE TABLE "crm"."contacts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" text,
	"email" text,
	"phone" text,
	"is_primary" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "contacts_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "crm"."leads" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"company_name" text,
	"email" text,
	"phone" text,
	"source" text DEFAULT 'other' NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"owner_id" uuid,
	"team_id" uuid,
	"notes" text,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"converted_party_id" uuid,
	"converted_opportunity_id" uuid,
	"converted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "leads_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "leads_status_check" CHECK ("crm"."leads"."status" in ('new', 'contacted', 'qualified', 'converted', 'lost'))
);
--> statement-breakpoint
CREATE TABLE "crm"."opportunities" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"pipeline_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"party_id" uuid,
	"title" text NOT NULL,
	"amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"currency" text NOT NULL,
	"expected_close_date" date,
	"owner_id" uuid,
	"team_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"lost_reason" text,
	"closed_at" timestamp with time zone,
	"rank" numeric NOT NULL,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "opportunities_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "opportunities_status_check" CHECK ("crm"."opportunities"."status" in ('open', 'won', 'lost'))
);
--> statement-breakpoint
CREATE TABLE "crm"."parties" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"legal_name" text,
	"is_customer" boolean DEFAULT false NOT NULL,
	"is_supplier" boolean DEFAULT false NOT NULL,
	"is_professional" boolean DEFAULT false NOT NULL,
	"tax_country" text,
	"tax_id" text,
	"email" text,
	"phone" text,
	"website" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"owner_id" uuid,
	"team_id" uuid,
	"credit_limit" numeric(18, 2),
	"payment_terms_days" integer,
	"customer_group" text,
	"notes" text,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"merged_into_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "parties_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "parties_kind_check" CHECK ("crm"."parties"."kind" in ('organization', 'person')),
	CONSTRAINT "parties_status_check" CHECK ("crm"."parties"."status" in ('active', 'archived', 'merged'))
);
--> statement-breakpoint
CREATE TABLE "crm"."pipelines" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "pipelines_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "crm"."stages" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"pipeline_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"probability" integer NOT NULL,
	"is_won" boolean DEFAULT false NOT NULL,
	"is_lost" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "stages_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "stages_probability_check" CHECK ("crm"."stages"."probability" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "crm"."teams" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "teams_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "crm"."timeline_entries" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"type" text NOT NULL,
	"party_id" uuid,
	"opportunity_id" uuid,
	"data" jsonb NOT NULL,
	CONSTRAINT "timeline_entries_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "customization"."field_definitions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"resource" text NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"type" text NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "field_definitions_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "field_definitions_type_check" CHECK ("customization"."field_definitions"."type" in ('text', 'number', 'decimal', 'date', 'boolean', 'select', 'reference'))
);
--> statement-breakpoint
ALTER TABLE "auth"."memberships" ADD COLUMN "teams" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "crm"."activities" ADD CONSTRAINT "activities_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."activities" ADD CONSTRAINT "activities_party_fk" FOREIGN KEY ("tenant_id","party_id") REFERENCES "crm"."parties"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."activities" ADD CONSTRAINT "activities_opportunity_fk" FOREIGN KEY ("tenant_id","opportunity_id") REFERENCES "crm"."opportunities"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."activities" ADD CONSTRAINT "activities_lead_fk" FOREIGN KEY ("tenant_id","lead_id") REFERENCES "crm"."leads"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."addresses" ADD CONSTRAINT "addresses_party_fk" FOREIGN KEY ("tenant_id","party_id") REFERENCES "crm"."parties"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."contacts" ADD CONSTRAINT "contacts_party_fk" FOREIGN KEY ("tenant_id","party_id") REFERENCES "crm"."parties"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."leads" ADD CONSTRAINT "leads_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."opportunities" ADD CONSTRAINT "opportunities_stage_fk" FOREIGN KEY ("tenant_id","stage_id") REFERENCES "crm"."stages"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."opportunities" ADD CONSTRAINT "opportunities_pipeline_fk" FOREIGN KEY ("tenant_id","pipeline_id") REFERENCES "crm"."pipelines"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."opportunities" ADD CONSTRAINT "opportunities_party_fk" FOREIGN KEY ("tenant_id","party_id") REFERENCES "crm"."parties"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."parties" ADD CONSTRAINT "parties_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."pipelines" ADD CONSTRAINT "pipelines_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."stages" ADD CONSTRAINT "stages_pipeline_fk" FOREIGN KEY ("tenant_id","pipeline_id") REFERENCES "crm"."pipelines"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."teams" ADD CONSTRAINT "teams_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."timeline_entries" ADD CONSTRAINT "timeline_entries_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customization"."field_definitions" ADD CONSTRAINT "field_definitions_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_tenant_assignee_open_idx" ON "crm"."activities" USING btree ("tenant_id","assignee_id","due_at","id") WHERE "crm"."activities"."done_at" is null;--> statement-breakpoint
CREATE INDEX "activities_tenant_party_idx" ON "crm"."activities" USING btree ("tenant_id","party_id");--> statement-breakpoint
CREATE INDEX "activities_tenant_opportunity_idx" ON "crm"."activities" USING btree ("tenant_id","opportunity_id");--> statement-breakpoint
CREATE INDEX "addresses_tenant_party_idx" ON "crm"."addresses" USING btree ("tenant_id","party_id");--> statement-breakpoint
CREATE INDEX "contacts_tenant_party_idx" ON "crm"."contacts" USING btree ("tenant_id","party_id");--> statement-breakpoint
CREATE INDEX "contacts_name_trgm_idx" ON "crm"."contacts" USING gin ("tenant_id","name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contacts_tenant_email_idx" ON "crm"."contacts" USING btree ("tenant_id",lower("email"));--> statement-breakpoint
CREATE INDEX "leads_tenant_status_idx" ON "crm"."leads" USING btree ("tenant_id","status","id");--> statement-breakpoint
CREATE INDEX "leads_tenant_name_idx" ON "crm"."leads" USING btree ("tenant_id","name","id");--> statement-breakpoint
CREATE INDEX "leads_name_trgm_idx" ON "crm"."leads" USING gin ("tenant_id","name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "opportunities_tenant_stage_rank_idx" ON "crm"."opportunities" USING btree ("tenant_id","stage_id","rank");--> statement-breakpoint
CREATE INDEX "opportunities_tenant_party_idx" ON "crm"."opportunities" USING btree ("tenant_id","party_id");--> statement-breakpoint
CREATE INDEX "opportunities_tenant_owner_idx" ON "crm"."opportunities" USING btree ("tenant_id","owner_id");--> statement-breakpoint
CREATE INDEX "opportunities_tenant_title_idx" ON "crm"."opportunities" USING btree ("tenant_id","title","id");--> statement-breakpoint
CREATE INDEX "opportunities_title_trgm_idx" ON "crm"."opportunities" USING gin ("tenant_id","title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "parties_tenant_name_idx" ON "crm"."parties" USING btree ("tenant_id","name","id");--> statement-breakpoint
CREATE INDEX "parties_tenant_updated_idx" ON "crm"."parties" USING btree ("tenant_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "parties_tenant_owner_idx" ON "crm"."parties" USING btree ("tenant_id","owner_id");--> statement-breakpoint
CREATE INDEX "parties_tenant_tax_id_idx" ON "crm"."parties" USING btree ("tenant_id","tax_id");--> statement-breakpoint
CREATE INDEX "parties_tenant_email_idx" ON "crm"."parties" USING btree ("tenant_id",lower("email"));--> statement-breakpoint
CREATE INDEX "parties_name_trgm_idx" ON "crm"."parties" USING gin ("tenant_id","name" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "pipelines_tenant_name_key" ON "crm"."pipelines" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "stages_tenant_pipeline_idx" ON "crm"."stages" USING btree ("tenant_id","pipeline_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "teams_tenant_name_key" ON "crm"."teams" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "timeline_entries_tenant_event_key" ON "crm"."timeline_entries" USING btree ("tenant_id","event_id");--> statement-breakpoint
CREATE INDEX "timeline_entries_tenant_party_idx" ON "crm"."timeline_entries" USING btree ("tenant_id","party_id","occurred_at");--> statement-breakpoint
CREATE INDEX "timeline_entries_tenant_opportunity_idx" ON "crm"."timeline_entries" USING btree ("tenant_id","opportunity_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "field_definitions_tenant_resource_key_key" ON "customization"."field_definitions" USING btree ("tenant_id","resource","key");