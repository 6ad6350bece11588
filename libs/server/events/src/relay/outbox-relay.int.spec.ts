import { Database, relayRoleUrl } from '@nexo/db';
import { adminClient, createTenant, useTestDatabase } from '@nexo/testing';
import { newId } from '@nexo/utils';
import { sql } from 'drizzle-orm';
import { connect } from 'nats';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { EventBus } from '../bus/event-bus.js';
import { InProcessBus } from '../bus/in-process.bus.js';
import { NatsJetStreamBus } from '../bus/nats-jetstream.bus.js';
import {
  defineEvent,
  type EventEnvelope,
  type PendingEvent,
} from '../definitions/event-definition.js';
import { EventOutbox } from '../outbox/event-outbox.service.js';
import { OutboxRelay } from './outbox-relay.service.js';

const NATS_URL = process.env.NEXO_TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
const natsAnswers = await connect({ servers: NATS_URL, timeout: 1_000, reconnect: false }).then(
  (nc) => nc.close().then(() => true),
  () => false,
);

const Stepped = defineEvent(
  'test.counter.stepped',
  1,
  z.strictObject({ writer: z.number(), txn: z.number(), step: z.number() }),
);
const Tagged = defineEvent('test.counter.tagged', 1, z.strictObject({ tag: z.string() }));

const WRITERS = 8;
const TXNS_PER_WRITER = 3;

interface Written {
  id: string;
  position: number;
  aggregateId: string;
}

/**
 * Events written at once, mid-transaction, with their positions. `publish` sends its INSERT
 * with COMMIT, where positions are drawn just before the commit; drawn here, before the
 * transaction's other work and pauses, they commit out of position order for certain, which
 * is what the relay must survive.
 */
async function writeNow(
  database: Database,
  outbox: EventOutbox,
  events: PendingEvent[],
  aggregateId: string,
): Promise<Written[]> {
  const { statement } = outbox.insertStatement(events);
  const { rows } = await database
    .tx()
    .execute<{ id: string; position: string }>(sql.raw(statement));
  return rows.map((r) => ({ id: r.id, position: Number(r.position), aggregateId }));
}

class RolledBack extends Error {}

const random = (max: number): number => Math.floor(Math.random() * max);

/**
 * Eight writers, each running a few transactions in the tenant of one of two companies
 * against three shared aggregates per company: 1–3 events per aggregate with short pauses
 * between them, then a random pause before committing, and one transaction in six rolled
 * back. Writer 0 takes the first positions and commits last of its round, so a later
 * position is certain to commit before an earlier one.
 */
async function writeConcurrently(database: Database): Promise<{
  committed: Map<string, Written>;
  rolledBack: Set<string>;
  outOfOrderCommits: number;
  tenants: string[];
}> {
  const outbox = new EventOutbox(database);
  const tenants = [(await createTenant(database)).id, (await createTenant(database)).id];
  const aggregates = new Map(tenants.map((t) => [t, [newId(), newId(), newId()].sort()]));
  const committed = new Map<string, Written>();
  const rolledBack = new Set<string>();
  const commits: { min: number; max: number }[] = [];
  let firstWritten!: () => void;
  const writerZeroStarted = new Promise<void>((resolve) => (firstWritten = resolve));

  async function transaction(writer: number, txn: number): Promise<void> {
    const tenantId = tenants[(writer + txn) % 2]!;
    const pool = aggregates.get(tenantId)!;
    // One or two aggregates, locked in id order as domain code locks rows.
    const chosen = pool.filter(() => Math.random() < 0.5);
    const mine = chosen.length ? chosen.slice(0, 2) : [pool[random(pool.length)]!];
    const written: Written[] = [];
    try {
      await database.withContext({ tenantId }, async () => {
        for (const aggregateId of mine) {
          const steps = 1 + random(3);
          if (txn === 1) {
            const events = Array.from({ length: steps }, (_, step) =>
              Stepped.of(aggregateId, { writer, txn, step }),
            );
            written.push(...(await writeNow(database, outbox, events, aggregateId)));
          } else {
            for (let step = 0; step < steps; step++) {
              const event =
                step === 1
                  ? Tagged.of(aggregateId, { tag: `w${writer}` })
                  : Stepped.of(aggregateId, { writer, txn, step });
              written.push(...(await writeNow(database, outbox, [event], aggregateId)));
              if (writer === 0 && txn === 0) firstWritten();
              await sleep(random(4));
            }
          }
        }
        await sleep(writer === 0 && txn === 0 ? 80 : random(25));
        if ((writer * TXNS_PER_WRITER + txn) % 6 === 5) throw new RolledBack();
      });
    } catch (error) {
      if (!(error instanceof RolledBack)) throw error;
      for (const e of written) rolledBack.add(e.id);
      return;
    }
    for (const e of written) committed.set(e.id, e);
    const positions = written.map((e) => e.position);
    commits.push({ min: Math.min(...positions), max: Math.max(...positions) });
  }

  const writers = Array.from({ length: WRITERS }, async (_, writer) => {
    if (writer !== 0) await writerZeroStarted;
    for (let txn = 0; txn < TXNS_PER_WRITER; txn++) await transaction(writer, txn);
  });
  await Promise.all(writers);
  // A commit whose lowest position is below a position some earlier commit already made visible.
  let highest = 0;
  let outOfOrderCommits = 0;
  for (const commit of commits) {
    if (commit.min < highest) outOfOrderCommits++;
    highest = Math.max(highest, commit.max);
  }
  return { committed, rolledBack, outOfOrderCommits, tenants };
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await sleep(10);
}

describe('outbox relay with writers committing out of order', () => {
  const db = useTestDatabase();
  let relayDatabase: Database;

  beforeAll(() => {
    relayDatabase = new Database(relayRoleUrl(db.current.adminUrl, db.current.appPassword), {
      max: 2,
      applicationName: 'nexo-relay-test',
    });
  });
  afterAll(async () => {
    await relayDatabase.close();
  });

  async function runAgainst(bus: EventBus, consumer: string): Promise<EventEnvelope[]> {
    const received: EventEnvelope[] = [];
    await bus.subscribe(consumer, [Stepped.type, Tagged.type], (event) => {
      received.push(event);
      return Promise.resolve();
    });
    // Two relays with small batches, so that one run spans many batches and polls and the
    // relays contend for rows (SKIP LOCKED, and holding back an aggregate the other has).
    const errors: unknown[] = [];
    const logger = { warn: () => undefined, error: (o: unknown) => void errors.push(o) };
    const relays = [1, 2].map(
      () => new OutboxRelay(relayDatabase, bus, { batchSize: 5, pollIntervalMs: 2, logger }),
    );
    for (const relay of relays) relay.start();
    let result: Awaited<ReturnType<typeof writeConcurrently>>;
    try {
      result = await writeConcurrently(db.current.database);
      const expected = result.committed;
      await until(() => expected.size <= new Set(received.map((e) => e.id)).size, 15_000);
    } finally {
      await Promise.all(relays.map((relay) => relay.stop()));
    }
    expect(errors).toEqual([]);
    const { committed, rolledBack, outOfOrderCommits, tenants } = result;
    const mine = received.filter((e) => tenants.includes(e.tenantId));

    // The scenario did what it claims: commits out of position order, rollbacks, many events.
    expect(outOfOrderCommits).toBeGreaterThan(0);
    expect(rolledBack.size).toBeGreaterThan(0);
    expect(committed.size).toBeGreaterThan(WRITERS * TXNS_PER_WRITER);

    // Every committed event delivered, exactly once here (no failures), none rolled back.
    expect(mine.map((e) => e.id).sort()).toEqual([...committed.keys()].sort());
    for (const e of mine) {
      expect(e.position).toBe(committed.get(e.id)?.position);
      expect(e.aggregateId).toBe(committed.get(e.id)?.aggregateId);
    }

    // Each aggregate's events in position order.
    const byAggregate = new Map<string, number[]>();
    for (const e of mine)
      byAggregate.set(e.aggregateId, [...(byAggregate.get(e.aggregateId) ?? []), e.position]);
    expect([...byAggregate.keys()].sort()).toEqual(
      [...new Set([...committed.values()].map((e) => e.aggregateId))].sort(),
    );
    expect(byAggregate.size).toBeGreaterThanOrEqual(4);
    for (const [aggregateId, positions] of byAggregate) {
      expect({ aggregateId, positions }).toEqual({
        aggregateId,
        positions: [...positions].sort((x, y) => x - y),
      });
    }

    // And the outbox agrees: nothing of this run left unpublished.
    const admin = await adminClient(db.current);
    const { rows } = await admin.query<{ n: number }>(
      'select count(*)::int as n from events.outbox where published_at is null and tenant_id = any($1)',
      [tenants],
    );
    await admin.end();
    expect(rows[0]?.n).toBe(0);
    return mine;
  }

  it('delivers every committed event, none skipped, each aggregate in order (in-process bus)', async () => {
    const bus = new InProcessBus();
    try {
      await runAgainst(bus, 'order-check');
    } finally {
      await bus.close();
    }
  });

  it.skipIf(!natsAnswers)(
    `does the same through NATS JetStream at ${NATS_URL}${natsAnswers ? '' : ' (SKIPPED: no NATS server answers there)'}`,
    async () => {
      const suffix = randomBytes(4).toString('hex');
      const stream = `NEXO_EVENTS_TEST_${suffix}`;
      const bus = await NatsJetStreamBus.connect({
        servers: NATS_URL,
        stream,
        subjectPrefix: `nexo.test-${suffix}.events`,
        retryDelayMs: 50,
      });
      const nc = await connect({ servers: NATS_URL });
      const jsm = await nc.jetstreamManager();
      try {
        const delivered = await runAgainst(bus, `order-check-${suffix}`);

        const consumer = await jsm.consumers.info(stream, `order-check-${suffix}`);
        expect(consumer.config).toMatchObject({ ack_policy: 'explicit', max_ack_pending: 1 });
        expect(consumer.num_ack_pending).toBe(0);
        // Publishing an event again (a relay that crashed before marking it) stores nothing new.
        const before = (await jsm.streams.info(stream)).state.messages;
        expect(before).toBe(delivered.length);
        await bus.publish(delivered[0]!);
        expect((await jsm.streams.info(stream)).state.messages).toBe(before);
      } finally {
        await bus.close();
        await jsm.streams.delete(stream).catch(() => false);
        await nc.close();
      }
    },
  );
});
