import {
  Database,
  PG_INSUFFICIENT_PRIVILEGE,
  assertRoleCannotBypassRls,
  pgErrorCode,
  relayRoleUrl,
} from '@nexo/db';
import { createTenant, useTestDatabase } from '@nexo/testing';
import { newId } from '@nexo/utils';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { consumed, outbox } from '../db/events.tables.js';
import { defineEvent } from '../definitions/event-definition.js';
import { EventOutbox, NoTenantTransactionError } from './event-outbox.service.js';

const NoteAdded = defineEvent('test.note.added', 1, z.strictObject({ text: z.string() }));

describe('outbox tenancy', () => {
  const db = useTestDatabase();
  let relay: Database;
  let outboxOf: EventOutbox;
  let a: string;
  let b: string;
  const ids: Record<string, string[]> = {};

  beforeAll(async () => {
    const { database } = db.current;
    relay = new Database(relayRoleUrl(db.current.adminUrl, db.current.appPassword), { max: 2 });
    outboxOf = new EventOutbox(database);
    a = (await createTenant(database)).id;
    b = (await createTenant(database)).id;
    for (const tenantId of [a, b]) {
      ids[tenantId] = await database.withContext({ tenantId }, async (tx) => {
        const published = await outboxOf.publishAll([
          NoteAdded.of(newId(), { text: `first of ${tenantId}` }),
          NoteAdded.of(newId(), { text: `second of ${tenantId}` }),
        ]);
        await tx
          .insert(consumed)
          .values({ tenantId, consumer: 'isolation-check', eventId: published[0]!.id });
        return published.map((p) => p.id);
      });
    }
  });

  afterAll(async () => {
    await relay.close();
  });

  it("shows the app role only its tenant's events and consumer records", async () => {
    for (const [me, other] of [
      [a, b],
      [b, a],
    ] as const) {
      await db.current.database.withContext({ tenantId: me }, async (tx) => {
        const seen = await tx.select({ id: outbox.id, tenantId: outbox.tenantId }).from(outbox);
        expect(seen.map((r) => r.id).sort()).toEqual([...ids[me]!].sort());
        expect(seen.every((r) => r.tenantId === me)).toBe(true);
        const records = await tx.select({ eventId: consumed.eventId }).from(consumed);
        expect(records).toEqual([{ eventId: ids[me]![0] }]);
        expect(ids[other]!.some((id) => seen.some((r) => r.id === id))).toBe(false);
      });
    }
    const { rows } = await db.current.database.pool.query<{ n: number }>(
      'select count(*)::int as n from events.outbox',
    );
    expect(rows[0]?.n).toBe(0);
  });

  it('lets the app role neither write for another tenant nor mark, change or delete events', async () => {
    const { database } = db.current;
    const forged = await database
      .withContext({ tenantId: a }, (tx) =>
        tx.insert(outbox).values({
          tenantId: b,
          id: newId(),
          type: NoteAdded.type,
          version: 1,
          aggregateType: NoteAdded.aggregateType,
          aggregateId: newId(),
          payload: { text: 'forged' },
        }),
      )
      .catch((e: unknown) => e);
    expect(pgErrorCode(forged)).toBe(PG_INSUFFICIENT_PRIVILEGE);
    for (const statement of [
      sql`update events.outbox set published_at = now()`,
      sql`update events.outbox set payload = '{}'`,
      sql`delete from events.outbox`,
    ]) {
      const refused = await database
        .withContext({ tenantId: a }, (tx) => tx.execute(statement))
        .catch((e: unknown) => e);
      expect(pgErrorCode(refused)).toBe(PG_INSUFFICIENT_PRIVILEGE);
    }
  });

  it('refuses to publish outside a tenant transaction', async () => {
    const { database } = db.current;
    await expect(
      database.withContext({}, () => outboxOf.publish(NoteAdded.of(newId(), { text: 'x' }))),
    ).rejects.toThrow(NoTenantTransactionError);
    await expect(
      database.withContext({ tenantId: a }, () =>
        outboxOf.publish(NoteAdded.of(newId(), { text: 42 } as unknown as { text: string })),
      ),
    ).rejects.toThrow(/Invalid payload for test\.note\.added v1/);
  });

  it('shows the relay role every tenant, and lets it change nothing but published_at, and prune', async () => {
    await assertRoleCannotBypassRls(relay.pool);
    const { rows } = await relay.pool.query<{ id: string }>('select id from events.outbox');
    expect(rows.map((r) => r.id).sort()).toEqual([...ids[a]!, ...ids[b]!].sort());

    const marked = await relay.pool.query(
      'update events.outbox set published_at = now() where id = $1',
      [ids[a]![0]],
    );
    expect(marked.rowCount).toBe(1);
    // Pruning (migration 0032): a delivered row may go, an undelivered one may not.
    const undelivered = await relay.pool.query('delete from events.outbox where id = $1', [
      ids[b]![0],
    ]);
    expect(undelivered.rowCount).toBe(0);
    const delivered = await relay.pool.query('delete from events.outbox where id = $1', [
      ids[a]![0],
    ]);
    expect(delivered.rowCount).toBe(1);
    for (const [statement, params] of [
      ['update events.outbox set payload = $1 where id = $2', ['{}', ids[a]![1]]],
      [
        `insert into events.outbox (tenant_id, id, type, version, aggregate_type, aggregate_id, payload)
         values ($1, $2, 'test.note.added', 1, 'test.note', $2, '{}')`,
        [a, newId()],
      ],
      [
        `insert into events.consumed (tenant_id, consumer, event_id) values ($1, 'x', $2)`,
        [a, newId()],
      ],
      ['select count(*) from auth.users', []],
    ] as const) {
      const refused = await relay.pool.query(statement, [...params]).catch((e: unknown) => e);
      expect({ statement, code: pgErrorCode(refused) }).toEqual({
        statement,
        code: PG_INSUFFICIENT_PRIVILEGE,
      });
    }
  });
});
