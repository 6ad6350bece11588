import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  integer,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenants } from '@nexo/tenancy/tables';

export const authSchema = pgSchema('auth');

/** People who can sign in. Global: one email, one password, memberships in many tenants. */
export const users = authSchema.table(
  'users',
  {
    id: uuid('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    locale: text('locale').notNull().default('es'),
    status: text('status').notNull().default('active'),
    passwordHash: text('password_hash'),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // Emails are unique whatever their case.
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    check('users_status_check', sql`${t.status} in ('active', 'disabled')`),
  ],
);

/** Ties a user to a tenant as one kind of actor, with roles. Tenant-owned. */
export const memberships = authSchema.table(
  'memberships',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    actor: text('actor').notNull(),
    /** The customer or supplier party a client or supplier member acts for (CRM). */
    partyId: uuid('party_id'),
    roles: text('roles')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: text('status').notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ name: 'memberships_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('memberships_tenant_user_key').on(t.tenantId, t.userId),
    foreignKey({
      name: 'memberships_tenant_fk',
      columns: [t.tenantId],
      foreignColumns: [tenants.id],
    }),
    foreignKey({ name: 'memberships_user_fk', columns: [t.userId], foreignColumns: [users.id] }),
    check(
      'memberships_actor_check',
      sql`${t.actor} in ('employee', 'client', 'supplier', 'professional')`,
    ),
    check('memberships_status_check', sql`${t.status} in ('active', 'disabled')`),
    check(
      'memberships_party_check',
      sql`(${t.actor} in ('client', 'supplier')) = (${t.partyId} is not null)`,
    ),
  ],
);
