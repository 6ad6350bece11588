import { index, jsonb, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const auditSchema = pgSchema('audit');

/**
 * Security events (sign-in, MFA, resets, token reuse, revocations): the part of the audit
 * log that is about a person rather than a tenant's record, so it has no owning tenant.
 * `tenant_ref` names the company an event concerned, when there was one. Append-only: the
 * app role may insert and read, never update or delete.
 */
export const securityEvents = auditSchema.table(
  'security_events',
  {
    id: uuid('id').primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    event: text('event').notNull(),
    outcome: text('outcome').notNull(),
    userId: uuid('user_id'),
    tenantRef: uuid('tenant_ref'),
    email: text('email'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    requestId: text('request_id'),
    detail: jsonb('detail'),
  },
  (t) => [
    index('security_events_user_idx').on(t.userId, t.occurredAt),
    index('security_events_tenant_idx').on(t.tenantRef, t.occurredAt),
  ],
);

/**
 * One row per successful mutation, written in the same transaction as the change (so a
 * rolled-back change leaves no row). Append-only for the app role. `before`/`after` hold
 * only the fields that changed, never masked ones (secrets, hashes).
 */
export const auditLog = auditSchema.table(
  'audit_log',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    principalId: uuid('principal_id'),
    userId: uuid('user_id'),
    actor: text('actor'),
    action: text('action').notNull(),
    resource: text('resource').notNull(),
    resourceId: text('resource_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    ip: text('ip'),
  },
  (t) => [
    primaryKey({ name: 'audit_log_pkey', columns: [t.tenantId, t.id] }),
    index('audit_log_resource_idx').on(t.tenantId, t.resource, t.resourceId, t.occurredAt),
    index('audit_log_time_idx').on(t.tenantId, t.occurredAt),
  ],
);
