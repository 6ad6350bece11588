import { Body, Controller, Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { defineRoute, permission, type RouteBody } from '@nexo/contracts';
import { JobHandlers, Jobs, defineJob } from '@nexo/jobs';
import { Route } from '@nexo/platform';
import { useTestDatabase } from '@nexo/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bearer, createAccount, login, type TestAccount } from './helpers/accounts.js';
import { useTestApp } from './helpers/test-app.js';

const ImportRows = defineJob(
  'test.rows.import',
  z.strictObject({ rows: z.number().int().positive() }),
  { retryLimit: 0 },
);

/** Rows the `ImportRows` handler may import; the test raises it. */
let released = 0;
/** The id the last request enqueued, even if that request then failed. */
let lastEnqueued: string | null = null;

@Injectable()
class Importer implements OnModuleInit {
  constructor(@Inject(JobHandlers) private readonly handlers: JobHandlers) {}

  onModuleInit(): void {
    this.handlers.handle(ImportRows, async ({ rows }, job) => {
      for (let done = 1; done <= rows; done++) {
        while (released < done) await sleep(20);
        await job.progress({ done, total: rows, message: `row ${done}` });
        await sleep(300); // past the progress throttle
      }
      return { imported: rows };
    });
  }
}

const StartImport = defineRoute({
  method: 'POST',
  path: '/test-jobs/imports',
  operationId: 'startTestImport',
  summary: 'test fixture',
  tag: 'test',
  access: permission('read', 'tenancy.tenant'),
  body: z.strictObject({
    rows: z.number().int().positive(),
    failAfter: z.boolean().optional(),
    startAfterSeconds: z.number().int().optional(),
  }),
  status: 201,
  response: z.object({ id: z.uuid().nullable() }),
});

/** What a CSV import endpoint will do: enqueue in the request and answer the job's id. */
@Controller()
class ImportController {
  constructor(@Inject(Jobs) private readonly jobs: Jobs) {}

  @Route(StartImport)
  async start(@Body() body: RouteBody<typeof StartImport>): Promise<{ id: string | null }> {
    const id = await this.jobs.enqueue(
      ImportRows,
      { rows: body.rows },
      body.startAfterSeconds ? { startAfter: body.startAfterSeconds } : {},
    );
    lastEnqueued = id;
    if (body.failAfter) throw new Error('failed after enqueuing');
    return { id };
  }
}

@Module({ controllers: [ImportController], providers: [Importer] })
class ImportModule {}

describe('jobs over HTTP', () => {
  const db = useTestDatabase();
  const t = useTestApp(db, [ImportModule]);
  let owner: TestAccount;
  let ownerToken: string;

  beforeAll(async () => {
    owner = await createAccount(t.app, db.current, { roles: ['owner'] });
    ownerToken = (await login(t.app, owner)).accessToken;
  });

  const start = async (token: string, body: object): Promise<string> => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/test-jobs/imports',
      headers: bearer(token),
      payload: body,
    });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const read = (token: string, id: string) =>
    t.app.inject({ method: 'GET', url: `/api/v1/jobs/${id}`, headers: bearer(token) });
  /** A job as the route answers it (JSON: dates are strings). */
  type Job = Record<string, unknown> & {
    state: string;
    progress: { done: number; total?: number } | null;
  };
  const until = async (token: string, id: string, ok: (job: Job) => boolean): Promise<Job> => {
    for (let i = 0; i < 200; i++) {
      const res = await read(token, id);
      if (res.statusCode === 200 && ok(res.json<Job>())) return res.json<Job>();
      await sleep(50);
    }
    throw new Error(`job ${id} never got there: ${(await read(token, id)).body}`);
  };

  it('shows a job’s progress while it runs, then its result', async () => {
    released = 0;
    const id = await start(ownerToken, { rows: 2 });
    const queued = await read(ownerToken, id);
    expect(queued.statusCode).toBe(200);
    expect(queued.json()).toMatchObject({ id, name: 'test.rows.import', progress: null });
    released = 1;
    expect(await until(ownerToken, id, (b) => b.progress?.done === 1)).toMatchObject({
      state: 'active',
      attempts: 1,
      progress: { done: 1, total: 2, message: 'row 1' },
      result: null,
      error: null,
    });
    released = 2;
    const done = await until(ownerToken, id, (b) => b.state === 'completed');
    expect(done).toMatchObject({
      progress: { done: 2, total: 2 },
      result: { imported: 2 },
      finishedAt: expect.any(String),
    });
    expect(done).not.toHaveProperty('tenantId');
  });

  it('answers 404 for another company’s job, and for a colleague’s unless an admin asks', async () => {
    released = 99;
    const id = await start(ownerToken, { rows: 1 });
    await until(ownerToken, id, (b) => b.state === 'completed');
    const stranger = await createAccount(t.app, db.current, { roles: ['owner'] });
    expect((await read((await login(t.app, stranger)).accessToken, id)).statusCode).toBe(404);

    const colleague = await createAccount(t.app, db.current, {
      tenantId: owner.tenantId,
      roles: ['sales'],
    });
    const colleagueToken = (await login(t.app, colleague)).accessToken;
    expect((await read(colleagueToken, id)).statusCode).toBe(404);
    const own = await start(colleagueToken, { rows: 1 });
    expect((await read(colleagueToken, own)).statusCode).toBe(200);
    const admin = await createAccount(t.app, db.current, {
      tenantId: owner.tenantId,
      roles: ['admin'],
    });
    expect((await read((await login(t.app, admin)).accessToken, own)).statusCode).toBe(200);
  });

  it('leaves no job behind when the request fails after enqueuing', async () => {
    released = 99;
    const res = await t.app.inject({
      method: 'POST',
      url: '/test-jobs/imports',
      headers: bearer(ownerToken),
      payload: { rows: 1, failAfter: true },
    });
    expect(res.statusCode).toBe(500);
    expect(lastEnqueued).toMatch(/^[0-9a-f-]{36}$/);
    await sleep(500);
    expect((await read(ownerToken, lastEnqueued!)).statusCode).toBe(404);
  });

  it('fails the job of someone who lost access before it ran', async () => {
    const member = await createAccount(t.app, db.current, {
      tenantId: owner.tenantId,
      roles: ['sales'],
    });
    const memberToken = (await login(t.app, member)).accessToken;
    const id = await start(memberToken, { rows: 1, startAfterSeconds: 1 });
    const disabled = await t.app.inject({
      method: 'POST',
      url: `/api/v1/auth/members/${member.membershipId}/disable`,
      headers: bearer(ownerToken),
    });
    expect(disabled.statusCode).toBe(204);
    expect(await until(ownerToken, id, (b) => b.state === 'failed')).toMatchObject({
      attempts: 1,
      error: { code: 'author_revoked' },
      result: null,
    });
  });
});
