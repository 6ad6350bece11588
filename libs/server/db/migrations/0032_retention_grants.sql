-- Retention (issue 23): the relay prunes delivered outbox rows and consumed-event records, the
-- worker finished job runs (the hourly platform.retention.prune job, ADR 0007 and 0009). Each
-- role may read only the columns that choose the rows, and delete; the policies let them do it
-- across tenants, as their other work does.
GRANT DELETE ON events.outbox TO nexo_relay;
--> statement-breakpoint
-- Only what was delivered: an undelivered event is never lost to a prune.
CREATE POLICY relay_prune_published ON events.outbox AS RESTRICTIVE FOR DELETE TO nexo_relay
  USING (published_at IS NOT NULL);
--> statement-breakpoint
GRANT SELECT (tenant_id, consumer, event_id, consumed_at), DELETE ON events.consumed TO nexo_relay;
--> statement-breakpoint
CREATE POLICY relay_prune_read ON events.consumed FOR SELECT TO nexo_relay USING (true);
--> statement-breakpoint
CREATE POLICY relay_prune ON events.consumed FOR DELETE TO nexo_relay USING (true);
--> statement-breakpoint
GRANT USAGE ON SCHEMA jobs TO nexo_worker;
--> statement-breakpoint
GRANT SELECT (tenant_id, id, state, finished_at), DELETE ON jobs.runs TO nexo_worker;
--> statement-breakpoint
CREATE POLICY worker_prune_read ON jobs.runs FOR SELECT TO nexo_worker USING (true);
--> statement-breakpoint
CREATE POLICY worker_prune ON jobs.runs FOR DELETE TO nexo_worker USING (true);
--> statement-breakpoint
-- Each batch finds its oldest rows by these instead of scanning the table.
CREATE INDEX outbox_published_at_idx ON events.outbox (published_at) WHERE published_at IS NOT NULL;
--> statement-breakpoint
CREATE INDEX consumed_consumed_at_idx ON events.consumed (consumed_at);
--> statement-breakpoint
CREATE INDEX runs_finished_at_idx ON jobs.runs (finished_at) WHERE finished_at IS NOT NULL;
