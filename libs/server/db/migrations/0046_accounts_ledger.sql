CREATE SCHEMA "accounts";
--> statement-breakpoint
CREATE TABLE "accounts"."accounts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"parent_id" uuid,
	"heading" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "accounts_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "accounts_type_check" CHECK ("accounts"."accounts"."type" in ('asset', 'receivable', 'bank', 'cash', 'liability', 'payable', 'equity', 'income', 'expense'))
);
--> statement-breakpoint
CREATE TABLE "accounts"."entries" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"journal_id" uuid NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"number" text,
	"entry_date" date NOT NULL,
	"description" text,
	"source_type" text,
	"source_id" uuid,
	"reverses_entry_id" uuid,
	"posted_at" timestamp with time zone,
	"posted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "entries_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "entries_state_check" CHECK ("accounts"."entries"."state" in ('draft', 'posted')),
	CONSTRAINT "entries_posted_check" CHECK (("accounts"."entries"."state" = 'posted') = ("accounts"."entries"."number" is not null and "accounts"."entries"."posted_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "accounts"."entry_lines" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"account_id" uuid NOT NULL,
	"party_id" uuid,
	"debit" numeric(20, 4) DEFAULT '0' NOT NULL,
	"credit" numeric(20, 4) DEFAULT '0' NOT NULL,
	"currency" text NOT NULL,
	"amount_currency" numeric(20, 4) DEFAULT '0' NOT NULL,
	"rate" numeric(24, 10) DEFAULT '1' NOT NULL,
	"due_date" date,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "entry_lines_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "entry_lines_amounts_check" CHECK ("accounts"."entry_lines"."debit" >= 0 and "accounts"."entry_lines"."credit" >= 0 and ("accounts"."entry_lines"."debit" = 0 or "accounts"."entry_lines"."credit" = 0))
);
--> statement-breakpoint
CREATE TABLE "accounts"."journals" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "journals_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "journals_kind_check" CHECK ("accounts"."journals"."kind" in ('sales', 'purchases', 'cash', 'bank', 'general'))
);
--> statement-breakpoint
CREATE TABLE "accounts"."settings" (
	"tenant_id" uuid NOT NULL,
	"lock_date" date,
	"staff_lock_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "settings_pkey" PRIMARY KEY("tenant_id")
);
--> statement-breakpoint
ALTER TABLE "accounts"."accounts" ADD CONSTRAINT "accounts_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."accounts" ADD CONSTRAINT "accounts_parent_fk" FOREIGN KEY ("tenant_id","parent_id") REFERENCES "accounts"."accounts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."entries" ADD CONSTRAINT "entries_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."entries" ADD CONSTRAINT "entries_journal_fk" FOREIGN KEY ("tenant_id","journal_id") REFERENCES "accounts"."journals"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."entries" ADD CONSTRAINT "entries_reverses_fk" FOREIGN KEY ("tenant_id","reverses_entry_id") REFERENCES "accounts"."entries"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."entry_lines" ADD CONSTRAINT "entry_lines_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."entry_lines" ADD CONSTRAINT "entry_lines_entry_fk" FOREIGN KEY ("tenant_id","entry_id") REFERENCES "accounts"."entries"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."entry_lines" ADD CONSTRAINT "entry_lines_party_fk" FOREIGN KEY ("tenant_id","party_id") REFERENCES "crm"."parties"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."entry_lines" ADD CONSTRAINT "entry_lines_account_fk" FOREIGN KEY ("tenant_id","account_id") REFERENCES "accounts"."accounts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."journals" ADD CONSTRAINT "journals_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."settings" ADD CONSTRAINT "settings_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_tenant_code_key" ON "accounts"."accounts" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "entries_number_key" ON "accounts"."entries" USING btree ("tenant_id","journal_id","number") WHERE "accounts"."entries"."number" is not null;--> statement-breakpoint
CREATE INDEX "entries_tenant_date_idx" ON "accounts"."entries" USING btree ("tenant_id","entry_date");--> statement-breakpoint
CREATE INDEX "entries_source_idx" ON "accounts"."entries" USING btree ("tenant_id","source_type","source_id");--> statement-breakpoint
CREATE INDEX "entry_lines_entry_idx" ON "accounts"."entry_lines" USING btree ("tenant_id","entry_id","position");--> statement-breakpoint
CREATE INDEX "entry_lines_account_idx" ON "accounts"."entry_lines" USING btree ("tenant_id","account_id");--> statement-breakpoint
CREATE INDEX "entry_lines_party_idx" ON "accounts"."entry_lines" USING btree ("tenant_id","party_id") WHERE "accounts"."entry_lines"."party_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "journals_tenant_code_key" ON "accounts"."journals" USING btree ("tenant_id","code");