import { Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { EventSubscriptions } from '@nexo/events';
import { Jobs } from '@nexo/jobs';
import { adminClient, useTestDatabase } from '@nexo/testing';
import { newId } from '@nexo/utils';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { PruneRetainedRows, RetentionPruner } from '../src/retention.module.js';
import { useTestApp } from './helpers/test-app.js';

/**
 * The grants pruning needs (migration 0032), taken away for one test to see the job do without
 * them, then given back; on this file's own database.
 */
const REVOKE_GRANTS = `
  REVOKE DELETE ON events.outbox FROM nexo_relay;
  REVOKE DELETE ON events.consumed FROM nexo_relay;
  REVOKE DELETE ON jobs.runs FROM nexo_worker;
`;
const RETENTION_GRANTS = `
  GRANT DELETE ON events.outbox TO nexo_relay;
  GRANT DELETE ON events.consumed TO nexo_relay;
  GRANT DELETE ON jobs.runs TO nexo_worker;
`;

/** Events of this type fail their consumer, so this process's relay never marks them delivered. */
const STUCK = 'test.thing.stuck';

@Injectable()
class StuckConsumer implements OnModuleInit {
  constructor(@Inject(EventSubscriptions) private readonly subscriptions: EventSubscriptions) {}
  onModuleInit(): void {
    this.subscriptions.on('test-retention-stuck', [STUCK], () =>
      Promise.reject(new Error('not deliverable in this test')),
    );
  }
}
@Module({ providers: [StuckConsumer] })
class StuckConsumerModule {}

interface Seeded {
  tenantId: string;
  outbox: Record<'oldDelivered' | 'recentDelivered' | 'oldUndelivered', number>;
  consumed: Record<'old' | 'recent', number>;
  runs: Record<'oldFinished' | 'oldUnfinished' | 'recentFinished', number>;
}

describe('retention of delivered events, consumer records and finished job runs', () => {
  const db = useTestDatabase();
  const t = useTestApp(db, [StuckConsumerModule]);
  /** Every seed's tenant: each prune deletes the old rows of all of them. */
  const seededTenants: string[] = [];

  const sql = async <R extends object>(text: string, values: unknown[] = []): Promise<R[]> => {
    const client = await adminClient(db.current);
    try {
      return (await client.query<R>(text, values)).rows;
    } finally {
      await client.end();
    }
  };

  /** Rows of one fresh tenant, on both sides of the default retentions (7, 14 and 30 days). */
  const seed = async (): Promise<Seeded> => {
    const tenantId = newId();
    const outbox = async (
      n: number,
      occurred: string,
      published: string | null,
      type = 'test.thing.happened',
    ) =>
      sql(
        `insert into events.outbox
           (tenant_id, id, type, version, aggregate_type, aggregate_id, payload, occurred_at, published_at)
         select $1, gen_random_uuid(), $5, 1, 'thing', gen_random_uuid(), '{}',
                now() - $2::interval, now() - $3::interval
           from generate_series(1, $4)`,
        [tenantId, occurred, published, n, type],
      );
    await outbox(5, '9 days', '8 days');
    await outbox(2, '6 days', '6 days');
    await outbox(3, '30 days', null, STUCK);
    const consumed = async (n: number, age: string) =>
      sql(
        `insert into events.consumed (tenant_id, consumer, event_id, consumed_at)
         select $1, 'test.consumer', gen_random_uuid(), now() - $2::interval
           from generate_series(1, $3)`,
        [tenantId, age, n],
      );
    await consumed(4, '15 days');
    await consumed(2, '13 days');
    const runs = async (n: number, state: string, finished: string | null) =>
      sql(
        `insert into jobs.runs (tenant_id, id, name, state, created_at, finished_at)
         select $1, gen_random_uuid(), 'test.rows.import', $2, now() - interval '40 days',
                now() - $3::interval
           from generate_series(1, $4)`,
        [tenantId, state, finished, n],
      );
    await runs(3, 'completed', '31 days');
    await runs(2, 'failed', '31 days');
    await runs(1, 'queued', null);
    await runs(1, 'active', null);
    await runs(1, 'retry', null);
    await runs(2, 'completed', '29 days');
    seededTenants.push(tenantId);
    return {
      tenantId,
      outbox: { oldDelivered: 5, recentDelivered: 2, oldUndelivered: 3 },
      consumed: { old: 4, recent: 2 },
      runs: { oldFinished: 5, oldUnfinished: 3, recentFinished: 2 },
    };
  };

  const left = async (tenantId: string) => {
    const [row] = await sql<{
      outbox: number;
      undelivered: number;
      consumed: number;
      runs: number;
      unfinished: number;
    }>(
      `select (select count(*)::int from events.outbox where tenant_id = $1) as outbox,
              (select count(*)::int from events.outbox where tenant_id = $1 and published_at is null) as undelivered,
              (select count(*)::int from events.consumed where tenant_id = $1) as consumed,
              (select count(*)::int from jobs.runs where tenant_id = $1) as runs,
              (select count(*)::int from jobs.runs where tenant_id = $1 and finished_at is null) as unfinished`,
      [tenantId],
    );
    return row;
  };
  const kept = (s: Seeded) => ({
    outbox: s.outbox.recentDelivered + s.outbox.oldUndelivered,
    undelivered: s.outbox.oldUndelivered,
    consumed: s.consumed.recent,
    runs: s.runs.oldUnfinished + s.runs.recentFinished,
    unfinished: s.runs.oldUnfinished,
  });

  it('without the grants, deletes nothing and says which grant is missing', async () => {
    const seeded = await seed();
    await sql(REVOKE_GRANTS);
    const report = await t.app.get(RetentionPruner).prune();
    await sql(RETENTION_GRANTS);
    expect(report.tables).toEqual([
      { table: 'events.outbox', deleted: 0, complete: false, refused: true },
      { table: 'events.consumed', deleted: 0, complete: false, refused: true },
      { table: 'jobs.runs', deleted: 0, complete: false, refused: true },
    ]);
    expect(await left(seeded.tenantId)).toMatchObject({ outbox: 10, consumed: 6, runs: 10 });
    expect(
      t.logs.filter((l) => String(l.msg).startsWith('retention: cannot prune')).map((l) => l.table),
    ).toEqual(['events.outbox', 'events.consumed', 'jobs.runs']);
  });

  it('deletes old delivered events, consumer records and finished runs, in batches', async () => {
    const seeded = await seed();
    const other = await seed();
    // Batches of two rows: several per table, each its own statement.
    const report = await t.app.get(RetentionPruner).prune(undefined, 2);
    for (const table of report.tables) expect(table).toMatchObject({ complete: true });
    const deleted = Object.fromEntries(report.tables.map((r) => [r.table, r.deleted]));
    // Every tenant's old rows, the first test's too: the pruning roles see them all.
    const tenants = seededTenants.length;
    expect(tenants).toBe(3);
    expect(deleted).toEqual({
      'events.outbox': 5 * tenants,
      'events.consumed': 4 * tenants,
      'jobs.runs': 5 * tenants,
    });
    expect(await left(seeded.tenantId)).toEqual(kept(seeded));
    expect(await left(other.tenantId)).toEqual(kept(other));
    // Nothing older is left: a second run deletes nothing.
    const again = await t.app.get(RetentionPruner).prune();
    expect(again.tables.map((r) => r.deleted)).toEqual([0, 0, 0]);
  });

  it('runs hourly on the job queue, as a system job', async () => {
    const schedule = async () =>
      sql<{ name: string; cron: string; timezone: string }>(
        `select name, cron, timezone from pgboss.schedule where name = $1`,
        [PruneRetainedRows.name],
      );
    for (let i = 0; i < 100 && (await schedule()).length === 0; i++) await sleep(100);
    expect(await schedule()).toEqual([
      { name: 'platform.retention.prune', cron: '23 * * * *', timezone: 'UTC' },
    ]);

    const seeded = await seed();
    const id = await t.app.get(Jobs).sendSystem(PruneRetainedRows, {});
    expect(id).toEqual(expect.any(String));
    const state = async () =>
      (await sql<{ state: string }>(`select state from pgboss.job where id = $1`, [id]))[0]?.state;
    for (let i = 0; i < 150 && (await state()) !== 'completed'; i++) await sleep(100);
    expect(await state()).toBe('completed');
    expect(await left(seeded.tenantId)).toEqual(kept(seeded));
  });
});
