CREATE TABLE "tenancy"."exchange_rates" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"currency" text NOT NULL,
	"rate_date" date NOT NULL,
	"rate" numeric(24, 10) NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "exchange_rates_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "exchange_rates_currency_check" CHECK ("tenancy"."exchange_rates"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "exchange_rates_rate_check" CHECK ("tenancy"."exchange_rates"."rate" > 0),
	CONSTRAINT "exchange_rates_source_check" CHECK ("tenancy"."exchange_rates"."source" in ('manual', 'csv'))
);
--> statement-breakpoint
ALTER TABLE "tenancy"."exchange_rates" ADD CONSTRAINT "exchange_rates_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_rates_tenant_currency_date_key" ON "tenancy"."exchange_rates" USING btree ("tenant_id","currency","rate_date");