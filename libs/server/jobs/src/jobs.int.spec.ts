import { Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { ErrorCode } from '@nexo/contracts';
import { NestFactory } from '@nestjs/core';
import {
  Database,
  DatabaseModule,
  PG_INSUFFICIENT_PRIVILEGE,
  PRINCIPAL_VERIFIER,
  pgErrorCode,
  workerRoleUrl,
  type PrincipalCheck,
  type PrincipalVerifier,
} from '@nexo/db';
import {
  DomainError,
  Mailer,
  MetricsService,
  PlatformModule,
  SecretBox,
  loadConfig,
  requestContext,
  type Principal,
} from '@nexo/platform';
import { adminClient, createTenant, useTestDatabase, type TestDatabase } from '@nexo/testing';
import { newId } from '@nexo/utils';
import { eq, sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jobRuns } from './db/jobs.tables.js';
import { defineJob, defineSystemJob } from './definitions/job-definition.js';
import { PermanentJobError, type JobContext } from './handlers/job-context.js';
import { JobHandlers } from './handlers/job-handlers.js';
import { JobsModule } from './jobs.module.js';
import { Jobs } from './queue/jobs.service.js';

const Census = defineJob('test.tenants.census', z.strictObject({ label: z.string() }), {
  retryDelaySeconds: 0,
});
const Flaky = defineJob('test.flaky.work', z.strictObject({ failures: z.number().int() }), {
  retryLimit: 3,
  retryDelaySeconds: 0,
  retryBackoff: false,
});
const Doomed = defineJob('test.doomed.work', z.strictObject({}), { retryDelaySeconds: 0 });
const Stepwise = defineJob('test.stepwise.work', z.strictObject({ steps: z.number().int() }));
const Nightly = defineSystemJob('test.nightly.chore', z.strictObject({}), { cron: '17 3 * * *' });

interface Seen {
  payload: unknown;
  context: Omit<JobContext, 'tx' | 'progress' | 'signal'>;
  tenantsVisible: string[];
  runsVisible: number;
  settings: { tenant: string; user: string };
  principal: Principal | undefined;
  at: number;
}
const seen = new Map<string, Seen[]>();
/** Steps the `Stepwise` handler may take; the test raises it. */
let stepsReleased = 0;

async function observe(payload: unknown, context: JobContext): Promise<Seen> {
  const tenants = await context.tx.execute<{ id: string }>(sql`select id from tenancy.tenants`);
  const runs = await context.tx.execute<{ n: number }>(
    sql`select count(*)::int as n from jobs.runs`,
  );
  const settings = await context.tx.execute<{ tenant: string; user: string }>(
    sql`select current_setting('app.tenant_id', true) as tenant, current_setting('app.user_id', true) as user`,
  );
  const entry: Seen = {
    payload,
    context: {
      jobId: context.jobId,
      name: context.name,
      attempt: context.attempt,
      tenantId: context.tenantId,
    },
    tenantsVisible: tenants.rows.map((r) => r.id),
    runsVisible: runs.rows[0]?.n ?? -1,
    settings: settings.rows[0] ?? { tenant: '', user: '' },
    principal: requestContext.get()?.principal,
    at: Date.now(),
  };
  seen.set(context.jobId, [...(seen.get(context.jobId) ?? []), entry]);
  return entry;
}

/** A context that runs jobs, as a business module would. */
@Injectable()
class Workers implements OnModuleInit {
  constructor(@Inject(JobHandlers) private readonly handlers: JobHandlers) {}

  onModuleInit(): void {
    this.handlers.handle(Census, async (payload, context) => {
      const entry = await observe(payload, context);
      return { label: payload.label, tenants: entry.tenantsVisible.length };
    });
    this.handlers.handle(Flaky, async (payload, context) => {
      await observe(payload, context);
      if (context.attempt <= payload.failures) throw new Error(`attempt ${context.attempt} broke`);
      return { attempt: context.attempt };
    });
    this.handlers.handle(Doomed, async (payload, context) => {
      await observe(payload, context);
      throw new PermanentJobError('The file has no header row', 'bad_file');
    });
    this.handlers.handle(Stepwise, async (payload, context) => {
      await observe(payload, context);
      for (let step = 1; step <= payload.steps; step++) {
        await context.progress({ done: step, total: payload.steps });
        while (stepsReleased < step) await sleep(20);
        await sleep(300); // past the progress throttle
      }
      return { steps: payload.steps };
    });
    this.handlers.handle(Nightly, async (payload, context) => {
      await observe(payload, context);
    });
  }
}

/** Auth's check, reduced to its contract: active members get their roles, others are refused. */
@Injectable()
class TestVerifier implements PrincipalVerifier {
  readonly revoked = new Set<string>();
  check(principal: Principal): PrincipalCheck {
    return {
      sql: 'select 1',
      accept: () => {
        if (this.revoked.has(principal.userId))
          throw new DomainError(ErrorCode.Unauthenticated, 'revoked');
        principal.roles = ['owner'];
      },
    };
  }
}

@Module({
  providers: [Workers, TestVerifier, { provide: PRINCIPAL_VERIFIER, useExisting: TestVerifier }],
})
class WorkersModule {}

async function waitFor<T>(read: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await sleep(50);
  }
}

function metricValue(text: string, name: string, queue: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{queue="${queue}"} `));
  return Number(line?.split(' ')[1]);
}

type TestApp = Awaited<ReturnType<typeof NestFactory.createApplicationContext>>;

async function boot(
  db: { readonly current: TestDatabase },
  role: 'all' | 'api' | 'worker',
): Promise<{ app: TestApp; database: Database; metrics: MetricsService }> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', NEXO_ROLE: role });
  const metrics = new MetricsService();
  // The app closes its pool on shutdown: give it one of its own.
  const database = new Database(db.current.appUrl, { max: 6 });
  const app = await NestFactory.createApplicationContext(
    {
      module: class JobsTestApp {},
      imports: [
        PlatformModule.forRoot({
          config,
          logger: pino({ level: 'silent' }),
          metrics,
          secretBox: new SecretBox(randomBytes(32).toString('base64')),
          mailer: new Mailer({ from: 'test@nexo.test', dropDir: tmpdir() }),
        }),
        DatabaseModule.forRoot(database),
        JobsModule.forRoot({ pollingIntervalSeconds: 0.5, stopTimeoutMs: 5_000 }),
        WorkersModule,
      ],
    },
    { logger: false },
  );
  await app.init();
  return { app, database, metrics };
}

/** As a signed-in member of `tenantId` would, in a request's transaction. */
function asMember<T>(
  database: Database,
  tenantId: string,
  userId: string,
  fn: () => Promise<T>,
): Promise<T> {
  const principal: Principal = {
    userId,
    tenantId,
    actor: 'employee',
    membershipId: newId(),
    roles: ['owner'],
    issuedAt: Math.floor(Date.now() / 1000),
  };
  return requestContext.run({ requestId: `req-${newId()}`, principal }, () =>
    database.withContext({ tenantId, userId, actor: 'employee' }, fn),
  );
}

const runOf = (database: Database, tenantId: string, id: string) =>
  database.withContext({ tenantId }, async (tx) => {
    const [row] = await tx.select().from(jobRuns).where(eq(jobRuns.id, id));
    return row;
  });

describe('jobs', () => {
  const db = useTestDatabase();
  let app: TestApp;
  let database: Database;
  let metrics: MetricsService;
  let jobs: Jobs;
  let a: string;
  let b: string;
  const userA = newId();

  const member = <T>(tenantId: string, fn: () => Promise<T>, userId = userA): Promise<T> =>
    asMember(database, tenantId, userId, fn);
  const readRun = (tenantId: string, id: string) => runOf(database, tenantId, id);

  const finished = (tenantId: string, id: string) =>
    waitFor(async () => {
      const run = await readRun(tenantId, id);
      return run && ['completed', 'failed'].includes(run.state) ? run : undefined;
    });

  beforeAll(async () => {
    ({ app, database, metrics } = await boot(db, 'all'));
    jobs = app.get(Jobs);
    a = (await createTenant(db.current.database)).id;
    b = (await createTenant(db.current.database)).id;
  });

  afterAll(async () => {
    await app.close();
  });

  it('runs a job in its tenant, as its author, where RLS shows only that tenant', async () => {
    const otherRun = await member(b, () => jobs.enqueue(Census, { label: 'of B' }), newId());
    const id = await member(a, () => jobs.enqueue(Census, { label: 'of A' }));
    expect(id).toEqual(expect.any(String));
    const run = await finished(a, id!);
    expect(run).toMatchObject({
      tenantId: a,
      name: 'test.tenants.census',
      state: 'completed',
      attempts: 1,
      result: { label: 'of A', tenants: 1 },
      error: null,
      createdBy: userA,
    });
    const [entry] = seen.get(id!) ?? [];
    expect(entry).toMatchObject({
      payload: { label: 'of A' },
      context: { jobId: id, name: 'test.tenants.census', attempt: 1, tenantId: a },
      tenantsVisible: [a],
      settings: { tenant: a, user: userA },
      principal: { userId: userA, tenantId: a, actor: 'employee', roles: ['owner'] },
    });
    // Its own run only, though B's job was queued at the same time.
    await finished(b, otherRun!);
    expect(entry?.runsVisible).toBeGreaterThanOrEqual(1);
    expect(await readRun(a, otherRun!)).toBeUndefined();
  });

  it('retries failed attempts, then completes', async () => {
    const id = await member(a, () => jobs.enqueue(Flaky, { failures: 2 }));
    const run = await finished(a, id!);
    expect(run).toMatchObject({ state: 'completed', attempts: 3, result: { attempt: 3 } });
    expect(seen.get(id!)?.map((s) => s.context.attempt)).toEqual([1, 2, 3]);
  });

  it('records a failure the tenant can read, and gives up after the retry limit', async () => {
    const id = await member(a, () => jobs.enqueue(Flaky, { failures: 9 }, { retryLimit: 1 }));
    const run = await finished(a, id!);
    expect(run).toMatchObject({
      state: 'failed',
      attempts: 2,
      error: { code: 'job_failed', errorId: expect.any(String) },
    });
    // The handler's message stays in the log: it may name internals.
    expect(JSON.stringify(run?.error)).not.toContain('broke');
  });

  it('fails at once, with its message, on a permanent error', async () => {
    const id = await member(a, () => jobs.enqueue(Doomed, {}));
    const run = await finished(a, id!);
    expect(run).toMatchObject({
      state: 'failed',
      attempts: 1,
      error: { code: 'bad_file', message: 'The file has no header row' },
    });
  });

  it('does not run a delayed job before its time', async () => {
    const enqueuedAt = Date.now();
    const id = await member(a, () => jobs.enqueue(Census, { label: 'later' }, { startAfter: 2 }));
    await sleep(1_200);
    expect(seen.has(id!)).toBe(false);
    expect(await readRun(a, id!)).toMatchObject({ state: 'queued', attempts: 0 });
    const text = await metrics.registry.metrics();
    expect(metricValue(text, 'nexo_jobs_deferred', 'test.tenants.census')).toBeGreaterThanOrEqual(
      1,
    );
    const run = await finished(a, id!);
    expect(run.state).toBe('completed');
    expect(seen.get(id!)?.[0]?.at).toBeGreaterThanOrEqual(enqueuedAt + 2_000);
    expect(run.runAfter.getTime() - run.createdAt.getTime()).toBeGreaterThanOrEqual(1_900);
  });

  it('enqueues nothing when the enqueuing transaction rolls back', async () => {
    let id: string | null = null;
    await expect(
      member(a, async () => {
        id = await jobs.enqueue(Census, { label: 'never' });
        throw new Error('the request failed after enqueuing');
      }),
    ).rejects.toThrow('the request failed');
    expect(id).toEqual(expect.any(String));
    await sleep(1_000);
    expect(seen.has(id!)).toBe(false);
    const admin = await adminClient(db.current);
    try {
      const { rows } = await admin.query<{ jobs: number; runs: number }>(
        `select (select count(*)::int from pgboss.job where id = $1) as jobs,
                (select count(*)::int from jobs.runs where id = $1) as runs`,
        [id],
      );
      expect(rows).toEqual([{ jobs: 0, runs: 0 }]);
    } finally {
      await admin.end();
    }
  });

  it('shows progress while the job runs, and the last of it when done', async () => {
    const id = await member(a, () => jobs.enqueue(Stepwise, { steps: 2 }));
    const first = await waitFor(async () => {
      const run = await readRun(a, id!);
      return run?.progress ? run : undefined;
    });
    expect(first).toMatchObject({ state: 'active', progress: { done: 1, total: 2 } });
    stepsReleased = 1;
    await waitFor(async () => {
      const run = await readRun(a, id!);
      return (run?.progress as { done?: number } | null)?.done === 2 ? run : undefined;
    });
    stepsReleased = 2;
    expect(await finished(a, id!)).toMatchObject({
      state: 'completed',
      progress: { done: 2, total: 2 },
      result: { steps: 2 },
    });
  });

  it('fails the job of an author who lost access, without retrying', async () => {
    const revoked = newId();
    app.get(TestVerifier).revoked.add(revoked);
    const id = await member(a, () => jobs.enqueue(Census, { label: 'x' }), revoked);
    expect(await finished(a, id!)).toMatchObject({
      state: 'failed',
      attempts: 1,
      error: { code: 'author_revoked' },
    });
    expect(seen.has(id!)).toBe(false);
  });

  it('dedupes by singleton key within a tenant only', async () => {
    const Once = defineJob('test.once.only', z.strictObject({}), { policy: 'short' });
    // No handler here: the queue exists, nothing consumes it, so the first job stays queued.
    const first = await member(a, () => jobs.enqueue(Once, {}, { singletonKey: 'import' }));
    const again = await member(a, () => jobs.enqueue(Once, {}, { singletonKey: 'import' }));
    const otherTenant = await member(
      b,
      () => jobs.enqueue(Once, {}, { singletonKey: 'import' }),
      newId(),
    );
    expect(first).toEqual(expect.any(String));
    expect(again).toBeNull();
    expect(otherTenant).toEqual(expect.any(String));
  });

  it('runs system jobs with no tenant, and schedules those with a cron', async () => {
    const id = await jobs.sendSystem(Nightly, {});
    const entry = await waitFor(() => Promise.resolve(seen.get(id!)?.[0]));
    expect(entry).toMatchObject({
      tenantsVisible: [],
      runsVisible: 0,
      context: { tenantId: undefined },
    });
    const admin = await adminClient(db.current);
    try {
      const { rows } = await admin.query(
        `select name, cron, timezone from pgboss.schedule where name = $1`,
        [Nightly.name],
      );
      expect(rows).toEqual([{ name: 'test.nightly.chore', cron: '17 3 * * *', timezone: 'UTC' }]);
    } finally {
      await admin.end();
    }
    await expect(member(a, () => jobs.enqueue(Nightly, {}))).rejects.toThrow(/system job/);
    await expect(jobs.enqueue(Census, { label: 'no tx' })).rejects.toThrow(/No transaction/);
  });
});

describe('the job queue’s tables', () => {
  const db = useTestDatabase();
  let app: Database;
  let worker: pg.Client;
  let a: string;
  let b: string;
  let jobOfB: string;

  beforeAll(async () => {
    app = db.current.database;
    a = (await createTenant(app)).id;
    b = (await createTenant(app)).id;
    worker = new pg.Client({
      connectionString: workerRoleUrl(db.current.adminUrl, db.current.appPassword),
    });
    await worker.connect();
    await worker.query(
      `select pgboss.create_queue('test.census.isolation', '{"policy":"standard"}')`,
    );
    jobOfB = newId();
    await worker.query(
      `insert into pgboss.job_common (id, name, data) values ($1, 'test.census.isolation', $2)`,
      [jobOfB, { v: 1, tenantId: b, userId: null, payload: { secret: 'of B' } }],
    );
  });
  afterAll(async () => {
    await worker.end();
  });

  const insertAs = (tenantId: string, data: object) =>
    app.withContext({ tenantId }, (tx) =>
      tx.execute(sql`insert into pgboss.job_common (id, name, data)
                     values (${newId()}, 'test.census.isolation', ${JSON.stringify(data)}::jsonb)
                     returning id`),
    );

  it('lets the app role enqueue for its own tenant and user only', async () => {
    await expect(insertAs(a, { tenantId: a, userId: null })).resolves.toMatchObject({
      rowCount: 1,
    });
    for (const data of [{ tenantId: b, userId: null }, { tenantId: a, userId: newId() }, {}]) {
      const error = await insertAs(a, data).catch((e: unknown) => e);
      expect(pgErrorCode(error)).toBe(PG_INSUFFICIENT_PRIVILEGE);
    }
  });

  it('shows the app role no payload and no other tenant’s job', async () => {
    const ids = await app.withContext({ tenantId: a }, (tx) =>
      tx.execute<{ id: string }>(sql`select id from pgboss.job_common`),
    );
    expect(ids.rows.map((r) => r.id)).not.toContain(jobOfB);
    for (const query of [
      sql`select data from pgboss.job_common`,
      sql`select id from pgboss.job`,
      sql`select * from pgboss.schedule`,
      sql`select queued_count from pgboss.queue`,
    ]) {
      const error = await app
        .withContext({ tenantId: a }, (tx) => tx.execute(query))
        .catch((e: unknown) => e);
      expect(pgErrorCode(error)).toBe(PG_INSUFFICIENT_PRIVILEGE);
    }
  });

  it('gives the worker role the queue and nothing of the tenants’ tables', async () => {
    const { rows } = await worker.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
      'select rolsuper, rolbypassrls from pg_roles where rolname = current_user',
    );
    expect(rows).toEqual([{ rolsuper: false, rolbypassrls: false }]);
    expect((await worker.query('select id from pgboss.job where id = $1', [jobOfB])).rowCount).toBe(
      1,
    );
    for (const query of [
      'select * from jobs.runs',
      'select * from tenancy.tenants',
      'create table pgboss.x (id int)',
    ]) {
      const error = await worker.query(query).catch((e: unknown) => e);
      expect(pgErrorCode(error)).toBe(PG_INSUFFICIENT_PRIVILEGE);
    }
  });
});

describe('JobsModule', () => {
  const db = useTestDatabase();

  it('enqueues but neither works nor schedules in an API process', async () => {
    const { app, database, metrics } = await boot(db, 'api');
    const tenantId = (await createTenant(db.current.database)).id;
    try {
      const id = await asMember(database, tenantId, newId(), () =>
        app.get(Jobs).enqueue(Census, { label: 'for a worker' }),
      );
      await sleep(800);
      expect(await runOf(database, tenantId, id!)).toMatchObject({ state: 'queued' });
      expect(metrics.registry.getSingleMetric('nexo_jobs_ready')).toBeUndefined();
      expect(() => app.get(JobHandlers).handle(Doomed, () => Promise.resolve())).toThrow(
        /after the application booted/,
      );
      const admin = await adminClient(db.current);
      const { rows } = await admin.query('select name from pgboss.schedule');
      await admin.end();
      expect(rows).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('lets a running job finish on shutdown, then closes the pool', async () => {
    const { app, database, metrics } = await boot(db, 'worker');
    const tenantId = (await createTenant(db.current.database)).id;
    stepsReleased = 0;
    const id = await asMember(database, tenantId, newId(), () =>
      app.get(Jobs).enqueue(Stepwise, { steps: 1 }),
    );
    // The job queued by the API process above is picked up too.
    await waitFor(async () =>
      (await runOf(database, tenantId, id!))?.progress ? true : undefined,
    );
    const text = await metrics.registry.metrics();
    expect(metricValue(text, 'nexo_jobs_active', 'test.stepwise.work')).toBe(1);
    const closing = app.close();
    await sleep(200);
    stepsReleased = 1;
    await closing;
    expect(database.pool.ended).toBe(true);
    expect(await runOf(db.current.database, tenantId, id!)).toMatchObject({ state: 'completed' });
  });
});
