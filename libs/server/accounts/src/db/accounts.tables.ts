import { decimalColumns, recordColumns } from '@nexo/db/columns';
import { parties } from '@nexo/crm/tables';
import { tenantFk } from '@nexo/tenancy/tables';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const accountsSchema = pgSchema('accounts');

export const ACCOUNT_TYPES = [
  'asset',
  'receivable',
  'bank',
  'cash',
  'liability',
  'payable',
  'equity',
  'income',
  'expense',
] as const;

/** The chart of accounts: a tree per company; only leaf accounts take entries. */
export const accounts = accountsSchema.table(
  'accounts',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    parentId: uuid('parent_id'),
    /** A heading groups accounts and takes no entries itself. */
    heading: boolean('heading').notNull().default(false),
    active: boolean('active').notNull().default(true),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'accounts_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('accounts_tenant_code_key').on(t.tenantId, t.code),
    tenantFk('accounts_tenant_fk', t.tenantId),
    foreignKey({
      name: 'accounts_parent_fk',
      columns: [t.tenantId, t.parentId],
      foreignColumns: [t.tenantId, t.id],
    }),
    check(
      'accounts_type_check',
      sql`${t.type} in ('asset', 'receivable', 'bank', 'cash', 'liability', 'payable', 'equity', 'income', 'expense')`,
    ),
  ],
);

/** The company's lock dates: no posted entry on or before them (the stricter one for all). */
export const settings = accountsSchema.table(
  'settings',
  {
    tenantId: uuid('tenant_id').notNull(),
    /** Nobody posts on or before this day. */
    lockDate: date('lock_date', { mode: 'string' }),
    /** Only accountants post on or before this day (it is later than `lock_date`). */
    staffLockDate: date('staff_lock_date', { mode: 'string' }),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'settings_pkey', columns: [t.tenantId] }),
    tenantFk('settings_tenant_fk', t.tenantId),
  ],
);

/** Journals: sales, purchases, cash, bank, general; each numbers its entries per year. */
export const journals = accountsSchema.table(
  'journals',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'journals_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('journals_tenant_code_key').on(t.tenantId, t.code),
    tenantFk('journals_tenant_fk', t.tenantId),
    check(
      'journals_kind_check',
      sql`${t.kind} in ('sales', 'purchases', 'cash', 'bank', 'general')`,
    ),
  ],
);

/**
 * Journal entries. A draft may change; a posted one never does (the database refuses), and
 * is corrected by a reversal. Every posted entry balances at COMMIT (a deferred trigger).
 */
export const entries = accountsSchema.table(
  'entries',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    journalId: uuid('journal_id').notNull(),
    state: text('state').notNull().default('draft'),
    number: text('number'),
    entryDate: date('entry_date', { mode: 'string' }).notNull(),
    description: text('description'),
    sourceType: text('source_type'),
    sourceId: uuid('source_id'),
    reversesEntryId: uuid('reverses_entry_id'),
    postedAt: timestamp('posted_at', { withTimezone: true }),
    postedBy: uuid('posted_by'),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'entries_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('entries_number_key')
      .on(t.tenantId, t.journalId, t.number)
      .where(sql`${t.number} is not null`),
    index('entries_tenant_date_idx').on(t.tenantId, t.entryDate),
    index('entries_source_idx').on(t.tenantId, t.sourceType, t.sourceId),
    tenantFk('entries_tenant_fk', t.tenantId),
    foreignKey({
      name: 'entries_journal_fk',
      columns: [t.tenantId, t.journalId],
      foreignColumns: [journals.tenantId, journals.id],
    }),
    foreignKey({
      name: 'entries_reverses_fk',
      columns: [t.tenantId, t.reversesEntryId],
      foreignColumns: [t.tenantId, t.id],
    }),
    check('entries_state_check', sql`${t.state} in ('draft', 'posted')`),
    check(
      'entries_posted_check',
      sql`(${t.state} = 'posted') = (${t.number} is not null and ${t.postedAt} is not null)`,
    ),
  ],
);

/** An entry's lines: a debit or a credit, in the company's currency and in the document's. */
export const entryLines = accountsSchema.table(
  'entry_lines',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    entryId: uuid('entry_id').notNull(),
    position: integer('position').notNull(),
    accountId: uuid('account_id').notNull(),
    partyId: uuid('party_id'),
    debit: decimalColumns.amount('debit').notNull().default('0'),
    credit: decimalColumns.amount('credit').notNull().default('0'),
    currency: text('currency').notNull(),
    amountCurrency: decimalColumns.amount('amount_currency').notNull().default('0'),
    rate: decimalColumns.rate('rate').notNull().default('1'),
    dueDate: date('due_date', { mode: 'string' }),
    description: text('description'),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'entry_lines_pkey', columns: [t.tenantId, t.id] }),
    index('entry_lines_entry_idx').on(t.tenantId, t.entryId, t.position),
    index('entry_lines_account_idx').on(t.tenantId, t.accountId),
    index('entry_lines_party_idx')
      .on(t.tenantId, t.partyId)
      .where(sql`${t.partyId} is not null`),
    tenantFk('entry_lines_tenant_fk', t.tenantId),
    foreignKey({
      name: 'entry_lines_entry_fk',
      columns: [t.tenantId, t.entryId],
      foreignColumns: [entries.tenantId, entries.id],
    }),
    foreignKey({
      name: 'entry_lines_party_fk',
      columns: [t.tenantId, t.partyId],
      foreignColumns: [parties.tenantId, parties.id],
    }),
    foreignKey({
      name: 'entry_lines_account_fk',
      columns: [t.tenantId, t.accountId],
      foreignColumns: [accounts.tenantId, accounts.id],
    }),
    check(
      'entry_lines_amounts_check',
      sql`${t.debit} >= 0 and ${t.credit} >= 0 and (${t.debit} = 0 or ${t.credit} = 0)`,
    ),
  ],
);
