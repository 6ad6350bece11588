-- Hand-written: grants, tenant isolation and the portal party scope for CRM and custom fields.
GRANT USAGE ON SCHEMA crm TO nexo_app;
--> statement-breakpoint
GRANT USAGE ON SCHEMA customization TO nexo_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON crm.teams TO nexo_app;
--> statement-breakpoint
ALTER TABLE crm.teams ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE crm.teams FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON crm.teams
  USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON crm.parties TO nexo_app;
--> statement-breakpoint
ALTER TABLE crm.parties ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE crm.parties FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON crm.parties
  USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON crm.contacts TO nexo_app;
--> statement-breakpoint
ALTER TABLE crm.contacts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE crm.contacts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON crm.contacts
  USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON crm.addresses TO nexo_app;
--> statement-breakpoint
ALTER TABLE crm.addresses ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE crm.addresses FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON crm.addresses
  USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON crm.leads TO nexo_app;
--> statement-breakpoint
ALTER TABLE crm.leads ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE crm.leads FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON crm.leads
  USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON crm.pipelines TO nexo_app;
--> statement-breakpoint
ALTER TABLE crm.pipelines ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE crm.pipelines FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON crm.pipelines
  USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON crm.stages TO nexo_app;
--> statement-breakpoint
ALTER TABLE crm.stages ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE crm.stages FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON crm.stages
  USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON crm.opportunities TO nexo_app;
--> statement-breakpoint
ALTER TABLE crm.opportunities ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE crm.opportunities FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON crm.opportunities
  USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON crm.activities TO nexo_app;
--> statement-breakpoint
ALTER TABLE crm.activities ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE crm.activities FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON crm.activities
  USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON crm.timeline_entries TO nexo_app;
--> statement-breakpoint
ALTER TABLE crm.timeline_entries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE crm.timeline_entries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON crm.timeline_entries
  USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON customization.field_definitions TO nexo_app;
--> statement-breakpoint
ALTER TABLE customization.field_definitions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE customization.field_definitions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON customization.field_definitions
  USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
-- Portal actors (client, supplier) see only their own party's rows, whatever the engine
-- decides: RESTRICTIVE narrows every other policy (see 0006 for memberships).
CREATE POLICY party_scope ON crm.parties AS RESTRICTIVE
  USING (
    coalesce((select current_setting('app.actor', true)), '') NOT IN ('client', 'supplier')
    OR id = (select nullif(current_setting('app.party_id', true), '')::uuid)
  );
--> statement-breakpoint
CREATE POLICY party_scope ON crm.contacts AS RESTRICTIVE
  USING (
    coalesce((select current_setting('app.actor', true)), '') NOT IN ('client', 'supplier')
    OR party_id = (select nullif(current_setting('app.party_id', true), '')::uuid)
  );
--> statement-breakpoint
CREATE POLICY party_scope ON crm.addresses AS RESTRICTIVE
  USING (
    coalesce((select current_setting('app.actor', true)), '') NOT IN ('client', 'supplier')
    OR party_id = (select nullif(current_setting('app.party_id', true), '')::uuid)
  );
--> statement-breakpoint
CREATE POLICY party_scope ON crm.opportunities AS RESTRICTIVE
  USING (
    coalesce((select current_setting('app.actor', true)), '') NOT IN ('client', 'supplier')
    OR party_id = (select nullif(current_setting('app.party_id', true), '')::uuid)
  );
--> statement-breakpoint
CREATE POLICY party_scope ON crm.activities AS RESTRICTIVE
  USING (
    coalesce((select current_setting('app.actor', true)), '') NOT IN ('client', 'supplier')
    OR party_id = (select nullif(current_setting('app.party_id', true), '')::uuid)
  );
--> statement-breakpoint
CREATE POLICY party_scope ON crm.timeline_entries AS RESTRICTIVE
  USING (
    coalesce((select current_setting('app.actor', true)), '') NOT IN ('client', 'supplier')
    OR party_id = (select nullif(current_setting('app.party_id', true), '')::uuid)
  );
--> statement-breakpoint
CREATE POLICY party_scope ON crm.leads AS RESTRICTIVE
  USING (coalesce((select current_setting('app.actor', true)), '') NOT IN ('client', 'supplier'));
--> statement-breakpoint
CREATE POLICY party_scope ON crm.teams AS RESTRICTIVE
  USING (coalesce((select current_setting('app.actor', true)), '') NOT IN ('client', 'supplier'));
