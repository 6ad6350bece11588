import { sql } from 'drizzle-orm';
import {
  check,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

export const jobsSchema = pgSchema('jobs');

/** What a tenant can know about one of its jobs; the queue itself is pg-boss's (`pgboss` schema). */
export const JOB_RUN_STATES = ['queued', 'active', 'retry', 'completed', 'failed'] as const;
export type JobRunState = (typeof JOB_RUN_STATES)[number];

/**
 * One job of a tenant as its people see it: state, progress, result or error. Written in the
 * enqueuing transaction together with the pg-boss job (same id), then by the worker as the app
 * role in the job's tenant, so RLS confines it like any business table. The pg-boss job row is
 * the queue's business (claiming, retries, backoff); this row is the tenant's.
 *
 * No foreign key to `tenancy.tenants`: jobs sit below the contexts, like events.
 */
export const jobRuns = jobsSchema.table(
  'runs',
  {
    tenantId: uuid('tenant_id').notNull(),
    /** The pg-boss job id. */
    id: uuid('id').notNull(),
    /** The job definition's name, e.g. `crm.parties.import`. */
    name: text('name').notNull(),
    state: text('state').$type<JobRunState>().notNull().default('queued'),
    /** Attempts started so far (1 on the first run). */
    attempts: integer('attempts').notNull().default(0),
    /** What the handler last reported, e.g. `{ "done": 40, "total": 100 }`. */
    progress: jsonb('progress'),
    result: jsonb('result'),
    /** `{ code, message }` of the last failed attempt; safe to show the tenant. */
    error: jsonb('error'),
    /** The user who enqueued it; null for jobs enqueued with no signed-in principal. */
    createdBy: uuid('created_by'),
    requestId: text('request_id'),
    /** Not run before this time (a delayed job). */
    runAfter: timestamp('run_after', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'runs_pkey', columns: [t.tenantId, t.id] }),
    check(
      'runs_state_check',
      sql`${t.state} in ('queued', 'active', 'retry', 'completed', 'failed')`,
    ),
  ],
);
