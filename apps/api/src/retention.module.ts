import { Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { PG_INSUFFICIENT_PRIVILEGE, pgErrorCode } from '@nexo/db';
import { EventRetention } from '@nexo/events';
import { JobHandlers, JobRunRetention, defineSystemJob } from '@nexo/jobs';
import { APP_CONFIG, APP_LOGGER, type AppConfig, type Logger } from '@nexo/platform';
import { z } from 'zod';

/** Hourly, at a minute nothing else is likely to pick. */
export const PruneRetainedRows = defineSystemJob('platform.retention.prune', z.strictObject({}), {
  cron: '23 * * * *',
  // One prune at a time; a run that outlasts the hour makes the next one wait.
  policy: 'singleton',
  retryLimit: 2,
});

/** Rows per DELETE: small enough that each statement holds its row locks only briefly. */
export const RETENTION_BATCH_ROWS = 1_000;
/** Per table and run; what is left waits for the next run (well within the job's 15-min expiry). */
export const RETENTION_TABLE_BUDGET_MS = 2 * 60_000;

export interface TablePruned {
  table: string;
  deleted: number;
  /** Nothing older than the retention is left. */
  complete: boolean;
  /** The role lacks the grant: nothing could be deleted (logged as a warning). */
  refused?: true;
}

/** The grant each table's pruning needs; named in the warning when it is missing. */
const NEEDS = {
  'events.outbox': 'nexo_relay: DELETE on events.outbox',
  'events.consumed':
    'nexo_relay: SELECT (tenant_id, consumer, event_id, consumed_at), DELETE and a policy on events.consumed',
  'jobs.runs':
    'nexo_worker: USAGE on schema jobs, SELECT (tenant_id, id, state, finished_at), DELETE and a policy on jobs.runs',
} as const;

/**
 * Retention of the platform's append-only tables: delivered outbox events, consumer records
 * and finished job runs older than their `NEXO_*_RETENTION_DAYS` are deleted by an hourly
 * system job, in batches of `RETENTION_BATCH_ROWS` (each its own statement), as the roles that
 * see every tenant's rows: the relay role for events, the worker role for runs. Undelivered
 * events and unfinished runs are never deleted. Wiring only: the deletes live in the events
 * and jobs libraries.
 */
@Injectable()
export class RetentionPruner implements OnModuleInit {
  constructor(
    @Inject(JobHandlers) private readonly handlers: JobHandlers,
    @Inject(EventRetention) private readonly events: EventRetention,
    @Inject(JobRunRetention) private readonly runs: JobRunRetention,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.handlers.handle(PruneRetainedRows, (_payload, context) => this.prune(context.signal));
  }

  async prune(
    signal?: AbortSignal,
    batchRows = RETENTION_BATCH_ROWS,
  ): Promise<{ tables: TablePruned[] }> {
    const c = this.config;
    const tables = [
      await this.drain('events.outbox', batchRows, signal, (n) =>
        this.events.deleteDeliveredBatch(c.NEXO_OUTBOX_RETENTION_DAYS, n),
      ),
      await this.drain('events.consumed', batchRows, signal, (n) =>
        this.events.deleteConsumedBatch(c.NEXO_CONSUMED_EVENTS_RETENTION_DAYS, n),
      ),
      await this.drain('jobs.runs', batchRows, signal, (n) =>
        this.runs.deleteFinishedBatch(c.NEXO_JOB_RUNS_RETENTION_DAYS, n),
      ),
    ];
    if (tables.some((t) => t.deleted > 0))
      this.logger.info({ tables }, 'retention: old rows deleted');
    return { tables };
  }

  /** Batches until one comes back short, the table's time is up or the job is aborted. */
  private async drain(
    table: keyof typeof NEEDS,
    batchRows: number,
    signal: AbortSignal | undefined,
    batch: (rows: number) => Promise<number>,
  ): Promise<TablePruned> {
    const deadline = Date.now() + RETENTION_TABLE_BUDGET_MS;
    let deleted = 0;
    try {
      for (;;) {
        const n = await batch(batchRows);
        deleted += n;
        if (n < batchRows) return { table, deleted, complete: true };
        if (Date.now() >= deadline || signal?.aborted) return { table, deleted, complete: false };
      }
    } catch (error) {
      if (pgErrorCode(error) !== PG_INSUFFICIENT_PRIVILEGE) throw error;
      // A missing grant is the operator's to fix: said once per run, not retried as a failure.
      this.logger.warn(
        { err: error, table },
        `retention: cannot prune ${table}; the role needs ${NEEDS[table]}`,
      );
      return { table, deleted, complete: false, refused: true };
    }
  }
}

@Module({ providers: [RetentionPruner] })
export class RetentionModule {}
