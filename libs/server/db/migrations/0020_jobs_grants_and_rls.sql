-- Hand-written: grants and row-level security for job runs (0015) and the job queue (0016).

GRANT USAGE ON SCHEMA jobs TO nexo_app;
--> statement-breakpoint
-- Enqueuing inserts the run; the worker, as the app role in the job's tenant, moves it along.
GRANT SELECT, INSERT, UPDATE ON jobs.runs TO nexo_app;
--> statement-breakpoint
ALTER TABLE jobs.runs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE jobs.runs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON jobs.runs
  USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint

-- pg-boss runs as nexo_worker: the rows of every table in its schema, and no DDL (it owns
-- nothing and starts with migrate: false).
GRANT USAGE ON SCHEMA pgboss TO nexo_worker;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO nexo_worker;
--> statement-breakpoint
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA pgboss FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA pgboss TO nexo_worker;
--> statement-breakpoint

-- The app role enqueues in the request's own transaction (pg-boss `send` on the request's
-- connection), so a rolled-back request leaves no job. It may insert into the shared job table
-- and read back the id of what it inserted, and read the queue settings the insert copies; it
-- sees nothing else of the schema (no grant on the partitioned parent `pgboss.job`, the
-- schedules, the instances or the queue counters).
GRANT USAGE ON SCHEMA pgboss TO nexo_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION pgboss.job_now() TO nexo_app;
--> statement-breakpoint
GRANT SELECT (name, policy, retry_limit, retry_delay, retry_backoff, retry_delay_max,
  expire_seconds, retention_seconds, deletion_seconds, dead_letter, heartbeat_seconds)
  ON pgboss.queue TO nexo_app;
--> statement-breakpoint
GRANT INSERT, SELECT (id, start_after) ON pgboss.job_common TO nexo_app;
--> statement-breakpoint

-- Jobs are not tenant rows (pg-boss's table has no tenant_id), but their payload names the
-- tenant and the user a worker will run them as. So: the app role may only insert jobs of its
-- own tenant and its own user, and read back only its tenant's; the worker role sees all, under
-- a policy of its own rather than BYPASSRLS. Not FORCEd: the owner (migrations) is unaffected.
ALTER TABLE pgboss.job_common ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY worker_all ON pgboss.job_common FOR ALL TO nexo_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY app_enqueue ON pgboss.job_common FOR INSERT TO nexo_app
  WITH CHECK (
    (data ->> 'tenantId')::uuid = (select nullif(current_setting('app.tenant_id', true), '')::uuid)
    AND (data ->> 'userId') IS NOT DISTINCT FROM (select nullif(current_setting('app.user_id', true), ''))
  );
--> statement-breakpoint
CREATE POLICY app_read_own_tenant ON pgboss.job_common FOR SELECT TO nexo_app
  USING ((data ->> 'tenantId')::uuid = (select nullif(current_setting('app.tenant_id', true), '')::uuid));
