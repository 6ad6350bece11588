-- Hand-written: grants and RLS for document number series (0013).

GRANT SELECT, INSERT, UPDATE ON platform.number_series TO nexo_app;
--> statement-breakpoint
ALTER TABLE platform.number_series ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE platform.number_series FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON platform.number_series
  USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));
