-- Hand-written: grants and row-level security for the outbox and consumer records (0009).

GRANT USAGE ON SCHEMA events TO nexo_app, nexo_relay;
--> statement-breakpoint
-- The app role writes events with the change they describe and may read its tenant's feed;
-- it never marks or deletes them (only the relay publishes).
GRANT SELECT, INSERT ON events.outbox TO nexo_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON events.consumed TO nexo_app;
--> statement-breakpoint
-- The relay reads every tenant's outbox and may change one column: published_at.
GRANT SELECT, UPDATE (published_at) ON events.outbox TO nexo_relay;
--> statement-breakpoint

ALTER TABLE events.outbox ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE events.outbox FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON events.outbox
  USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
-- The relay delivers for all tenants under a policy of its own instead of BYPASSRLS: the
-- role stays subject to RLS everywhere else, and its grants above are all it can do here.
CREATE POLICY relay_all ON events.outbox FOR ALL TO nexo_relay USING (true) WITH CHECK (true);
--> statement-breakpoint

ALTER TABLE events.consumed ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE events.consumed FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON events.consumed
  USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));
