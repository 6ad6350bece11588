import { recordColumns } from '@nexo/db/columns';
import { sql } from 'drizzle-orm';
import { boolean, check, pgSchema, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const tenancySchema = pgSchema('tenancy');

/**
 * The registry of companies. Not tenant-owned in the usual sense (it has no tenant_id),
 * but row-level security still confines the app role to the current tenant's own row.
 */
export const tenants = tenancySchema.table(
  'tenants',
  {
    id: uuid('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    legalName: text('legal_name'),
    taxId: text('tax_id'),
    country: text('country').notNull().default('AR'),
    currency: text('currency').notNull().default('ARS'),
    /** Currencies accepted besides the base one (`currency`). */
    currencies: text('currencies')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    locale: text('locale').notNull().default('es'),
    timezone: text('timezone').notNull().default('America/Argentina/Buenos_Aires'),
    status: text('status').notNull().default('active'),
    /** Employees must use a second factor to sign in to this company. */
    requireMfaEmployees: boolean('require_mfa_employees').notNull().default(false),
    ...recordColumns(),
  },
  (t) => [
    uniqueIndex('tenants_slug_key').on(t.slug),
    check('tenants_status_check', sql`${t.status} in ('active', 'suspended')`),
    check('tenants_slug_check', sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]{1,62}$'`),
    check('tenants_country_check', sql`${t.country} ~ '^[A-Z]{2}$'`),
    check('tenants_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check(
      'tenants_currencies_check',
      sql`array_to_string(${t.currencies}, ',') ~ '^([A-Z]{3}(,[A-Z]{3})*)?$'`,
    ),
  ],
);
