import { index, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
