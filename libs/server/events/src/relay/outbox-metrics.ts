import type { Database } from '@nexo/db';
import type { Logger } from '@nexo/platform';
import { Gauge, type Registry } from 'prom-client';

interface OutboxStats {
  backlog: number;
  lagSeconds: number;
}

/** Both gauges come from one query; a scrape reads them together, so share it briefly. */
const STATS_TTL_MS = 1_000;

/**
 * `nexo_outbox_backlog` (unpublished events) and `nexo_outbox_relay_lag_seconds` (age of the
 * oldest unpublished event, 0 when none), read at scrape time through the relay role, the
 * only role that sees every tenant's outbox. A failed read keeps the previous values.
 */
export function registerOutboxMetrics(
  registry: Registry,
  database: Database,
  logger?: Pick<Logger, 'warn'>,
): void {
  let cached: { at: number; stats: Promise<OutboxStats> } | undefined;
  const stats = (): Promise<OutboxStats> => {
    if (!cached || Date.now() - cached.at > STATS_TTL_MS)
      cached = { at: Date.now(), stats: read(database) };
    return cached.stats;
  };
  const gauge = (name: string, help: string, pick: (s: OutboxStats) => number): void => {
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        try {
          this.set(pick(await stats()));
        } catch (error) {
          logger?.warn({ err: error, metric: name }, 'cannot read the outbox for metrics');
        }
      },
    });
  };
  gauge('nexo_outbox_backlog', 'Outbox events not yet published', (s) => s.backlog);
  gauge(
    'nexo_outbox_relay_lag_seconds',
    'Age of the oldest unpublished outbox event, in seconds',
    (s) => s.lagSeconds,
  );
}

async function read(database: Database): Promise<OutboxStats> {
  const { rows } = await database.pool.query<{ backlog: number; lag: number }>(`
    select count(*)::int as backlog,
           coalesce(extract(epoch from now() - min(occurred_at)), 0)::float8 as lag
      from events.outbox where published_at is null`);
  return { backlog: rows[0]?.backlog ?? 0, lagSeconds: rows[0]?.lag ?? 0 };
}
