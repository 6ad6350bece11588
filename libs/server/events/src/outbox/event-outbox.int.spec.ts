import { pgErrorCode } from '@nexo/db';
import { adminClient, createTenant, useTestDatabase } from '@nexo/testing';
import { newId } from '@nexo/utils';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { consumed, outbox } from '../db/events.tables.js';
import { defineEvent } from '../definitions/event-definition.js';
import { EventOutbox } from './event-outbox.service.js';

const NoteAdded = defineEvent('test.note.added', 1, z.strictObject({ text: z.string() }));

class RolledBack extends Error {}

describe('EventOutbox (events sent with COMMIT)', () => {
  const db = useTestDatabase();

  async function outboxRows(tenantId: string) {
    const admin = await adminClient(db.current);
    try {
      const { rows } = await admin.query<{ id: string; position: string; payload: unknown }>(
        'select id, position, payload from events.outbox where tenant_id = $1 order by position',
        [tenantId],
      );
      return rows.map((r) => ({ id: r.id, position: Number(r.position), payload: r.payload }));
    } finally {
      await admin.end();
    }
  }

  it('writes the events with the commit, in the order they were published', async () => {
    const { database } = db.current;
    const outboxOf = new EventOutbox(database);
    const tenantId = (await createTenant(database)).id;
    const aggregate = newId();
    const { ids, seenBeforeCommit } = await database.withContext({ tenantId }, async (tx) => {
      const first = await outboxOf.publish(NoteAdded.of(aggregate, { text: 'one' }));
      const rest = await outboxOf.publishAll([
        NoteAdded.of(aggregate, { text: 'two' }),
        NoteAdded.of(newId(), { text: 'three' }),
      ]);
      // Nothing is sent before COMMIT: the transaction's own reads do not see its events yet.
      const seen = await tx.select({ id: outbox.id }).from(outbox);
      return { ids: [first.id, ...rest.map((r) => r.id)], seenBeforeCommit: seen.length };
    });
    expect(seenBeforeCommit).toBe(0);
    const rows = await outboxRows(tenantId);
    expect(rows.map((r) => r.id)).toEqual(ids);
    expect(rows.map((r) => r.payload)).toEqual([
      { text: 'one' },
      { text: 'two' },
      { text: 'three' },
    ]);
  });

  it('writes nothing when the transaction rolls back', async () => {
    const { database } = db.current;
    const outboxOf = new EventOutbox(database);
    const tenantId = (await createTenant(database)).id;
    await expect(
      database.withContext({ tenantId }, async () => {
        await outboxOf.publish(NoteAdded.of(newId(), { text: 'lost' }));
        throw new RolledBack();
      }),
    ).rejects.toThrow(RolledBack);
    expect(await outboxRows(tenantId)).toEqual([]);
  });

  it("takes the aggregate's lock with the commit, and a failure there rolls back everything", async () => {
    const { database } = db.current;
    const outboxOf = new EventOutbox(database);
    const tenantId = (await createTenant(database)).id;
    const aggregate = newId();
    // Another session holds the aggregate's lock (the key `EventOutbox` locks on).
    const holder = await adminClient(db.current);
    await holder.query('select pg_advisory_lock(727002, hashtext($1))', [
      `${tenantId}:${NoteAdded.aggregateType}:${aggregate}`,
    ]);
    let published = false;
    try {
      const write = database.withContext({ tenantId }, async (tx) => {
        await tx.execute(sql`set local lock_timeout = '200ms'`);
        await tx.insert(consumed).values({ tenantId, consumer: 'outbox-test', eventId: newId() });
        await outboxOf.publish(NoteAdded.of(aggregate, { text: 'waits for the lock' }));
        published = true;
      });
      await expect(write).rejects.toSatisfy((e: unknown) => pgErrorCode(e) === '55P03');
      // The wait, and the timeout, came with the COMMIT, not with `publish`.
      expect(published).toBe(true);
    } finally {
      await holder.end();
    }
    expect(await outboxRows(tenantId)).toEqual([]);
    const consumedRows = await database.withContext({ tenantId }, (tx) =>
      tx.select().from(consumed),
    );
    expect(consumedRows).toEqual([]);
  });

  it('refuses to publish in a read-only request', async () => {
    const { database } = db.current;
    const outboxOf = new EventOutbox(database);
    const tenantId = (await createTenant(database)).id;
    await expect(
      database.withContext(
        { tenantId },
        () => outboxOf.publish(NoteAdded.of(newId(), { text: 'x' })),
        {
          readOnly: true,
        },
      ),
    ).rejects.toThrow(/read-only/);
    expect(await outboxRows(tenantId)).toEqual([]);
  });
});
