ALTER TABLE "platform"."number_series" ADD COLUMN "id" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "platform"."number_series" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "tenancy"."tenants" ADD COLUMN "currencies" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "number_series_id_key" ON "platform"."number_series" USING btree ("tenant_id","id");--> statement-breakpoint
ALTER TABLE "tenancy"."tenants" ADD CONSTRAINT "tenants_currencies_check" CHECK (array_to_string("tenancy"."tenants"."currencies", ',') ~ '^([A-Z]{3}(,[A-Z]{3})*)?$');