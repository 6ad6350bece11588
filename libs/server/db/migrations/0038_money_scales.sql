ALTER TABLE "catalog"."item_unit_conversions" ALTER COLUMN "factor" SET DATA TYPE numeric(20, 6);--> statement-breakpoint
ALTER TABLE "catalog"."item_variants" ALTER COLUMN "cost" SET DATA TYPE numeric(20, 6);--> statement-breakpoint
ALTER TABLE "catalog"."item_variants" ALTER COLUMN "list_price" SET DATA TYPE numeric(20, 6);--> statement-breakpoint
ALTER TABLE "catalog"."items" ALTER COLUMN "cost" SET DATA TYPE numeric(20, 6);--> statement-breakpoint
ALTER TABLE "catalog"."items" ALTER COLUMN "list_price" SET DATA TYPE numeric(20, 6);--> statement-breakpoint
ALTER TABLE "catalog"."price_list_rules" ALTER COLUMN "min_quantity" SET DATA TYPE numeric(20, 6);--> statement-breakpoint
ALTER TABLE "catalog"."price_list_rules" ALTER COLUMN "min_quantity" SET DEFAULT '0';--> statement-breakpoint
ALTER TABLE "catalog"."price_list_rules" ALTER COLUMN "price" SET DATA TYPE numeric(20, 6);--> statement-breakpoint
ALTER TABLE "catalog"."price_list_rules" ALTER COLUMN "discount_percent" SET DATA TYPE numeric(9, 6);--> statement-breakpoint
ALTER TABLE "crm"."opportunities" ALTER COLUMN "amount" SET DATA TYPE numeric(20, 4);--> statement-breakpoint
ALTER TABLE "crm"."opportunities" ALTER COLUMN "amount" SET DEFAULT '0';--> statement-breakpoint
ALTER TABLE "crm"."parties" ALTER COLUMN "credit_limit" SET DATA TYPE numeric(20, 4);--> statement-breakpoint
-- Amounts are stored rounded to their currency's minor unit (ISO 4217; erp.md §1). The old
-- numeric(18,2) kept cents in currencies that have none: rounded half-up here, once.
UPDATE "crm"."opportunities" SET "amount" = round("amount")
  WHERE "currency" IN ('BIF','CLP','DJF','GNF','ISK','JPY','KMF','KRW','PYG','RWF','UGX','UYI','VND','VUV','XAF','XOF','XPF')
    AND "amount" <> round("amount");--> statement-breakpoint
UPDATE "crm"."parties" p SET "credit_limit" = round(p."credit_limit")
  FROM "tenancy"."tenants" t
  WHERE t."id" = p."tenant_id"
    AND t."currency" IN ('BIF','CLP','DJF','GNF','ISK','JPY','KMF','KRW','PYG','RWF','UGX','UYI','VND','VUV','XAF','XOF','XPF')
    AND p."credit_limit" <> round(p."credit_limit");
