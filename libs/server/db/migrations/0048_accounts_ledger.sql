CREATE TABLE "accounts"."account_balances" (
	"tenant_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"day" date NOT NULL,
	"debit" numeric(20, 4) NOT NULL,
	"credit" numeric(20, 4) NOT NULL,
	CONSTRAINT "account_balances_pkey" PRIMARY KEY("tenant_id","account_id","day")
);
--> statement-breakpoint
CREATE TABLE "accounts"."allocations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"debit_item_id" uuid NOT NULL,
	"credit_item_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"amount_currency" numeric(20, 4) NOT NULL,
	"amount_debit" numeric(20, 4) NOT NULL,
	"amount_credit" numeric(20, 4) NOT NULL,
	"allocated_on" date NOT NULL,
	"undoes_id" uuid,
	"exchange_entry_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "allocations_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "allocations_sign_check" CHECK (("accounts"."allocations"."undoes_id" is null) = ("accounts"."allocations"."amount_currency" > 0))
);
--> statement-breakpoint
CREATE TABLE "accounts"."chain_heads" (
	"tenant_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "chain_heads_pkey" PRIMARY KEY("tenant_id")
);
--> statement-breakpoint
CREATE TABLE "accounts"."fiscal_years" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "fiscal_years_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "fiscal_years_dates_check" CHECK ("accounts"."fiscal_years"."end_date" > "accounts"."fiscal_years"."start_date")
);
--> statement-breakpoint
CREATE TABLE "accounts"."journal_sequences" (
	"tenant_id" uuid NOT NULL,
	"journal_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "journal_sequences_pkey" PRIMARY KEY("tenant_id","journal_id","year")
);
--> statement-breakpoint
CREATE TABLE "accounts"."open_items" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"entry_line_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"side" text NOT NULL,
	"currency" text NOT NULL,
	"amount" numeric(20, 4) NOT NULL,
	"amount_currency" numeric(20, 4) NOT NULL,
	"residual" numeric(20, 4) NOT NULL,
	"residual_currency" numeric(20, 4) NOT NULL,
	"document_date" date NOT NULL,
	"due_date" date NOT NULL,
	"source_type" text,
	"source_id" uuid,
	"description" text,
	CONSTRAINT "open_items_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "open_items_side_check" CHECK ("accounts"."open_items"."side" in ('debit', 'credit')),
	CONSTRAINT "open_items_residual_check" CHECK ("accounts"."open_items"."residual" >= 0 and "accounts"."open_items"."residual" <= "accounts"."open_items"."amount" and "accounts"."open_items"."residual_currency" >= 0 and "accounts"."open_items"."residual_currency" <= "accounts"."open_items"."amount_currency")
);
--> statement-breakpoint
CREATE TABLE "accounts"."periods" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"fiscal_year_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"locked" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "periods_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "periods_dates_check" CHECK ("accounts"."periods"."end_date" >= "accounts"."periods"."start_date")
);
--> statement-breakpoint
CREATE TABLE "accounts"."posting_rules" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"match_kind" text DEFAULT 'default' NOT NULL,
	"match_id" uuid,
	"account_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "posting_rules_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "posting_rules_match_check" CHECK ("accounts"."posting_rules"."match_kind" in ('default', 'tax_rate', 'item_category', 'warehouse') and ("accounts"."posting_rules"."match_kind" = 'default') = ("accounts"."posting_rules"."match_id" is null))
);
--> statement-breakpoint
ALTER TABLE "accounts"."entries" DROP CONSTRAINT "entries_posted_check";--> statement-breakpoint
ALTER TABLE "accounts"."entries" ADD COLUMN "chain_seq" bigint;--> statement-breakpoint
ALTER TABLE "accounts"."entries" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "accounts"."entries" ADD COLUMN "hash" text;--> statement-breakpoint
ALTER TABLE "accounts"."account_balances" ADD CONSTRAINT "account_balances_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."account_balances" ADD CONSTRAINT "account_balances_account_fk" FOREIGN KEY ("tenant_id","account_id") REFERENCES "accounts"."accounts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."allocations" ADD CONSTRAINT "allocations_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."allocations" ADD CONSTRAINT "allocations_debit_fk" FOREIGN KEY ("tenant_id","debit_item_id") REFERENCES "accounts"."open_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."allocations" ADD CONSTRAINT "allocations_credit_fk" FOREIGN KEY ("tenant_id","credit_item_id") REFERENCES "accounts"."open_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."allocations" ADD CONSTRAINT "allocations_party_fk" FOREIGN KEY ("tenant_id","party_id") REFERENCES "crm"."parties"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."allocations" ADD CONSTRAINT "allocations_undoes_fk" FOREIGN KEY ("tenant_id","undoes_id") REFERENCES "accounts"."allocations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."allocations" ADD CONSTRAINT "allocations_exchange_entry_fk" FOREIGN KEY ("tenant_id","exchange_entry_id") REFERENCES "accounts"."entries"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."chain_heads" ADD CONSTRAINT "chain_heads_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."fiscal_years" ADD CONSTRAINT "fiscal_years_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."journal_sequences" ADD CONSTRAINT "journal_sequences_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."journal_sequences" ADD CONSTRAINT "journal_sequences_journal_fk" FOREIGN KEY ("tenant_id","journal_id") REFERENCES "accounts"."journals"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."open_items" ADD CONSTRAINT "open_items_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."open_items" ADD CONSTRAINT "open_items_line_fk" FOREIGN KEY ("tenant_id","entry_line_id") REFERENCES "accounts"."entry_lines"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."open_items" ADD CONSTRAINT "open_items_entry_fk" FOREIGN KEY ("tenant_id","entry_id") REFERENCES "accounts"."entries"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."open_items" ADD CONSTRAINT "open_items_party_fk" FOREIGN KEY ("tenant_id","party_id") REFERENCES "crm"."parties"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."open_items" ADD CONSTRAINT "open_items_account_fk" FOREIGN KEY ("tenant_id","account_id") REFERENCES "accounts"."accounts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."periods" ADD CONSTRAINT "periods_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."periods" ADD CONSTRAINT "periods_fiscal_year_fk" FOREIGN KEY ("tenant_id","fiscal_year_id") REFERENCES "accounts"."fiscal_years"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."posting_rules" ADD CONSTRAINT "posting_rules_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."posting_rules" ADD CONSTRAINT "posting_rules_account_fk" FOREIGN KEY ("tenant_id","account_id") REFERENCES "accounts"."accounts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_balances_day_idx" ON "accounts"."account_balances" USING btree ("tenant_id","day");--> statement-breakpoint
CREATE INDEX "allocations_debit_idx" ON "accounts"."allocations" USING btree ("tenant_id","debit_item_id","allocated_on");--> statement-breakpoint
CREATE INDEX "allocations_credit_idx" ON "accounts"."allocations" USING btree ("tenant_id","credit_item_id","allocated_on");--> statement-breakpoint
CREATE UNIQUE INDEX "allocations_undoes_key" ON "accounts"."allocations" USING btree ("tenant_id","undoes_id") WHERE "accounts"."allocations"."undoes_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "fiscal_years_start_key" ON "accounts"."fiscal_years" USING btree ("tenant_id","start_date");--> statement-breakpoint
CREATE UNIQUE INDEX "open_items_line_key" ON "accounts"."open_items" USING btree ("tenant_id","entry_line_id");--> statement-breakpoint
CREATE INDEX "open_items_party_idx" ON "accounts"."open_items" USING btree ("tenant_id","party_id","document_date");--> statement-breakpoint
CREATE INDEX "open_items_open_idx" ON "accounts"."open_items" USING btree ("tenant_id","party_id","due_date") WHERE "accounts"."open_items"."residual_currency" > 0;--> statement-breakpoint
CREATE UNIQUE INDEX "periods_number_key" ON "accounts"."periods" USING btree ("tenant_id","fiscal_year_id","number");--> statement-breakpoint
CREATE INDEX "periods_dates_idx" ON "accounts"."periods" USING btree ("tenant_id","start_date","end_date");--> statement-breakpoint
CREATE UNIQUE INDEX "posting_rules_default_key" ON "accounts"."posting_rules" USING btree ("tenant_id","purpose") WHERE "accounts"."posting_rules"."match_kind" = 'default';--> statement-breakpoint
CREATE UNIQUE INDEX "posting_rules_match_key" ON "accounts"."posting_rules" USING btree ("tenant_id","purpose","match_kind","match_id") WHERE "accounts"."posting_rules"."match_kind" <> 'default';--> statement-breakpoint
CREATE UNIQUE INDEX "entries_chain_key" ON "accounts"."entries" USING btree ("tenant_id","chain_seq") WHERE "accounts"."entries"."chain_seq" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "entries_reverses_key" ON "accounts"."entries" USING btree ("tenant_id","reverses_entry_id") WHERE "accounts"."entries"."reverses_entry_id" is not null;--> statement-breakpoint
ALTER TABLE "accounts"."entries" ADD CONSTRAINT "entries_posted_check" CHECK (("accounts"."entries"."state" = 'posted') = ("accounts"."entries"."number" is not null and "accounts"."entries"."posted_at" is not null and "accounts"."entries"."hash" is not null));