import { decimalColumns, recordColumns } from '@nexo/db/columns';
import { tenants } from '@nexo/tenancy/tables';
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type PgColumnBuilderBase,
  type PgSchema,
} from 'drizzle-orm/pg-core';

/**
 * The header every commercial document shares (erp.md §3): party, currency and rate, dates,
 * terms, state, the totals the kit keeps from the lines, and the number and time it was
 * issued. `issued_at` is what the database's guard reads: once set, the document and its
 * lines never change again (`documents.install_guards`).
 */
export const documentHeaderColumns = () => ({
  tenantId: uuid('tenant_id').notNull(),
  id: uuid('id').notNull(),
  state: text('state').notNull().default('draft'),
  /** Taken from the gapless series when the document is issued; null while a draft. */
  number: text('number'),
  partyId: uuid('party_id').notNull(),
  contactId: uuid('contact_id'),
  /** The party's name, tax id, tax condition and address as the document was issued. */
  partySnapshot: jsonb('party_snapshot'),
  currency: text('currency').notNull(),
  /** 1 of `currency` = `exchange_rate` of the company's base currency, on `document_date`. */
  exchangeRate: decimalColumns.rate('exchange_rate').notNull().default('1'),
  documentDate: date('document_date', { mode: 'string' }).notNull(),
  validUntil: date('valid_until', { mode: 'string' }),
  dueDate: date('due_date', { mode: 'string' }),
  /** The payment terms (a `PaymentTerms` of @nexo/commerce), copied onto the document. */
  paymentTerms: jsonb('payment_terms'),
  language: text('language').notNull().default('es'),
  /** The salesperson or buyer: a membership of the company. */
  ownerId: uuid('owner_id'),
  notes: text('notes'),
  discountPercent: decimalColumns.percent('discount_percent').notNull().default('0'),
  roundingLevel: text('rounding_level').notNull().default('line'),
  roundingMode: text('rounding_mode').notNull().default('half-up'),
  /** Perceptions and withholdings that apply to the document, as `TaxDefinition`s. */
  documentTaxes: jsonb('document_taxes').notNull().default([]),
  net: decimalColumns.amount('net').notNull().default('0'),
  taxes: decimalColumns.amount('taxes').notNull().default('0'),
  withheld: decimalColumns.amount('withheld').notNull().default('0'),
  rounding: decimalColumns.amount('rounding').notNull().default('0'),
  total: decimalColumns.amount('total').notNull().default('0'),
  /** Base and amount per tax, as `computeDocument` gave them. */
  taxBreakdown: jsonb('tax_breakdown').notNull().default([]),
  issuedAt: timestamp('issued_at', { withTimezone: true }),
  issuedBy: uuid('issued_by'),
  ...recordColumns(),
});

/**
 * A document's line: an item or free text, quantity and unit, price, discount, the taxes it
 * carries (as `TaxDefinition`s, copied), its figures, and the line it came from. `done_quantity`
 * is how much of it later documents took (derived lines, kept by `documents.track_derived`).
 */
export const documentLineColumns = () => ({
  tenantId: uuid('tenant_id').notNull(),
  id: uuid('id').notNull(),
  documentId: uuid('document_id').notNull(),
  position: integer('position').notNull(),
  itemId: uuid('item_id'),
  variantId: uuid('variant_id'),
  description: text('description').notNull(),
  quantity: decimalColumns.quantity('quantity').notNull(),
  unit: text('unit').notNull(),
  unitPrice: decimalColumns.unitPrice('unit_price').notNull(),
  discountPercent: decimalColumns.percent('discount_percent').notNull().default('0'),
  taxes: jsonb('taxes').notNull().default([]),
  net: decimalColumns.amount('net').notNull().default('0'),
  taxAmount: decimalColumns.amount('tax_amount').notNull().default('0'),
  total: decimalColumns.amount('total').notNull().default('0'),
  sourceLineId: uuid('source_line_id'),
  doneQuantity: decimalColumns.quantity('done_quantity').notNull().default('0'),
  ...recordColumns(),
});

type Extra = Record<string, PgColumnBuilderBase>;

/**
 * A document type's two tables in `schema`: `<names.header>` and `<names.lines>`, with the kit's
 * keys, indexes and checks. `extra` adds the type's own columns. The migration that creates
 * them adds, in SQL, `SELECT nexo.enable_tenant_rls(...)` for each and
 * `SELECT documents.install_guards('<header>', '<lines>')`; a type whose lines come from
 * another type's lines adds `SELECT documents.track_derived('<lines>', '<source lines>')`.
 */
export function documentTables<
  H extends Extra = Record<never, never>,
  L extends Extra = Record<never, never>,
>(
  schema: PgSchema,
  names: { header: string; lines: string },
  extra: { header?: H; lines?: L } = {},
) {
  const header = schema.table(
    names.header,
    { ...documentHeaderColumns(), ...(extra.header ?? ({} as H)) },
    (t) => [
      primaryKey({ name: `${names.header}_pkey`, columns: [t.tenantId, t.id] }),
      foreignKey({
        name: `${names.header}_tenant_fk`,
        columns: [t.tenantId],
        foreignColumns: [tenants.id],
      }),
      uniqueIndex(`${names.header}_number_key`)
        .on(t.tenantId, t.number)
        .where(sql`${t.number} is not null`),
      index(`${names.header}_party_idx`).on(t.tenantId, t.partyId, t.documentDate),
      index(`${names.header}_state_idx`).on(t.tenantId, t.state, t.documentDate),
      check(`${names.header}_currency_check`, sql`${t.currency} ~ '^[A-Z]{3}$'`),
      check(`${names.header}_rate_check`, sql`${t.exchangeRate} > 0`),
      check(`${names.header}_rounding_check`, sql`${t.roundingLevel} in ('line', 'document')`),
      check(
        `${names.header}_rounding_mode_check`,
        sql`${t.roundingMode} in ('half-up', 'half-even')`,
      ),
      check(`${names.header}_issued_check`, sql`(${t.issuedAt} is null) = (${t.number} is null)`),
      check(
        `${names.header}_totals_check`,
        sql`${t.total} = ${t.net} + ${t.taxes} - ${t.withheld} + ${t.rounding}`,
      ),
    ],
  );
  const lines = schema.table(
    names.lines,
    { ...documentLineColumns(), ...(extra.lines ?? ({} as L)) },
    (t) => [
      primaryKey({ name: `${names.lines}_pkey`, columns: [t.tenantId, t.id] }),
      foreignKey({
        name: `${names.lines}_document_fk`,
        columns: [t.tenantId, t.documentId],
        foreignColumns: [header.tenantId, header.id],
      }).onDelete('cascade'),
      uniqueIndex(`${names.lines}_position_key`).on(t.tenantId, t.documentId, t.position),
      index(`${names.lines}_source_idx`)
        .on(t.tenantId, t.sourceLineId)
        .where(sql`${t.sourceLineId} is not null`),
      check(
        `${names.lines}_done_check`,
        sql`${t.doneQuantity} >= 0 and ${t.doneQuantity} <= abs(${t.quantity})`,
      ),
      check(`${names.lines}_total_check`, sql`${t.total} = ${t.net} + ${t.taxAmount}`),
    ],
  );
  return { header, lines };
}
