CREATE SCHEMA "inventory";
--> statement-breakpoint
CREATE TABLE "inventory"."balances" (
	"tenant_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"variant_id" uuid,
	"location_id" uuid NOT NULL,
	"lot_id" uuid,
	"warehouse_id" uuid,
	"on_hand" numeric(20, 6) DEFAULT '0' NOT NULL,
	"allow_negative" boolean DEFAULT false NOT NULL,
	"serial" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "balances_key" UNIQUE NULLS NOT DISTINCT("tenant_id","item_id","variant_id","location_id","lot_id"),
	CONSTRAINT "balances_not_negative" CHECK ("inventory"."balances"."allow_negative" or "inventory"."balances"."on_hand" >= 0),
	CONSTRAINT "balances_serial_check" CHECK (not "inventory"."balances"."serial" or "inventory"."balances"."on_hand" in (0, 1))
);
--> statement-breakpoint
CREATE TABLE "inventory"."cost_layers" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"variant_id" uuid,
	"move_id" uuid NOT NULL,
	"quantity" numeric(20, 6) NOT NULL,
	"unit_cost" numeric(20, 6) NOT NULL,
	"value" numeric(20, 4) NOT NULL,
	"remaining_quantity" numeric(20, 6) NOT NULL,
	"remaining_value" numeric(20, 4) NOT NULL,
	CONSTRAINT "cost_layers_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "cost_layers_remaining_check" CHECK ("inventory"."cost_layers"."remaining_quantity" >= 0 and "inventory"."cost_layers"."remaining_quantity" <= "inventory"."cost_layers"."quantity")
);
--> statement-breakpoint
CREATE TABLE "inventory"."count_lines" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"variant_id" uuid,
	"lot_id" uuid,
	"expected" numeric(20, 6) DEFAULT '0' NOT NULL,
	"counted" numeric(20, 6),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "count_lines_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "count_lines_key" UNIQUE NULLS NOT DISTINCT("tenant_id","document_id","location_id","item_id","variant_id","lot_id"),
	CONSTRAINT "count_lines_counted_check" CHECK ("inventory"."count_lines"."counted" is null or "inventory"."count_lines"."counted" >= 0)
);
--> statement-breakpoint
CREATE TABLE "inventory"."counts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"number" text,
	"warehouse_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"effective_date" date NOT NULL,
	"notes" text,
	"frozen_at" timestamp with time zone,
	"issued_at" timestamp with time zone,
	"issued_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "counts_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "inventory"."daily_changes" (
	"tenant_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"warehouse_id" uuid,
	"item_id" uuid NOT NULL,
	"variant_id" uuid,
	"lot_id" uuid,
	"day" date NOT NULL,
	"quantity" numeric(20, 6) NOT NULL,
	"value" numeric(20, 4) NOT NULL,
	CONSTRAINT "daily_changes_key" UNIQUE NULLS NOT DISTINCT("tenant_id","location_id","item_id","variant_id","lot_id","day")
);
--> statement-breakpoint
CREATE TABLE "inventory"."item_costs" (
	"tenant_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"variant_id" uuid,
	"quantity" numeric(20, 6) DEFAULT '0' NOT NULL,
	"value" numeric(20, 4) DEFAULT '0' NOT NULL,
	"unit_cost" numeric(20, 6) DEFAULT '0' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "item_costs_key" UNIQUE NULLS NOT DISTINCT("tenant_id","item_id","variant_id")
);
--> statement-breakpoint
CREATE TABLE "inventory"."layer_consumptions" (
	"tenant_id" uuid NOT NULL,
	"move_id" uuid NOT NULL,
	"layer_id" uuid NOT NULL,
	"quantity" numeric(20, 6) NOT NULL,
	"value" numeric(20, 4) NOT NULL,
	CONSTRAINT "layer_consumptions_pkey" PRIMARY KEY("tenant_id","move_id","layer_id")
);
--> statement-breakpoint
CREATE TABLE "inventory"."locations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"warehouse_id" uuid,
	"parent_id" uuid,
	"kind" text DEFAULT 'internal' NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"path" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "locations_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "locations_kind_check" CHECK ("inventory"."locations"."kind" in ('internal', 'supplier', 'customer', 'production', 'scrap', 'adjustment', 'transit')),
	CONSTRAINT "locations_internal_in_warehouse_check" CHECK (("inventory"."locations"."kind" = 'internal') = ("inventory"."locations"."warehouse_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "inventory"."lots" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"variant_id" uuid,
	"code" text NOT NULL,
	"tracking" text NOT NULL,
	"expires_on" date,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "lots_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "lots_tracking_check" CHECK ("inventory"."lots"."tracking" in ('lot', 'serial'))
);
--> statement-breakpoint
CREATE TABLE "inventory"."moves" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"variant_id" uuid,
	"lot_id" uuid,
	"from_location_id" uuid NOT NULL,
	"to_location_id" uuid NOT NULL,
	"quantity" numeric(20, 6) NOT NULL,
	"unit_cost" numeric(20, 6) NOT NULL,
	"value" numeric(20, 4) NOT NULL,
	"effective_date" date NOT NULL,
	"posted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"posted_by" uuid,
	"source_type" text NOT NULL,
	"source_id" uuid NOT NULL,
	"source_line_id" uuid,
	"reverses_move_id" uuid,
	CONSTRAINT "moves_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "moves_quantity_check" CHECK ("inventory"."moves"."quantity" > 0),
	CONSTRAINT "moves_locations_check" CHECK ("inventory"."moves"."from_location_id" <> "inventory"."moves"."to_location_id")
);
--> statement-breakpoint
CREATE TABLE "inventory"."operation_lines" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"item_id" uuid NOT NULL,
	"variant_id" uuid,
	"lot_id" uuid,
	"quantity" numeric(20, 6) NOT NULL,
	"unit_cost" numeric(20, 6),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "operation_lines_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "operation_lines_quantity_check" CHECK ("inventory"."operation_lines"."quantity" <> 0)
);
--> statement-breakpoint
CREATE TABLE "inventory"."operations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"number" text,
	"warehouse_id" uuid NOT NULL,
	"from_location_id" uuid,
	"to_location_id" uuid,
	"via_transit" boolean DEFAULT false NOT NULL,
	"reason" text,
	"effective_date" date NOT NULL,
	"notes" text,
	"issued_at" timestamp with time zone,
	"issued_by" uuid,
	"received_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "operations_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "operations_kind_check" CHECK ("inventory"."operations"."kind" in ('adjustment', 'transfer', 'scrap'))
);
--> statement-breakpoint
CREATE TABLE "inventory"."reorder_rules" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"variant_id" uuid,
	"warehouse_id" uuid NOT NULL,
	"minimum" numeric(20, 6) NOT NULL,
	"maximum" numeric(20, 6) NOT NULL,
	"multiple" numeric(20, 6),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "reorder_rules_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "reorder_rules_key" UNIQUE NULLS NOT DISTINCT("tenant_id","item_id","variant_id","warehouse_id"),
	CONSTRAINT "reorder_rules_range_check" CHECK ("inventory"."reorder_rules"."minimum" >= 0 and "inventory"."reorder_rules"."maximum" >= "inventory"."reorder_rules"."minimum"),
	CONSTRAINT "reorder_rules_multiple_check" CHECK ("inventory"."reorder_rules"."multiple" is null or "inventory"."reorder_rules"."multiple" > 0)
);
--> statement-breakpoint
CREATE TABLE "inventory"."reservations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"variant_id" uuid,
	"warehouse_id" uuid NOT NULL,
	"source_type" text NOT NULL,
	"source_id" uuid NOT NULL,
	"source_line_id" uuid NOT NULL,
	"quantity" numeric(20, 6) NOT NULL,
	"consumed" numeric(20, 6) DEFAULT '0' NOT NULL,
	"released" numeric(20, 6) DEFAULT '0' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "reservations_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "reservations_quantity_check" CHECK ("inventory"."reservations"."quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "inventory"."settings" (
	"tenant_id" uuid NOT NULL,
	"valuation_method" text DEFAULT 'average' NOT NULL,
	"stock_lock_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "settings_pkey" PRIMARY KEY("tenant_id"),
	CONSTRAINT "settings_valuation_method_check" CHECK ("inventory"."settings"."valuation_method" in ('average', 'fifo'))
);
--> statement-breakpoint
CREATE TABLE "inventory"."stock_levels" (
	"tenant_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"variant_id" uuid,
	"warehouse_id" uuid NOT NULL,
	"on_hand" numeric(20, 6) DEFAULT '0' NOT NULL,
	"reserved" numeric(20, 6) DEFAULT '0' NOT NULL,
	"allow_negative" boolean DEFAULT false NOT NULL,
	"last_move_on" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_levels_key" UNIQUE NULLS NOT DISTINCT("tenant_id","item_id","variant_id","warehouse_id"),
	CONSTRAINT "stock_levels_not_negative" CHECK ("inventory"."stock_levels"."allow_negative" or "inventory"."stock_levels"."on_hand" >= 0),
	CONSTRAINT "stock_levels_reserved_check" CHECK ("inventory"."stock_levels"."reserved" >= 0)
);
--> statement-breakpoint
CREATE TABLE "inventory"."warehouses" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"allow_negative" boolean DEFAULT false NOT NULL,
	"address" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "warehouses_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "catalog"."items" ADD COLUMN "tracking" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "inventory"."balances" ADD CONSTRAINT "balances_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."balances" ADD CONSTRAINT "balances_location_fk" FOREIGN KEY ("tenant_id","location_id") REFERENCES "inventory"."locations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."cost_layers" ADD CONSTRAINT "cost_layers_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."cost_layers" ADD CONSTRAINT "cost_layers_move_fk" FOREIGN KEY ("tenant_id","move_id") REFERENCES "inventory"."moves"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."count_lines" ADD CONSTRAINT "count_lines_document_fk" FOREIGN KEY ("tenant_id","document_id") REFERENCES "inventory"."counts"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."counts" ADD CONSTRAINT "counts_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."counts" ADD CONSTRAINT "counts_warehouse_fk" FOREIGN KEY ("tenant_id","warehouse_id") REFERENCES "inventory"."warehouses"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."counts" ADD CONSTRAINT "counts_location_fk" FOREIGN KEY ("tenant_id","location_id") REFERENCES "inventory"."locations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."daily_changes" ADD CONSTRAINT "daily_changes_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."item_costs" ADD CONSTRAINT "item_costs_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."layer_consumptions" ADD CONSTRAINT "layer_consumptions_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."layer_consumptions" ADD CONSTRAINT "layer_consumptions_move_fk" FOREIGN KEY ("tenant_id","move_id") REFERENCES "inventory"."moves"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."layer_consumptions" ADD CONSTRAINT "layer_consumptions_layer_fk" FOREIGN KEY ("tenant_id","layer_id") REFERENCES "inventory"."cost_layers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."locations" ADD CONSTRAINT "locations_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."locations" ADD CONSTRAINT "locations_warehouse_fk" FOREIGN KEY ("tenant_id","warehouse_id") REFERENCES "inventory"."warehouses"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."locations" ADD CONSTRAINT "locations_parent_fk" FOREIGN KEY ("tenant_id","parent_id") REFERENCES "inventory"."locations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."lots" ADD CONSTRAINT "lots_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."moves" ADD CONSTRAINT "moves_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."moves" ADD CONSTRAINT "moves_from_location_fk" FOREIGN KEY ("tenant_id","from_location_id") REFERENCES "inventory"."locations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."moves" ADD CONSTRAINT "moves_to_location_fk" FOREIGN KEY ("tenant_id","to_location_id") REFERENCES "inventory"."locations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."moves" ADD CONSTRAINT "moves_lot_fk" FOREIGN KEY ("tenant_id","lot_id") REFERENCES "inventory"."lots"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."operation_lines" ADD CONSTRAINT "operation_lines_document_fk" FOREIGN KEY ("tenant_id","document_id") REFERENCES "inventory"."operations"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."operations" ADD CONSTRAINT "operations_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."operations" ADD CONSTRAINT "operations_warehouse_fk" FOREIGN KEY ("tenant_id","warehouse_id") REFERENCES "inventory"."warehouses"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."reorder_rules" ADD CONSTRAINT "reorder_rules_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."reorder_rules" ADD CONSTRAINT "reorder_rules_warehouse_fk" FOREIGN KEY ("tenant_id","warehouse_id") REFERENCES "inventory"."warehouses"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."reservations" ADD CONSTRAINT "reservations_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."reservations" ADD CONSTRAINT "reservations_warehouse_fk" FOREIGN KEY ("tenant_id","warehouse_id") REFERENCES "inventory"."warehouses"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."settings" ADD CONSTRAINT "settings_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."stock_levels" ADD CONSTRAINT "stock_levels_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."stock_levels" ADD CONSTRAINT "stock_levels_warehouse_fk" FOREIGN KEY ("tenant_id","warehouse_id") REFERENCES "inventory"."warehouses"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."warehouses" ADD CONSTRAINT "warehouses_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenancy"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "balances_tenant_location_idx" ON "inventory"."balances" USING btree ("tenant_id","location_id");--> statement-breakpoint
CREATE INDEX "balances_tenant_warehouse_item_idx" ON "inventory"."balances" USING btree ("tenant_id","warehouse_id","item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "balances_serial_in_one_place_key" ON "inventory"."balances" USING btree ("tenant_id","lot_id") WHERE "inventory"."balances"."serial" and "inventory"."balances"."on_hand" <> 0;--> statement-breakpoint
CREATE INDEX "cost_layers_open_idx" ON "inventory"."cost_layers" USING btree ("tenant_id","item_id","variant_id","id") WHERE "inventory"."cost_layers"."remaining_quantity" > 0;--> statement-breakpoint
CREATE UNIQUE INDEX "counts_number_key" ON "inventory"."counts" USING btree ("tenant_id","number") WHERE "inventory"."counts"."number" is not null;--> statement-breakpoint
CREATE INDEX "daily_changes_warehouse_day_idx" ON "inventory"."daily_changes" USING btree ("tenant_id","warehouse_id","day");--> statement-breakpoint
CREATE INDEX "layer_consumptions_layer_idx" ON "inventory"."layer_consumptions" USING btree ("tenant_id","layer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "locations_tenant_path_key" ON "inventory"."locations" USING btree ("tenant_id","path");--> statement-breakpoint
CREATE UNIQUE INDEX "locations_tenant_virtual_key" ON "inventory"."locations" USING btree ("tenant_id","kind") WHERE "inventory"."locations"."warehouse_id" is null;--> statement-breakpoint
CREATE INDEX "locations_tenant_warehouse_idx" ON "inventory"."locations" USING btree ("tenant_id","warehouse_id");--> statement-breakpoint
CREATE UNIQUE INDEX "lots_tenant_item_code_key" ON "inventory"."lots" USING btree ("tenant_id","item_id","code");--> statement-breakpoint
CREATE INDEX "lots_tenant_expiry_idx" ON "inventory"."lots" USING btree ("tenant_id","item_id","expires_on");--> statement-breakpoint
CREATE INDEX "moves_tenant_item_date_idx" ON "inventory"."moves" USING btree ("tenant_id","item_id","effective_date","id");--> statement-breakpoint
CREATE INDEX "moves_tenant_lot_idx" ON "inventory"."moves" USING btree ("tenant_id","lot_id") WHERE "inventory"."moves"."lot_id" is not null;--> statement-breakpoint
CREATE INDEX "moves_tenant_source_idx" ON "inventory"."moves" USING btree ("tenant_id","source_type","source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "moves_tenant_reverses_key" ON "inventory"."moves" USING btree ("tenant_id","reverses_move_id") WHERE "inventory"."moves"."reverses_move_id" is not null;--> statement-breakpoint
CREATE INDEX "operation_lines_document_idx" ON "inventory"."operation_lines" USING btree ("tenant_id","document_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "operations_number_key" ON "inventory"."operations" USING btree ("tenant_id","kind","number") WHERE "inventory"."operations"."number" is not null;--> statement-breakpoint
CREATE INDEX "operations_tenant_created_idx" ON "inventory"."operations" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reservations_source_line_key" ON "inventory"."reservations" USING btree ("tenant_id","source_type","source_line_id","warehouse_id");--> statement-breakpoint
CREATE INDEX "reservations_tenant_item_idx" ON "inventory"."reservations" USING btree ("tenant_id","item_id","warehouse_id");--> statement-breakpoint
CREATE INDEX "stock_levels_tenant_warehouse_idx" ON "inventory"."stock_levels" USING btree ("tenant_id","warehouse_id");--> statement-breakpoint
CREATE UNIQUE INDEX "warehouses_tenant_code_key" ON "inventory"."warehouses" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "warehouses_tenant_name_key" ON "inventory"."warehouses" USING btree ("tenant_id","name");--> statement-breakpoint
ALTER TABLE "catalog"."items" ADD CONSTRAINT "items_tracking_check" CHECK ("catalog"."items"."tracking" in ('none', 'lot', 'serial'));