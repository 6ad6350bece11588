-- Hand-written: the mutation audit log is append-only for the app role and confined to
-- the current tenant.

GRANT SELECT, INSERT ON audit.audit_log TO nexo_app;
--> statement-breakpoint
ALTER TABLE audit.audit_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit.audit_log FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON audit.audit_log
  USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));
