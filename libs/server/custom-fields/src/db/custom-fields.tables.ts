import { recordColumns } from '@nexo/db/columns';
import { tenants } from '@nexo/tenancy/tables';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const customizationSchema = pgSchema('customization');

/**
 * A tenant's extra field on a resource (`crm.party`, `catalog.item`, …). Values live in the
 * resource's `custom` JSONB column under `key`; this row says how to validate, show, filter
 * and sort them.
 */
export const fieldDefinitions = customizationSchema.table(
  'field_definitions',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    resource: text('resource').notNull(),
    key: text('key').notNull(),
    label: text('label').notNull(),
    type: text('type').notNull(),
    required: boolean('required').notNull().default(false),
    /** `select`: the allowed values; `reference`: which resource (`crm.party`, `catalog.item`). */
    options: jsonb('options')
      .notNull()
      .default(sql`'{}'::jsonb`),
    position: integer('position').notNull().default(0),
    archived: boolean('archived').notNull().default(false),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'field_definitions_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('field_definitions_tenant_resource_key_key').on(t.tenantId, t.resource, t.key),
    foreignKey({
      name: 'field_definitions_tenant_fk',
      columns: [t.tenantId],
      foreignColumns: [tenants.id],
    }),
    check(
      'field_definitions_type_check',
      sql`${t.type} in ('text', 'number', 'decimal', 'date', 'boolean', 'select', 'reference')`,
    ),
  ],
);
