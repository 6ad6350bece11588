import {
  index,
  integer,
  json,
  pgSchema,
  primaryKey,
  text,
  timestamp,
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
