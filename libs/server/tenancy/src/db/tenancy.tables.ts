import { recordColumns } from '@nexo/db/columns';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  foreignKey,
  integer,
  numeric,
  pgSchema,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const tenancySchema = pgSchema('tenancy');

/** Raw bytes (drizzle-orm 0.45 has no `bytea` builder); node-postgres reads them as a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

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
    /** Its tax condition under its country's pack (`responsable_inscripto`); checked by the service. */
    taxCondition: text('tax_condition'),
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
    /**
     * The logo printed on its documents (PNG or JPEG, at most 512 KB, checked by the service)
     * and its media type: both set or both null. Never selected by the company's usual reads.
     */
    logo: bytea('logo'),
    logoType: text('logo_type'),
    ...recordColumns(),
  },
  (t) => [
    uniqueIndex('tenants_slug_key').on(t.slug),
    check('tenants_status_check', sql`${t.status} in ('active', 'suspended')`),
    check('tenants_slug_check', sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]{1,62}$'`),
    check('tenants_country_check', sql`${t.country} ~ '^[A-Z]{2}$'`),
    check('tenants_tax_condition_check', sql`${t.taxCondition} ~ '^[a-z_]+$'`),
    check('tenants_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('tenants_logo_type_check', sql`${t.logoType} in ('image/png', 'image/jpeg')`),
    check('tenants_logo_check', sql`(${t.logo} is null) = (${t.logoType} is null)`),
    check(
      'tenants_currencies_check',
      sql`array_to_string(${t.currencies}, ',') ~ '^([A-Z]{3}(,[A-Z]{3})*)?$'`,
    ),
  ],
);

/** A tenant table's key to its company: every context's tables name it the same way. */
export const tenantFk = (name: string, column: Parameters<typeof foreignKey>[0]['columns'][0]) =>
  foreignKey({ name, columns: [column], foreignColumns: [tenants.id] });

/**
 * The company's exchange rates: on `rate_date`, 1 unit of `currency` is worth `rate` units of
 * the company's base currency (`tenants.currency`, which never has a row here: the service
 * refuses it, the base currency being 1). One rate per currency and date.
 */
export const exchangeRates = tenancySchema.table(
  'exchange_rates',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    currency: text('currency').notNull(),
    rateDate: date('rate_date', { mode: 'string' }).notNull(),
    rate: numeric('rate', { precision: 24, scale: 10 }).notNull(),
    source: text('source').notNull().default('manual'),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'exchange_rates_pkey', columns: [t.tenantId, t.id] }),
    // "The rate on a date" reads this index backwards from the date: one row.
    uniqueIndex('exchange_rates_tenant_currency_date_key').on(t.tenantId, t.currency, t.rateDate),
    foreignKey({
      name: 'exchange_rates_tenant_fk',
      columns: [t.tenantId],
      foreignColumns: [tenants.id],
    }),
    check('exchange_rates_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('exchange_rates_rate_check', sql`${t.rate} > 0`),
    check('exchange_rates_source_check', sql`${t.source} in ('manual', 'csv')`),
  ],
);

/**
 * The company's points of sale (Argentina's "puntos de venta", registered with AFIP): each
 * numbers its own invoices, printed `00001-00000001`. A number is 1 to 99999, once per company;
 * one no longer used is deactivated, never renumbered.
 */
export const pointsOfSale = tenancySchema.table(
  'points_of_sale',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    number: integer('number').notNull(),
    name: text('name').notNull(),
    active: boolean('active').notNull().default(true),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'points_of_sale_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('points_of_sale_tenant_number_key').on(t.tenantId, t.number),
    foreignKey({
      name: 'points_of_sale_tenant_fk',
      columns: [t.tenantId],
      foreignColumns: [tenants.id],
    }),
    check('points_of_sale_number_check', sql`${t.number} between 1 and 99999`),
  ],
);
