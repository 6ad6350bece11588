CREATE TABLE "tenancy"."points_of_sale" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "points_of_sale_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "points_of_sale_number_check" CHECK ("tenancy"."points_of_sale"."number" between 1 and 99999)
);
--> statement-breakpoint
ALTER TABLE "crm"."parties" ADD COLUMN "tax_condition" text;--> statement-breakpoint
ALTER TABLE "crm"."parties" ADD COLUMN "recargo_equivalencia" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tenancy"."tenants" ADD COLUMN "tax_condition" text;--> statement-breakpoint
ALTER TABLE "tenancy"."points_of_sale" ADD CONSTRAINT "points_of_sale_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "points_of_sale_tenant_number_key" ON "tenancy"."points_of_sale" USING btree ("tenant_id","number");--> statement-breakpoint
ALTER TABLE "crm"."parties" ADD CONSTRAINT "parties_tax_condition_check" CHECK ("crm"."parties"."tax_condition" ~ '^[a-z_]+$');--> statement-breakpoint
ALTER TABLE "tenancy"."tenants" ADD CONSTRAINT "tenants_tax_condition_check" CHECK ("tenancy"."tenants"."tax_condition" ~ '^[a-z_]+$');