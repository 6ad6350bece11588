import { recordColumns } from '@nexo/db/columns';
import {
  jsonb,
  pgSchema,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
  foreignKey,
} from 'drizzle-orm/pg-core';
import { tenants } from '@nexo/tenancy/tables';

export const permissionsSchema = pgSchema('permissions');

/** A tenant's own roles (system roles live in code). Rules are validated JSON. */
export const roles = permissionsSchema.table(
  'roles',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    rules: jsonb('rules').notNull(),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'roles_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('roles_tenant_key_key').on(t.tenantId, t.key),
    foreignKey({ name: 'roles_tenant_fk', columns: [t.tenantId], foreignColumns: [tenants.id] }),
  ],
);
