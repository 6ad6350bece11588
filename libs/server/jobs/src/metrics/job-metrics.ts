import type { Logger } from '@nexo/platform';
import { Gauge, type Registry } from 'prom-client';
import type { JobQueue } from '../queue/job-queue.js';
import { PGBOSS_SCHEMA } from '../queue/job-queue.js';

interface QueueCounts {
  ready: number;
  deferred: number;
  active: number;
  failed: number;
}

/** The gauges come from one query; a scrape reads them together, so share it briefly. */
const STATS_TTL_MS = 1_000;

/**
 * Per queue (label `queue`): `nexo_jobs_ready` (waiting and due), `nexo_jobs_deferred`
 * (delayed or waiting for a retry), `nexo_jobs_active` and `nexo_jobs_failed` (failed for good,
 * still retained). Read at scrape time through the worker role from pg-boss's table, so they
 * are current rather than pg-boss's minute-old cached counts. A failed read keeps the previous
 * values.
 */
export function registerJobMetrics(
  registry: Registry,
  queue: JobQueue,
  knownQueues: () => readonly string[],
  logger?: Pick<Logger, 'warn'>,
): void {
  let cached: { at: number; stats: Promise<Map<string, QueueCounts>> } | undefined;
  const stats = (): Promise<Map<string, QueueCounts>> => {
    if (!cached || Date.now() - cached.at > STATS_TTL_MS)
      cached = { at: Date.now(), stats: read(queue) };
    return cached.stats;
  };
  const gauge = (name: string, help: string, pick: (c: QueueCounts) => number): void => {
    new Gauge({
      name,
      help,
      labelNames: ['queue'],
      registers: [registry],
      async collect() {
        try {
          const counts = await stats();
          this.reset();
          for (const name of new Set([...knownQueues(), ...counts.keys()]))
            this.set({ queue: name }, pick(counts.get(name) ?? EMPTY));
        } catch (error) {
          logger?.warn({ err: error, metric: name }, 'cannot read the job queue for metrics');
        }
      },
    });
  };
  gauge('nexo_jobs_ready', 'Jobs waiting to run now', (c) => c.ready);
  gauge('nexo_jobs_deferred', 'Jobs waiting for a later start or a retry', (c) => c.deferred);
  gauge('nexo_jobs_active', 'Jobs running', (c) => c.active);
  gauge('nexo_jobs_failed', 'Jobs that failed for good, still retained', (c) => c.failed);
}

const EMPTY: QueueCounts = { ready: 0, deferred: 0, active: 0, failed: 0 };

async function read(queue: JobQueue): Promise<Map<string, QueueCounts>> {
  const result: { rows: ({ name: string } & QueueCounts)[] } = await queue.boss.getDb().executeSql(`
    select name,
           count(*) filter (where state < 'active' and start_after <= now())::int as ready,
           count(*) filter (where state < 'active' and start_after > now())::int as deferred,
           count(*) filter (where state = 'active')::int as active,
           count(*) filter (where state = 'failed')::int as failed
      from ${PGBOSS_SCHEMA}.job
     where state in ('created', 'retry', 'active', 'failed')
       and name not like '\\_\\_pgboss\\_\\_%'
     group by name`);
  return new Map(result.rows.map(({ name, ...counts }) => [name, counts]));
}
