-- Hand-written: grants and row-level security for the catalog (0021), and the triggers that
-- keep SKUs and barcodes unique across items and variants of a company (catalog.item_codes).

GRANT USAGE ON SCHEMA catalog TO nexo_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON catalog.units TO nexo_app;
--> statement-breakpoint
ALTER TABLE catalog.units ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE catalog.units FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON catalog.units
  USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON catalog.tax_rates TO nexo_app;
--> statement-breakpoint
ALTER TABLE catalog.tax_rates ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE catalog.tax_rates FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON catalog.tax_rates
  USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON catalog.categories TO nexo_app;
--> statement-breakpoint
ALTER TABLE catalog.categories ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE catalog.categories FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON catalog.categories
  USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON catalog.items TO nexo_app;
--> statement-breakpoint
ALTER TABLE catalog.items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE catalog.items FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON catalog.items
  USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON catalog.item_variants TO nexo_app;
--> statement-breakpoint
ALTER TABLE catalog.item_variants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE catalog.item_variants FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON catalog.item_variants
  USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON catalog.item_codes TO nexo_app;
--> statement-breakpoint
ALTER TABLE catalog.item_codes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE catalog.item_codes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON catalog.item_codes
  USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON catalog.item_unit_conversions TO nexo_app;
--> statement-breakpoint
ALTER TABLE catalog.item_unit_conversions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE catalog.item_unit_conversions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON catalog.item_unit_conversions
  USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON catalog.item_images TO nexo_app;
--> statement-breakpoint
ALTER TABLE catalog.item_images ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE catalog.item_images FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON catalog.item_images
  USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON catalog.price_lists TO nexo_app;
--> statement-breakpoint
ALTER TABLE catalog.price_lists ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE catalog.price_lists FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON catalog.price_lists
  USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON catalog.price_list_rules TO nexo_app;
--> statement-breakpoint
ALTER TABLE catalog.price_list_rules ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE catalog.price_list_rules FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON catalog.price_list_rules
  USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint

-- One space of codes: an item's or a variant's SKU and barcode are registered here, where
-- the partial unique indexes refuse a code taken by any item or variant of the company. The
-- function runs as the caller (the app role), so RLS confines it like any other write.
CREATE FUNCTION catalog.sync_item_codes() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = ''
AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM catalog.item_codes WHERE tenant_id = OLD.tenant_id AND owner_id = OLD.id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO catalog.item_codes (tenant_id, owner_id, kind, code)
      VALUES (NEW.tenant_id, NEW.id, 'sku', NEW.sku);
    IF NEW.barcode IS NOT NULL THEN
      INSERT INTO catalog.item_codes (tenant_id, owner_id, kind, code)
        VALUES (NEW.tenant_id, NEW.id, 'barcode', NEW.barcode);
    END IF;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER items_codes AFTER INSERT OR DELETE OR UPDATE OF sku, barcode ON catalog.items
  FOR EACH ROW EXECUTE FUNCTION catalog.sync_item_codes();
--> statement-breakpoint
CREATE TRIGGER item_variants_codes AFTER INSERT OR DELETE OR UPDATE OF sku, barcode ON catalog.item_variants
  FOR EACH ROW EXECUTE FUNCTION catalog.sync_item_codes();
