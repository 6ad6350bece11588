import { Inject, Injectable } from '@nestjs/common';
import { Database, type Tx } from '@nexo/db';
import { and, eq, ne, sql } from 'drizzle-orm';
import { jobRuns, type JobRunState } from '../db/jobs.tables.js';
import type { JobProgress } from '../handlers/job-context.js';

export type JobRunRow = typeof jobRuns.$inferSelect;

/** `{ code, message }`: what the tenant is told about a failed attempt. */
export interface JobRunError {
  code: string;
  message: string;
  errorId?: string;
}

/**
 * A short transaction of its own in one tenant, as the app role. For what must be visible
 * while a job's own transaction is still open (its state, its progress) or outlive its
 * rollback (its error): `Database.withContext` does not nest, and these writes must not wait
 * for the job's commit.
 */
async function inTenant<T>(
  database: Database,
  tenantId: string,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
    return fn(tx);
  });
}

/**
 * `jobs.runs`: the tenant's view of its jobs. Queries inside a job or a request take that
 * transaction (`Database.tx()`); the worker's bookkeeping around a job runs in transactions of
 * its own.
 */
@Injectable()
export class JobRunRepository {
  constructor(@Inject(Database) private readonly database: Database) {}

  async insertQueued(run: {
    tenantId: string;
    id: string;
    name: string;
    createdBy: string | null;
    requestId: string | null;
    startAfter: Date | number | undefined;
  }): Promise<void> {
    const { startAfter, ...row } = run;
    await this.database
      .tx()
      .insert(jobRuns)
      .values({
        ...row,
        runAfter:
          startAfter instanceof Date
            ? startAfter
            : sql`now() + make_interval(secs => ${startAfter ?? 0})`,
      });
  }

  async findById(id: string): Promise<JobRunRow | undefined> {
    const [row] = await this.database.tx().select().from(jobRuns).where(eq(jobRuns.id, id));
    return row;
  }

  /** An attempt starts. False when there is nothing to run: no such run, or it completed. */
  async markActive(tenantId: string, id: string, attempt: number): Promise<boolean> {
    const updated = await inTenant(this.database, tenantId, (tx) =>
      tx
        .update(jobRuns)
        .set({
          state: 'active',
          attempts: attempt,
          startedAt: sql`coalesce(${jobRuns.startedAt}, now())`,
          updatedAt: sql`now()`,
        })
        .where(and(eq(jobRuns.id, id), ne(jobRuns.state, 'completed')))
        .returning({ id: jobRuns.id }),
    );
    return updated.length > 0;
  }

  /** In the job's transaction, after taking its lock: has an earlier attempt completed it? */
  async stateOf(id: string): Promise<JobRunState | undefined> {
    const [row] = await this.database
      .tx()
      .select({ state: jobRuns.state })
      .from(jobRuns)
      .where(eq(jobRuns.id, id));
    return row?.state;
  }

  async setProgress(tenantId: string, id: string, progress: JobProgress): Promise<void> {
    await inTenant(this.database, tenantId, (tx) =>
      tx
        .update(jobRuns)
        .set({ progress, updatedAt: sql`now()` })
        .where(and(eq(jobRuns.id, id), eq(jobRuns.state, 'active'))),
    );
  }

  /** In the job's own transaction: completion commits with the handler's writes. */
  async complete(id: string, result: unknown, progress: JobProgress | undefined): Promise<void> {
    await this.database
      .tx()
      .update(jobRuns)
      .set({
        state: 'completed',
        result: result ?? null,
        error: null,
        ...(progress ? { progress } : {}),
        finishedAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(eq(jobRuns.id, id));
  }

  /** After the job's transaction rolled back: `retry` while attempts remain, else `failed`. */
  async fail(
    tenantId: string,
    id: string,
    error: JobRunError,
    final: boolean,
    progress: JobProgress | undefined,
  ): Promise<void> {
    await inTenant(this.database, tenantId, (tx) =>
      tx
        .update(jobRuns)
        .set({
          state: final ? 'failed' : 'retry',
          error,
          ...(progress ? { progress } : {}),
          ...(final ? { finishedAt: sql`now()` } : {}),
          updatedAt: sql`now()`,
        })
        .where(and(eq(jobRuns.id, id), ne(jobRuns.state, 'completed'))),
    );
  }
}
