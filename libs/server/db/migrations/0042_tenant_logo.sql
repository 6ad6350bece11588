ALTER TABLE "tenancy"."tenants" ADD COLUMN "logo" "bytea";--> statement-breakpoint
ALTER TABLE "tenancy"."tenants" ADD COLUMN "logo_type" text;--> statement-breakpoint
ALTER TABLE "tenancy"."tenants" ADD CONSTRAINT "tenants_logo_type_check" CHECK ("tenancy"."tenants"."logo_type" in ('image/png', 'image/jpeg'));--> statement-breakpoint
ALTER TABLE "tenancy"."tenants" ADD CONSTRAINT "tenants_logo_check" CHECK (("tenancy"."tenants"."logo" is null) = ("tenancy"."tenants"."logo_type" is null));