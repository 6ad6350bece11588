import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  json,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const platformSchema = pgSchema('platform');

/**
 * The first answer to a POST with an `Idempotency-Key`, per tenant and principal. The row
 * is inserted in the request's own transaction before the handler runs: a concurrent
 * repeat waits on the key's unique index until the first commits, then replays its answer.
 */
export const idempotencyKeys = platformSchema.table(
  'idempotency_keys',
  {
    tenantId: uuid('tenant_id').notNull(),
    principalId: uuid('principal_id').notNull(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status'),
    /** `json`, not `jsonb`: a replay must be byte-for-byte the first answer, key order included. */
    body: json('body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'idempotency_keys_pkey', columns: [t.tenantId, t.principalId, t.key] }),
    index('idempotency_keys_expiry_idx').on(t.tenantId, t.expiresAt),
  ],
);

/**
 * Document number series per tenant, document type and series (e.g. invoice "A").
 * `next` is taken with a row lock held to the end of the creating transaction: a rolled
 * back document gives its number back, so invoice numbers have no gaps and no repeats.
 */
export const numberSeries = platformSchema.table(
  'number_series',
  {
    tenantId: uuid('tenant_id').notNull(),
    /** For the settings routes; `Numbering.next` leaves it to the default. */
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    documentType: text('document_type').notNull(),
    series: text('series').notNull(),
    prefix: text('prefix').notNull().default(''),
    padding: integer('padding').notNull().default(8),
    yearlyReset: boolean('yearly_reset').notNull().default(false),
    /** The year the counter belongs to, when it resets yearly. */
    year: integer('year'),
    next: bigint('next', { mode: 'number' }).notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Bumped by settings changes only: issuing a number does not stale an editor's ETag. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ name: 'number_series_pkey', columns: [t.tenantId, t.documentType, t.series] }),
    uniqueIndex('number_series_id_key').on(t.tenantId, t.id),
    check('number_series_padding_check', sql`${t.padding} between 1 and 20`),
    check('number_series_next_check', sql`${t.next} >= 1`),
  ],
);
