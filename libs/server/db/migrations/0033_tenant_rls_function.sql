-- Hand-written: one call gives a tenant table what 0001, 0003, 0017 and 0022 spell out by hand
-- for each table: ENABLE + FORCE ROW LEVEL SECURITY, the tenant_isolation policy and the app
-- role's grants. A new migration writes
--   SELECT nexo.enable_tenant_rls('inventory.moves');
--   SELECT nexo.enable_tenant_rls('accounts.entries', ARRAY['SELECT', 'INSERT']); -- append-only
-- The schema holds SQL shared by the migrations; the app role has no use of it.
CREATE SCHEMA nexo;
--> statement-breakpoint
COMMENT ON SCHEMA nexo IS 'SQL helpers for the migrations (owner role only).';
--> statement-breakpoint
-- SECURITY INVOKER (the default): it can do only what the calling role may, which in a migration
-- is the owner role, owner of the table. An empty search_path makes every name it uses explicit.
-- Grants are added, never revoked: a table that must lose one says REVOKE itself.
CREATE FUNCTION nexo.enable_tenant_rls(
  tbl regclass,
  grants text[] DEFAULT ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE']
) RETURNS void
  LANGUAGE plpgsql
  SET search_path = ''
AS $$
DECLARE
  bad text;
  tenant constant text := '(select nullif(current_setting(''app.tenant_id'', true), '''')::uuid)';
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute
                  WHERE attrelid = tbl AND attname = 'tenant_id' AND NOT attisdropped) THEN
    RAISE EXCEPTION '% has no tenant_id column', tbl;
  END IF;
  -- The privileges are spelled into the GRANT, so only these words may pass.
  SELECT g INTO bad FROM unnest(grants) AS g
   WHERE g IS NULL OR g NOT IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE') LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'grant % is none of SELECT, INSERT, UPDATE, DELETE', coalesce(bad, 'NULL');
  END IF;

  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
  -- Replaced when it exists, so a second call leaves exactly the standard policy.
  EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %s', tbl);
  EXECUTE format('CREATE POLICY tenant_isolation ON %s USING (tenant_id = %s) WITH CHECK (tenant_id = %s)',
                 tbl, tenant, tenant);

  IF cardinality(grants) > 0 THEN
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO nexo_app',
                   (SELECT n.nspname FROM pg_catalog.pg_class c
                      JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = tbl));
    EXECUTE format('GRANT %s ON %s TO nexo_app', array_to_string(grants, ', '), tbl);
  END IF;
END
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION nexo.enable_tenant_rls(regclass, text[]) FROM PUBLIC;
