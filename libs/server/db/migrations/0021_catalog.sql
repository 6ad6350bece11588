CREATE SCHEMA "catalog";
--> statement-breakpoint
CREATE TABLE "catalog"."categories" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "categories_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "categories_tenant_parent_name_key" UNIQUE NULLS NOT DISTINCT("tenant_id","parent_id","name")
);
--> statement-breakpoint
CREATE TABLE "catalog"."item_codes" (
	"tenant_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	CONSTRAINT "item_codes_pkey" PRIMARY KEY("tenant_id","owner_id","kind"),
	CONSTRAINT "item_codes_kind_check" CHECK ("catalog"."item_codes"."kind" in ('sku', 'barcode'))
);
--> statement-breakpoint
CREATE TABLE "catalog"."item_images" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "item_images_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "item_images_content_type_check" CHECK ("catalog"."item_images"."content_type" in ('image/png', 'image/jpeg', 'image/webp')),
	CONSTRAINT "item_images_size_check" CHECK ("catalog"."item_images"."byte_size" > 0 and "catalog"."item_images"."byte_size" <= 5242880)
);
--> statement-breakpoint
CREATE TABLE "catalog"."item_unit_conversions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"factor" numeric NOT NULL,
	CONSTRAINT "item_unit_conversions_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "item_unit_conversions_factor_check" CHECK ("catalog"."item_unit_conversions"."factor" > 0)
);
--> statement-breakpoint
CREATE TABLE "catalog"."item_variants" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"barcode" text,
	"attributes" jsonb NOT NULL,
	"cost" numeric,
	"list_price" numeric,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "item_variants_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "item_variants_tenant_item_id_key" UNIQUE("tenant_id","item_id","id"),
	CONSTRAINT "item_variants_status_check" CHECK ("catalog"."item_variants"."status" in ('active', 'archived')),
	CONSTRAINT "item_variants_cost_check" CHECK ("catalog"."item_variants"."cost" >= 0),
	CONSTRAINT "item_variants_list_price_check" CHECK ("catalog"."item_variants"."list_price" >= 0)
);
--> statement-breakpoint
CREATE TABLE "catalog"."items" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"sku" text NOT NULL,
	"barcode" text,
	"category_id" uuid,
	"unit_id" uuid NOT NULL,
	"sales_unit_id" uuid,
	"purchase_unit_id" uuid,
	"cost" numeric,
	"list_price" numeric,
	"sales_tax_id" uuid,
	"purchase_tax_id" uuid,
	"variant_attributes" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "items_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "items_kind_check" CHECK ("catalog"."items"."kind" in ('stockable', 'consumable', 'service')),
	CONSTRAINT "items_status_check" CHECK ("catalog"."items"."status" in ('active', 'archived')),
	CONSTRAINT "items_cost_check" CHECK ("catalog"."items"."cost" >= 0),
	CONSTRAINT "items_list_price_check" CHECK ("catalog"."items"."list_price" >= 0)
);
--> statement-breakpoint
CREATE TABLE "catalog"."price_list_rules" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"price_list_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"variant_id" uuid,
	"min_quantity" numeric DEFAULT '0' NOT NULL,
	"kind" text NOT NULL,
	"price" numeric,
	"discount_percent" numeric,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "price_list_rules_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "price_list_rules_tenant_list_item_variant_qty_key" UNIQUE NULLS NOT DISTINCT("tenant_id","price_list_id","item_id","variant_id","min_quantity"),
	CONSTRAINT "price_list_rules_kind_check" CHECK ("catalog"."price_list_rules"."kind" in ('fixed', 'discount')),
	CONSTRAINT "price_list_rules_min_quantity_check" CHECK ("catalog"."price_list_rules"."min_quantity" >= 0),
	CONSTRAINT "price_list_rules_amount_check" CHECK (("catalog"."price_list_rules"."kind" = 'fixed' and "catalog"."price_list_rules"."price" >= 0 and "catalog"."price_list_rules"."discount_percent" is null)
        or ("catalog"."price_list_rules"."kind" = 'discount' and "catalog"."price_list_rules"."price" is null
            and "catalog"."price_list_rules"."discount_percent" >= 0 and "catalog"."price_list_rules"."discount_percent" <= 100))
);
--> statement-breakpoint
CREATE TABLE "catalog"."price_lists" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"currency" text NOT NULL,
	"party_id" uuid,
	"customer_group" text,
	"valid_from" date,
	"valid_to" date,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "price_lists_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "price_lists_currency_check" CHECK ("catalog"."price_lists"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "price_lists_target_check" CHECK (num_nonnulls("catalog"."price_lists"."party_id", "catalog"."price_lists"."customer_group") <= 1),
	CONSTRAINT "price_lists_validity_check" CHECK ("catalog"."price_lists"."valid_from" <= "catalog"."price_lists"."valid_to")
);
--> statement-breakpoint
CREATE TABLE "catalog"."tax_rates" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"rate" numeric NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "tax_rates_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "tax_rates_kind_check" CHECK ("catalog"."tax_rates"."kind" in ('vat', 'exempt', 'non_taxable')),
	CONSTRAINT "tax_rates_rate_check" CHECK ("catalog"."tax_rates"."rate" >= 0 and "catalog"."tax_rates"."rate" <= 100 and ("catalog"."tax_rates"."kind" = 'vat' or "catalog"."tax_rates"."rate" = 0))
);
--> statement-breakpoint
CREATE TABLE "catalog"."units" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "units_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "catalog"."categories" ADD CONSTRAINT "categories_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."categories" ADD CONSTRAINT "categories_parent_fk" FOREIGN KEY ("tenant_id","parent_id") REFERENCES "catalog"."categories"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."item_codes" ADD CONSTRAINT "item_codes_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."item_images" ADD CONSTRAINT "item_images_item_fk" FOREIGN KEY ("tenant_id","item_id") REFERENCES "catalog"."items"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."item_unit_conversions" ADD CONSTRAINT "item_unit_conversions_item_fk" FOREIGN KEY ("tenant_id","item_id") REFERENCES "catalog"."items"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."item_unit_conversions" ADD CONSTRAINT "item_unit_conversions_unit_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "catalog"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."item_variants" ADD CONSTRAINT "item_variants_item_fk" FOREIGN KEY ("tenant_id","item_id") REFERENCES "catalog"."items"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."items" ADD CONSTRAINT "items_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."items" ADD CONSTRAINT "items_category_fk" FOREIGN KEY ("tenant_id","category_id") REFERENCES "catalog"."categories"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."items" ADD CONSTRAINT "items_unit_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "catalog"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."items" ADD CONSTRAINT "items_sales_unit_fk" FOREIGN KEY ("tenant_id","sales_unit_id") REFERENCES "catalog"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."items" ADD CONSTRAINT "items_purchase_unit_fk" FOREIGN KEY ("tenant_id","purchase_unit_id") REFERENCES "catalog"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."items" ADD CONSTRAINT "items_sales_tax_fk" FOREIGN KEY ("tenant_id","sales_tax_id") REFERENCES "catalog"."tax_rates"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."items" ADD CONSTRAINT "items_purchase_tax_fk" FOREIGN KEY ("tenant_id","purchase_tax_id") REFERENCES "catalog"."tax_rates"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."price_list_rules" ADD CONSTRAINT "price_list_rules_list_fk" FOREIGN KEY ("tenant_id","price_list_id") REFERENCES "catalog"."price_lists"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."price_list_rules" ADD CONSTRAINT "price_list_rules_item_fk" FOREIGN KEY ("tenant_id","item_id") REFERENCES "catalog"."items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."price_list_rules" ADD CONSTRAINT "price_list_rules_variant_fk" FOREIGN KEY ("tenant_id","item_id","variant_id") REFERENCES "catalog"."item_variants"("tenant_id","item_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."price_lists" ADD CONSTRAINT "price_lists_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."tax_rates" ADD CONSTRAINT "tax_rates_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."units" ADD CONSTRAINT "units_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "categories_tenant_name_idx" ON "catalog"."categories" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "item_codes_sku_key" ON "catalog"."item_codes" USING btree ("tenant_id","code") WHERE kind = 'sku';--> statement-breakpoint
CREATE UNIQUE INDEX "item_codes_barcode_key" ON "catalog"."item_codes" USING btree ("tenant_id","code") WHERE kind = 'barcode';--> statement-breakpoint
CREATE INDEX "item_images_tenant_item_idx" ON "catalog"."item_images" USING btree ("tenant_id","item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "item_unit_conversions_tenant_item_unit_key" ON "catalog"."item_unit_conversions" USING btree ("tenant_id","item_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "item_variants_tenant_sku_key" ON "catalog"."item_variants" USING btree ("tenant_id","sku");--> statement-breakpoint
CREATE UNIQUE INDEX "item_variants_tenant_barcode_key" ON "catalog"."item_variants" USING btree ("tenant_id","barcode");--> statement-breakpoint
CREATE UNIQUE INDEX "item_variants_tenant_item_attributes_key" ON "catalog"."item_variants" USING btree ("tenant_id","item_id","attributes");--> statement-breakpoint
CREATE UNIQUE INDEX "items_tenant_sku_key" ON "catalog"."items" USING btree ("tenant_id","sku");--> statement-breakpoint
CREATE UNIQUE INDEX "items_tenant_barcode_key" ON "catalog"."items" USING btree ("tenant_id","barcode");--> statement-breakpoint
CREATE INDEX "items_tenant_name_idx" ON "catalog"."items" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "items_tenant_category_idx" ON "catalog"."items" USING btree ("tenant_id","category_id");--> statement-breakpoint
CREATE INDEX "items_name_trgm_idx" ON "catalog"."items" USING gin ("tenant_id","name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "items_sku_trgm_idx" ON "catalog"."items" USING gin ("tenant_id","sku" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "items_barcode_trgm_idx" ON "catalog"."items" USING gin ("tenant_id","barcode" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "price_list_rules_tenant_item_idx" ON "catalog"."price_list_rules" USING btree ("tenant_id","item_id");--> statement-breakpoint
CREATE INDEX "price_lists_tenant_name_idx" ON "catalog"."price_lists" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "price_lists_tenant_party_idx" ON "catalog"."price_lists" USING btree ("tenant_id","party_id");--> statement-breakpoint
CREATE INDEX "price_lists_tenant_group_idx" ON "catalog"."price_lists" USING btree ("tenant_id","customer_group");--> statement-breakpoint
CREATE UNIQUE INDEX "tax_rates_tenant_code_key" ON "catalog"."tax_rates" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "units_tenant_code_key" ON "catalog"."units" USING btree ("tenant_id","code");