ALTER TABLE "catalog"."tax_rates" DROP CONSTRAINT "tax_rates_kind_check";--> statement-breakpoint
ALTER TABLE "catalog"."tax_rates" DROP CONSTRAINT "tax_rates_rate_check";--> statement-breakpoint
ALTER TABLE "catalog"."tax_rates" ALTER COLUMN "rate" SET DATA TYPE numeric(9, 6);--> statement-breakpoint
ALTER TABLE "catalog"."tax_rates" ADD COLUMN "computation" text DEFAULT 'percent' NOT NULL;--> statement-breakpoint
ALTER TABLE "catalog"."tax_rates" ADD COLUMN "amount" numeric(20, 6);--> statement-breakpoint
ALTER TABLE "catalog"."tax_rates" ADD COLUMN "included_in_price" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "catalog"."tax_rates" ADD COLUMN "country" text;--> statement-breakpoint
ALTER TABLE "catalog"."tax_rates" ADD COLUMN "account_id" uuid;--> statement-breakpoint
ALTER TABLE "catalog"."tax_rates" ADD COLUMN "threshold" numeric(20, 4);--> statement-breakpoint
ALTER TABLE "catalog"."tax_rates" ADD COLUMN "minimum_tax" numeric(20, 4);--> statement-breakpoint
ALTER TABLE "catalog"."tax_rates" ADD CONSTRAINT "tax_rates_computation_check" CHECK (("catalog"."tax_rates"."computation" = 'percent' and "catalog"."tax_rates"."amount" is null) or ("catalog"."tax_rates"."computation" = 'fixed' and "catalog"."tax_rates"."amount" is not null and "catalog"."tax_rates"."rate" = 0 and "catalog"."tax_rates"."kind" in ('vat', 'excise', 'other')));--> statement-breakpoint
ALTER TABLE "catalog"."tax_rates" ADD CONSTRAINT "tax_rates_document_level_check" CHECK (case when "catalog"."tax_rates"."kind" in ('perception', 'withholding') then not "catalog"."tax_rates"."included_in_price" else "catalog"."tax_rates"."threshold" is null and "catalog"."tax_rates"."minimum_tax" is null end);--> statement-breakpoint
ALTER TABLE "catalog"."tax_rates" ADD CONSTRAINT "tax_rates_country_check" CHECK ("catalog"."tax_rates"."country" ~ '^[A-Z]{2}$');--> statement-breakpoint
ALTER TABLE "catalog"."tax_rates" ADD CONSTRAINT "tax_rates_kind_check" CHECK ("catalog"."tax_rates"."kind" in ('vat', 'exempt', 'non_taxable', 'excise', 'other', 'perception', 'withholding'));--> statement-breakpoint
ALTER TABLE "catalog"."tax_rates" ADD CONSTRAINT "tax_rates_rate_check" CHECK ("catalog"."tax_rates"."rate" >= 0 and "catalog"."tax_rates"."rate" <= 100 and ("catalog"."tax_rates"."kind" not in ('exempt', 'non_taxable') or "catalog"."tax_rates"."rate" = 0));