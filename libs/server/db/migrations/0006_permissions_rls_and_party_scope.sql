-- Hand-written: grants and RLS for the permission engine's tables, and the party scope
-- that confines portal actors whatever the engine decides.

GRANT USAGE ON SCHEMA permissions TO nexo_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON permissions.roles TO nexo_app;
--> statement-breakpoint
ALTER TABLE permissions.roles ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE permissions.roles FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON permissions.roles
  USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint

-- Defence in depth: a client or supplier principal sees only the rows of its own party,
-- even if a permission rule were wrong or missing. RESTRICTIVE: it narrows every other
-- policy instead of adding to them. Each party-scoped table gets the same policy.
CREATE POLICY party_scope ON auth.memberships AS RESTRICTIVE
  USING (
    coalesce((select current_setting('app.actor', true)), '') NOT IN ('client', 'supplier')
    OR party_id = (select nullif(current_setting('app.party_id', true), '')::uuid)
  );
