-- Hand-written: inventory's tenant policies and grants, and the guards that keep its ledger
-- honest whoever writes (ADR 0018).
SELECT nexo.enable_tenant_rls('inventory.settings');
--> statement-breakpoint
SELECT nexo.enable_tenant_rls('inventory.warehouses');
--> statement-breakpoint
SELECT nexo.enable_tenant_rls('inventory.locations');
--> statement-breakpoint
SELECT nexo.enable_tenant_rls('inventory.lots');
--> statement-breakpoint
SELECT nexo.enable_tenant_rls('inventory.moves', ARRAY['SELECT', 'INSERT']);
--> statement-breakpoint
SELECT nexo.enable_tenant_rls('inventory.layer_consumptions', ARRAY['SELECT', 'INSERT']);
--> statement-breakpoint
SELECT nexo.enable_tenant_rls('inventory.balances', ARRAY['SELECT', 'INSERT', 'UPDATE']);
--> statement-breakpoint
SELECT nexo.enable_tenant_rls('inventory.stock_levels', ARRAY['SELECT', 'INSERT', 'UPDATE']);
--> statement-breakpoint
SELECT nexo.enable_tenant_rls('inventory.item_costs', ARRAY['SELECT', 'INSERT', 'UPDATE']);
--> statement-breakpoint
SELECT nexo.enable_tenant_rls('inventory.cost_layers', ARRAY['SELECT', 'INSERT', 'UPDATE']);
--> statement-breakpoint
SELECT nexo.enable_tenant_rls('inventory.daily_changes', ARRAY['SELECT', 'INSERT', 'UPDATE']);
--> statement-breakpoint
SELECT nexo.enable_tenant_rls('inventory.reservations');
--> statement-breakpoint
SELECT nexo.enable_tenant_rls('inventory.reorder_rules');
--> statement-breakpoint
SELECT nexo.enable_tenant_rls('inventory.operations');
--> statement-breakpoint
SELECT nexo.enable_tenant_rls('inventory.operation_lines');
--> statement-breakpoint
SELECT nexo.enable_tenant_rls('inventory.counts');
--> statement-breakpoint
SELECT nexo.enable_tenant_rls('inventory.count_lines');
--> statement-breakpoint
-- The ledger is append-only for every role, the owner included: the grants above already
-- leave the app role without UPDATE and DELETE; this trigger refuses them to anyone else.
CREATE FUNCTION inventory.refuse_ledger_change() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = ''
AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: a posted move is undone by a reverse move', TG_TABLE_NAME
    USING ERRCODE = 'check_violation', CONSTRAINT = 'stock_ledger_append_only',
          SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME;
END
$$;
--> statement-breakpoint
CREATE TRIGGER moves_append_only BEFORE UPDATE OR DELETE ON inventory.moves
  FOR EACH ROW EXECUTE FUNCTION inventory.refuse_ledger_change();
--> statement-breakpoint
CREATE TRIGGER moves_no_truncate BEFORE TRUNCATE ON inventory.moves
  FOR EACH STATEMENT EXECUTE FUNCTION inventory.refuse_ledger_change();
--> statement-breakpoint
CREATE TRIGGER layer_consumptions_append_only BEFORE UPDATE OR DELETE ON inventory.layer_consumptions
  FOR EACH ROW EXECUTE FUNCTION inventory.refuse_ledger_change();
--> statement-breakpoint
-- Posted operations and counts never change again, like issued commercial documents.
SELECT documents.install_guards('inventory.operations', 'inventory.operation_lines', ARRAY['received_at']);
--> statement-breakpoint
SELECT documents.install_guards('inventory.counts', 'inventory.count_lines');
