import { Database, relayRoleUrl, type Tx } from '@nexo/db';
import { adminClient, createTenant, useTestDatabase } from '@nexo/testing';
import { requestContext } from '@nexo/platform';
import { newId } from '@nexo/utils';
import { sql } from 'drizzle-orm';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { EventBus } from '../bus/event-bus.js';
import { InProcessBus } from '../bus/in-process.bus.js';
import { defineEvent, type EventEnvelope } from '../definitions/event-definition.js';
import { EventOutbox } from '../outbox/event-outbox.service.js';
import { OutboxRelay } from '../relay/outbox-relay.service.js';
import { IdempotentConsumer } from './idempotent-consumer.service.js';

const InvoiceIssued = defineEvent(
  'test.invoice.issued',
  1,
  z.strictObject({ amount: z.number().int() }),
);

/** The side effect: one row per (consumer, event) counting how often it was applied. */
async function apply(tx: Tx, consumer: string, event: EventEnvelope): Promise<void> {
  await tx.execute(sql`
    insert into scratch.applied (consumer, event_id, times) values (${consumer}, ${event.id}, 1)
    on conflict (consumer, event_id) do update set times = scratch.applied.times + 1`);
}

describe('IdempotentConsumer', () => {
  const db = useTestDatabase();
  let consumer: IdempotentConsumer;
  let tenantId: string;

  beforeAll(async () => {
    const admin = await adminClient(db.current);
    await admin.query(`create schema scratch;
      create table scratch.applied (consumer text, event_id uuid, times int not null,
        primary key (consumer, event_id));
      grant usage on schema scratch to nexo_app;
      grant select, insert, update on scratch.applied to nexo_app;`);
    await admin.end();
    consumer = new IdempotentConsumer(db.current.database);
    tenantId = (await createTenant(db.current.database)).id;
  });

  async function timesApplied(name: string, eventId: string): Promise<number> {
    const admin = await adminClient(db.current);
    const { rows } = await admin.query<{ times: number; consumed: number }>(
      `select coalesce((select times from scratch.applied where consumer = $1 and event_id = $2), 0) as times,
              (select count(*)::int from events.consumed where consumer = $1 and event_id = $2) as consumed`,
      [name, eventId],
    );
    await admin.end();
    // The record and the effect commit together or not at all.
    expect(rows[0]?.consumed).toBe(Math.min(rows[0]?.times ?? 0, 1));
    return rows[0]?.times ?? 0;
  }

  function event(): EventEnvelope {
    return {
      id: newId(),
      tenantId,
      position: 1,
      type: InvoiceIssued.type,
      version: 1,
      aggregateType: InvoiceIssued.aggregateType,
      aggregateId: newId(),
      payload: { amount: 100 },
      requestId: 'req-1',
      occurredAt: new Date().toISOString(),
    };
  }

  it('applies an event delivered twice once', async () => {
    const e = event();
    const handler = (tx: Tx, ev: EventEnvelope): Promise<void> => apply(tx, 'billing', ev);
    expect(await consumer.handle('billing', e, (ev, tx) => handler(tx, ev))).toBe(true);
    expect(await consumer.handle('billing', e, (ev, tx) => handler(tx, ev))).toBe(false);
    expect(await timesApplied('billing', e.id)).toBe(1);
    // Another consumer has its own record and applies it too.
    expect(await consumer.handle('reports', e, (ev, tx) => apply(tx, 'reports', ev))).toBe(true);
    expect(await timesApplied('reports', e.id)).toBe(1);
  });

  it('applies it once when the two deliveries overlap', async () => {
    const e = event();
    const slow = async (ev: EventEnvelope, tx: Tx): Promise<void> => {
      await apply(tx, 'overlap', ev);
      await sleep(100);
    };
    const results = await Promise.all([
      consumer.handle('overlap', e, slow),
      consumer.handle('overlap', e, slow),
    ]);
    expect(results.sort()).toEqual([false, true]);
    expect(await timesApplied('overlap', e.id)).toBe(1);
  });

  it('rolls back the record with a failed handler, so the next delivery applies it', async () => {
    const e = event();
    await expect(
      consumer.handle('flaky', e, async (ev, tx) => {
        await apply(tx, 'flaky', ev);
        throw new Error('downstream unavailable');
      }),
    ).rejects.toThrow('downstream unavailable');
    expect(await timesApplied('flaky', e.id)).toBe(0);
    expect(await consumer.handle('flaky', e, (ev, tx) => apply(tx, 'flaky', ev))).toBe(true);
    expect(await timesApplied('flaky', e.id)).toBe(1);
  });

  it('runs the handler in the tenant of the event, with its request id', async () => {
    const e = event();
    let seen: { tenant: string | null; requestId: string | undefined } | undefined;
    await consumer.handle('context-check', e, async (_ev, tx) => {
      const { rows } = await tx.execute<{ tenant: string | null }>(
        sql`select nullif(current_setting('app.tenant_id', true), '') as tenant`,
      );
      seen = { tenant: rows[0]?.tenant ?? null, requestId: requestContext.get()?.requestId };
    });
    expect(seen).toEqual({ tenant: tenantId, requestId: 'req-1' });
  });

  it('absorbs a relay that delivers a batch again after failing to mark it', async () => {
    const relayDatabase = new Database(relayRoleUrl(db.current.adminUrl, db.current.appPassword), {
      max: 2,
    });
    const inner = new InProcessBus();
    let deliveries = 0;
    // Delivers the third event, then fails as a crash before the commit would.
    const crashingOnce: EventBus = {
      async publish(ev) {
        deliveries++;
        await inner.publish(ev);
        if (deliveries === 3) throw new Error('relay lost its connection after delivering');
      },
      subscribe: (...args) => inner.subscribe(...args),
      ping: () => inner.ping(),
      close: () => inner.close(),
    };
    await crashingOnce.subscribe(
      'ledger',
      [InvoiceIssued.type],
      consumer.wrap('ledger', (ev, tx) => apply(tx, 'ledger', ev)),
    );
    const outbox = new EventOutbox(db.current.database);
    const published = await db.current.database.withContext({ tenantId }, () =>
      outbox.publishAll([1, 2, 3, 4, 5].map((amount) => InvoiceIssued.of(newId(), { amount }))),
    );
    const relay = new OutboxRelay(relayDatabase, crashingOnce, { batchSize: 10 });
    try {
      await expect(relay.relayOnce()).rejects.toThrow(/outbox position/);
      expect(await relay.relayOnce()).toBe(3);
      expect(await relay.relayOnce()).toBe(0);
    } finally {
      await relayDatabase.close();
    }
    expect(deliveries).toBe(6);
    for (const { id } of published) expect(await timesApplied('ledger', id)).toBe(1);
  });
});
