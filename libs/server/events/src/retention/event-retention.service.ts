import { Database, batchDeleteSql } from '@nexo/db';

/**
 * Deletes what the outbox and the consumers no longer need, as the relay role (`nexo_relay`,
 * the one role that sees every tenant's events): outbox rows delivered more than N days ago
 * (never an undelivered one), and consumer records older than N days. One bounded batch per
 * call, each its own statement, so a large backlog never holds its row locks for long; the
 * caller repeats while batches come back full.
 *
 * Consumer records are what makes a redelivered event a no-op (`IdempotentConsumer`): keep
 * them longer than anything can redeliver, i.e. longer than the JetStream stream's max age
 * (7 days) when NATS is the bus.
 *
 * The relay role's pool is opened on the first prune (one connection) and closed with the
 * application.
 */
export class EventRetention {
  private database: Database | undefined;
  private closed = false;

  constructor(private readonly relayUrl: () => string) {}

  private relay(): Database {
    // A prune still running at shutdown fails (and is retried elsewhere) rather than reopen a pool.
    if (this.closed) throw new Error('EventRetention is closed');
    this.database ??= new Database(this.relayUrl(), { max: 1, applicationName: 'nexo-retention' });
    return this.database;
  }

  /** Deletes up to `limit` outbox rows published before `olderThanDays` days ago; returns how many. */
  async deleteDeliveredBatch(olderThanDays: number, limit: number): Promise<number> {
    const { rows } = await this.relay().pool.query<{ n: number }>(
      batchDeleteSql(
        'events.outbox',
        ['tenant_id', 'id'],
        'published_at < now() - make_interval(days => $1::int)',
      ),
      [olderThanDays, limit],
    );
    return rows[0]?.n ?? 0;
  }

  /** Deletes up to `limit` consumer records older than `olderThanDays` days; returns how many. */
  async deleteConsumedBatch(olderThanDays: number, limit: number): Promise<number> {
    const { rows } = await this.relay().pool.query<{ n: number }>(
      batchDeleteSql(
        'events.consumed',
        ['tenant_id', 'consumer', 'event_id'],
        'consumed_at < now() - make_interval(days => $1::int)',
      ),
      [olderThanDays, limit],
    );
    return rows[0]?.n ?? 0;
  }

  async close(): Promise<void> {
    this.closed = true;
    const database = this.database;
    this.database = undefined;
    await database?.close();
  }
}
