import { Inject, Injectable } from '@nestjs/common';
import { batchDeleteSql } from '@nexo/db';
import { JobQueue } from '../queue/job-queue.js';

/**
 * Deletes finished job runs (`completed`, or `failed` for good) older than N days, as the worker
 * role (`nexo_worker`, pg-boss's connection, the role that already works across tenants): a
 * queued, active or retrying run is never touched. One bounded batch per call, its own statement,
 * so row locks are held for one batch only; the caller repeats while batches come back full.
 * `GET /api/v1/jobs/:id` of a pruned run answers 404. pg-boss prunes its own job rows
 * (`deleteAfterSeconds`).
 */
@Injectable()
export class JobRunRetention {
  constructor(@Inject(JobQueue) private readonly queue: JobQueue) {}

  /** Deletes up to `limit` runs finished before `olderThanDays` days ago; returns how many. */
  async deleteFinishedBatch(olderThanDays: number, limit: number): Promise<number> {
    const result: { rows: { n: number }[] } = await this.queue.boss
      .getDb()
      .executeSql(
        batchDeleteSql(
          'jobs.runs',
          ['tenant_id', 'id'],
          `state in ('completed', 'failed') and finished_at < now() - make_interval(days => $1::int)`,
        ),
        [olderThanDays, limit],
      );
    return result.rows[0]?.n ?? 0;
  }
}
