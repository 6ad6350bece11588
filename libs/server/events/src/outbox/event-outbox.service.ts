import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@nexo/db';
import { requestContext } from '@nexo/platform';
import { newId } from '@nexo/utils';
import { sql } from 'drizzle-orm';
import { outbox } from '../db/events.tables.js';
import type { PendingEvent } from '../definitions/event-definition.js';

/**
 * Advisory locks of aggregates use the two-key form in this space; the migrator's lock uses
 * the one-key form, which PostgreSQL keeps apart.
 */
const AGGREGATE_LOCK_SPACE = 727_002;

export interface PublishedEvent {
  id: string;
  position: number;
}

export class NoTenantTransactionError extends Error {
  constructor() {
    super('EventOutbox.publish runs inside Database.withContext() with a tenant');
    this.name = 'NoTenantTransactionError';
  }
}

/**
 * Writes domain events in the caller's transaction, so an event exists exactly when the
 * change it describes was committed. The tenant is the transaction's own (`app.tenant_id`):
 * RLS would refuse any other.
 *
 * Ordering: before taking positions, the writer locks each aggregate it writes events for
 * (`pg_advisory_xact_lock`, held until commit or rollback). Two transactions writing events
 * of one aggregate are therefore serialised: the second takes its positions only after the
 * first has finished, so within an aggregate, position order is commit order and no
 * lower position of that aggregate can become visible after a higher one. Without the lock a
 * transaction could take position 5, another take 7 and commit first, and a relay that has
 * delivered 7 could only deliver 5 late or skip it. The relay relies on this (see
 * `OutboxRelay`). Different aggregates are not serialised. Locks are taken in sorted order
 * within a call; code that publishes for several aggregates across calls should do so in a
 * consistent order, as with any row locks, or PostgreSQL resolves the deadlock by failing one.
 */
@Injectable()
export class EventOutbox {
  constructor(@Inject(Database) private readonly database: Database) {}

  async publish(event: PendingEvent): Promise<PublishedEvent> {
    const [published] = await this.publishAll([event]);
    if (!published) throw new Error('The outbox insert returned no row');
    return published;
  }

  /** Several events in one statement; positions follow the order given. */
  async publishAll(events: readonly PendingEvent[]): Promise<PublishedEvent[]> {
    if (events.length === 0) return [];
    const rows = events.map((event) => ({
      id: newId(),
      type: event.definition.type,
      version: event.definition.version,
      aggregateType: event.definition.aggregateType,
      aggregateId: event.aggregateId,
      payload: event.definition.validate(event.payload),
    }));
    const tenantId = this.database.settings().tenantId;
    if (!tenantId) throw new NoTenantTransactionError();
    const keys = [...new Set(rows.map((r) => `${r.aggregateType}:${r.aggregateId}`))].sort();
    const requestId = requestContext.get()?.requestId ?? null;
    // One round trip: the aggregates' locks (in key order), then the rows. `locked` is an
    // aggregate joined to every row, so all locks are held before the first position is
    // drawn; `order by` draws the positions in the order given.
    const { rows: inserted } = await this.database.tx().execute<{
      id: string;
      position: string;
    }>(sql`
      with locked as (
        select count(pg_advisory_xact_lock(${AGGREGATE_LOCK_SPACE}, hashtext(${tenantId}::text || ':' || k))) as n
          from unnest(${sql.param(keys)}::text[]) as k
      )
      insert into ${outbox} (tenant_id, id, type, version, aggregate_type, aggregate_id, payload, request_id)
      select ${tenantId}::uuid, e.id, e.type, e.version, e."aggregateType", e."aggregateId", e.payload, ${requestId}::text
        from locked, jsonb_to_recordset(${JSON.stringify(rows.map((r, ord) => ({ ...r, ord })))}::jsonb)
               as e(id uuid, type text, version int, "aggregateType" text, "aggregateId" uuid, payload jsonb, ord int)
       where locked.n >= 0
       order by e.ord
      returning id, position`);
    const positions = new Map(inserted.map((r) => [r.id, Number(r.position)]));
    return rows.map((row) => {
      const position = positions.get(row.id);
      if (position === undefined) throw new Error(`The outbox insert did not return ${row.id}`);
      return { id: row.id, position };
    });
  }
}
