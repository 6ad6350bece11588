-- Hand-written: grants and row-level security for identity (0002).

GRANT USAGE ON SCHEMA audit TO nexo_app;
--> statement-breakpoint
-- Security events are append-only for the app role.
GRANT SELECT, INSERT ON audit.security_events TO nexo_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON auth.signing_keys, auth.sessions, auth.refresh_tokens,
  auth.one_time_tokens, auth.recovery_codes TO nexo_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON auth.invitations, auth.oidc_providers, auth.oidc_logins,
  auth.api_clients TO nexo_app;
--> statement-breakpoint

-- A signed-in person reads their own memberships in every tenant (tenant switcher, login)
-- and the companies they belong to; nothing else outside the current tenant.
CREATE POLICY own_memberships ON auth.memberships FOR SELECT
  USING (user_id = (select nullif(current_setting('app.user_id', true), '')::uuid));
--> statement-breakpoint
CREATE POLICY member_tenants ON tenancy.tenants FOR SELECT
  USING (id IN (select m.tenant_id from auth.memberships m
                 where m.user_id = (select nullif(current_setting('app.user_id', true), '')::uuid)));
--> statement-breakpoint

ALTER TABLE auth.invitations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE auth.invitations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON auth.invitations
  USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
ALTER TABLE auth.oidc_providers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE auth.oidc_providers FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON auth.oidc_providers
  USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
ALTER TABLE auth.oidc_logins ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE auth.oidc_logins FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON auth.oidc_logins
  USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
ALTER TABLE auth.api_clients ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE auth.api_clients FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON auth.api_clients
  USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));
