import { Inject, Injectable } from '@nestjs/common';
import { Database, inlinedTemplate } from '@nexo/db';
import { requestContext } from '@nexo/platform';
import { newId } from '@nexo/utils';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { outbox } from '../db/events.tables.js';
import type { PendingEvent } from '../definitions/event-definition.js';

/**
 * Advisory locks of aggregates use the two-key form in this space; the migrator's lock uses
 * the one-key form, which PostgreSQL keeps apart.
 */
const AGGREGATE_LOCK_SPACE = 727_002;

export interface PublishedEvent {
  id: string;
}

/** What the outbox INSERT is filled with (`EventOutbox.insertStatement`). */
interface InsertValues extends Record<string, unknown> {
  tenantId: string;
  keys: string[];
  requestId: string | null;
  rows: string;
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
 * RLS would refuse any other. The INSERT is sent with COMMIT (`Database.beforeCommit`), as the
 * audit row is: nothing in a request reads the events it has just written, and a write saves
 * a round trip. The payload is checked at once, so a bad event fails where it is published.
 *
 * Ordering: before taking positions, the INSERT locks each aggregate it writes events for
 * (`pg_advisory_xact_lock`, held until commit or rollback). Two transactions writing events
 * of one aggregate are therefore serialised: the second takes its positions only after the
 * first has finished, so within an aggregate, position order is commit order and no
 * lower position of that aggregate can become visible after a higher one. Without the lock a
 * transaction could take position 5, another take 7 and commit first, and a relay that has
 * delivered 7 could only deliver 5 late or skip it. The relay relies on this (see
 * `OutboxRelay`). Different aggregates are not serialised. Locks are taken in sorted order
 * within a call; the calls of one transaction run in the order they were made, so code that
 * publishes for several aggregates across calls should do so in a consistent order, as with
 * any row locks, or PostgreSQL resolves the deadlock by failing one.
 */
@Injectable()
export class EventOutbox {
  /** The INSERT, built by Drizzle once and filled per call (`inlinedTemplate`). */
  private readonly insert: (values: InsertValues) => string;

  constructor(@Inject(Database) private readonly database: Database) {
    const value = (name: keyof InsertValues & string) => sql.placeholder(name);
    // The aggregates' locks (in key order), then the rows: `locked` is joined to every row,
    // so all locks are held before the first position is drawn; `order by` draws the
    // positions in the order given.
    const statement = sql`
      with locked as (
        select count(pg_advisory_xact_lock(${AGGREGATE_LOCK_SPACE}, hashtext(${value('tenantId')}::text || ':' || k))) as n
          from unnest(${value('keys')}::text[]) as k
      )
      insert into ${outbox} (tenant_id, id, type, version, aggregate_type, aggregate_id, payload, request_id)
      select ${value('tenantId')}::uuid, e.id, e.type, e.version, e."aggregateType", e."aggregateId", e.payload, ${value('requestId')}::text
        from locked, jsonb_to_recordset(${value('rows')}::jsonb)
               as e(id uuid, type text, version int, "aggregateType" text, "aggregateId" uuid, payload jsonb, ord int)
       where locked.n >= 0
       order by e.ord
      returning id, position`;
    this.insert = inlinedTemplate<InsertValues>({
      toSQL: () => new PgDialect().sqlToQuery(statement),
    });
  }

  async publish(event: PendingEvent): Promise<PublishedEvent> {
    const [published] = await this.publishAll([event]);
    if (!published) throw new Error('The outbox has no event to write');
    return published;
  }

  /**
   * Several events in one statement; positions follow the order given. A promise, as for any
   * write: a bad payload or a missing tenant rejects it (a throw in the executor).
   */
  publishAll(events: readonly PendingEvent[]): Promise<PublishedEvent[]> {
    return new Promise((resolve) => {
      if (events.length === 0) return resolve([]);
      const { statement, ids } = this.insertStatement(events);
      this.database.beforeCommit(statement);
      resolve(ids.map((id) => ({ id })));
    });
  }

  /**
   * The INSERT of `events` for the transaction in flight, as simple-protocol text, and the
   * events' ids. `publishAll` sends it with COMMIT; the relay's test runs it at once, to draw
   * positions mid-transaction and commit them out of order.
   */
  insertStatement(events: readonly PendingEvent[]): { statement: string; ids: string[] } {
    const rows = events.map((event, ord) => ({
      id: newId(),
      type: event.definition.type,
      version: event.definition.version,
      aggregateType: event.definition.aggregateType,
      aggregateId: event.aggregateId,
      payload: event.definition.validate(event.payload),
      ord,
    }));
    const tenantId = this.database.settings().tenantId;
    if (!tenantId) throw new NoTenantTransactionError();
    const statement = this.insert({
      tenantId,
      keys: [...new Set(rows.map((r) => `${r.aggregateType}:${r.aggregateId}`))].sort(),
      requestId: requestContext.get()?.requestId ?? null,
      rows: JSON.stringify(rows),
    });
    return { statement, ids: rows.map((r) => r.id) };
  }
}
