-- Hand-written: grants and row-level security for the tables of 0000.
-- The roles themselves are cluster-wide and created (idempotently) by the migrator's
-- bootstrap before any migration runs; see libs/server/db/src/migrate/bootstrap-roles.ts.

GRANT USAGE ON SCHEMA tenancy, auth TO nexo_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON tenancy.tenants TO nexo_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON auth.users TO nexo_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON auth.memberships TO nexo_app;
--> statement-breakpoint

-- A tenant sees only its own registry row; creating a tenant means first setting
-- app.tenant_id to the new id, so a request can never create or touch another one.
ALTER TABLE tenancy.tenants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE tenancy.tenants FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON tenancy.tenants
  USING (id = (select nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint

ALTER TABLE auth.memberships ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE auth.memberships FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON auth.memberships
  USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));
