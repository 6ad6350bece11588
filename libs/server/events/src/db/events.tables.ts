import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const eventsSchema = pgSchema('events');

/**
 * Domain events, written in the same transaction as the change they describe and delivered
 * later by the relay. Tenant-owned like any business table: the app role inserts and reads
 * its own tenant's rows; only the relay role (a policy of its own) reads and marks them all.
 *
 * `position` orders everything. Its sequence must keep CACHE 1 (the identity default): with
 * per-session caches, values stop following the order in which transactions asked for them,
 * and the per-aggregate ordering argument in `EventOutbox` rests on that order.
 * No foreign key to `tenancy.tenants`: events sit below the contexts and do not depend on one.
 */
export const outbox = eventsSchema.table(
  'outbox',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    position: bigint('position', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    /** `<context>.<entity>.<verb>`, e.g. `crm.party.created`. */
    type: text('type').notNull(),
    version: integer('version').notNull(),
    aggregateType: text('aggregate_type').notNull(),
    aggregateId: uuid('aggregate_id').notNull(),
    payload: jsonb('payload').notNull(),
    requestId: text('request_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'outbox_pkey', columns: [t.tenantId, t.id] }),
    // A tenant's feed in order (replay, audit); tenant first like every unique index.
    uniqueIndex('outbox_tenant_position_key').on(t.tenantId, t.position),
    // The relay's poll: the unpublished rows in position order, a small index however much
    // history stays in the table.
    index('outbox_unpublished_idx')
      .on(t.position)
      .where(sql`${t.publishedAt} is null`),
    // The relay's per-aggregate check: is an earlier event of this aggregate still unpublished?
    index('outbox_unpublished_aggregate_idx')
      .on(t.tenantId, t.aggregateType, t.aggregateId, t.position)
      .where(sql`${t.publishedAt} is null`),
  ],
);

/**
 * Which consumer has applied which event. Tenant-owned (`tenant_id` leading the key, RLS)
 * rather than global with a `tenant_ref`: a handler runs in a transaction of the event's
 * tenant and records the event id in that same transaction, so the record and the
 * handler's own writes live under the same policy, a tenant's data stays in rows it owns
 * (export, deletion), and no role needs to read another tenant's consumption history.
 */
export const consumed = eventsSchema.table(
  'consumed',
  {
    tenantId: uuid('tenant_id').notNull(),
    consumer: text('consumer').notNull(),
    eventId: uuid('event_id').notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'consumed_pkey', columns: [t.tenantId, t.consumer, t.eventId] })],
);
