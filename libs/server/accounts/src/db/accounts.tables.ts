import { decimalColumns, recordColumns } from '@nexo/db/columns';
import { parties } from '@nexo/crm/tables';
import { tenantFk } from '@nexo/tenancy/tables';
import { sql } from 'drizzle-orm';
import {
  bigint,
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
    /** Place in the company's hash chain, set by the database when the entry posts. */
    chainSeq: bigint('chain_seq', { mode: 'number' }),
    prevHash: text('prev_hash'),
    hash: text('hash'),
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
      sql`(${t.state} = 'posted') = (${t.number} is not null and ${t.postedAt} is not null and ${t.hash} is not null)`,
    ),
    uniqueIndex('entries_chain_key')
      .on(t.tenantId, t.chainSeq)
      .where(sql`${t.chainSeq} is not null`),
    uniqueIndex('entries_reverses_key')
      .on(t.tenantId, t.reversesEntryId)
      .where(sql`${t.reversesEntryId} is not null`),
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

/** A fiscal year; its periods (months) may be locked one by one. */
export const fiscalYears = accountsSchema.table(
  'fiscal_years',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'fiscal_years_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('fiscal_years_start_key').on(t.tenantId, t.startDate),
    tenantFk('fiscal_years_tenant_fk', t.tenantId),
    check('fiscal_years_dates_check', sql`${t.endDate} > ${t.startDate}`),
  ],
);

/** A period of a fiscal year; a locked one takes no entry dated inside it (the database). */
export const periods = accountsSchema.table(
  'periods',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    fiscalYearId: uuid('fiscal_year_id').notNull(),
    number: integer('number').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    locked: boolean('locked').notNull().default(false),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'periods_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('periods_number_key').on(t.tenantId, t.fiscalYearId, t.number),
    index('periods_dates_idx').on(t.tenantId, t.startDate, t.endDate),
    tenantFk('periods_tenant_fk', t.tenantId),
    foreignKey({
      name: 'periods_fiscal_year_fk',
      columns: [t.tenantId, t.fiscalYearId],
      foreignColumns: [fiscalYears.tenantId, fiscalYears.id],
    }),
    check('periods_dates_check', sql`${t.endDate} >= ${t.startDate}`),
  ],
);

/**
 * Posting rules: which account answers a purpose (sales, a tax, stock…) for the company,
 * by default or for one tax rate, item category or warehouse. Sales and purchasing ask by
 * purpose; they never name an account.
 */
export const postingRules = accountsSchema.table(
  'posting_rules',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    purpose: text('purpose').notNull(),
    matchKind: text('match_kind').notNull().default('default'),
    matchId: uuid('match_id'),
    accountId: uuid('account_id').notNull(),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'posting_rules_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('posting_rules_default_key')
      .on(t.tenantId, t.purpose)
      .where(sql`${t.matchKind} = 'default'`),
    uniqueIndex('posting_rules_match_key')
      .on(t.tenantId, t.purpose, t.matchKind, t.matchId)
      .where(sql`${t.matchKind} <> 'default'`),
    tenantFk('posting_rules_tenant_fk', t.tenantId),
    foreignKey({
      name: 'posting_rules_account_fk',
      columns: [t.tenantId, t.accountId],
      foreignColumns: [accounts.tenantId, accounts.id],
    }),
    check(
      'posting_rules_match_check',
      sql`${t.matchKind} in ('default', 'tax_rate', 'item_category', 'warehouse') and (${t.matchKind} = 'default') = (${t.matchId} is null)`,
    ),
  ],
);

/** The last number each journal gave in each year: gapless, taken under the row's lock. */
export const journalSequences = accountsSchema.table(
  'journal_sequences',
  {
    tenantId: uuid('tenant_id').notNull(),
    journalId: uuid('journal_id').notNull(),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [
    primaryKey({ name: 'journal_sequences_pkey', columns: [t.tenantId, t.journalId, t.year] }),
    tenantFk('journal_sequences_tenant_fk', t.tenantId),
    foreignKey({
      name: 'journal_sequences_journal_fk',
      columns: [t.tenantId, t.journalId],
      foreignColumns: [journals.tenantId, journals.id],
    }),
  ],
);

/** The head of each company's hash chain over posted entries (written by the database). */
export const chainHeads = accountsSchema.table(
  'chain_heads',
  {
    tenantId: uuid('tenant_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    primaryKey({ name: 'chain_heads_pkey', columns: [t.tenantId] }),
    tenantFk('chain_heads_tenant_fk', t.tenantId),
  ],
);

/**
 * Debits and credits per account and day, in the company's currency, kept by the database
 * as entries post: a trial balance at any date sums these, not the lines.
 */
export const accountBalances = accountsSchema.table(
  'account_balances',
  {
    tenantId: uuid('tenant_id').notNull(),
    accountId: uuid('account_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    debit: decimalColumns.amount('debit').notNull(),
    credit: decimalColumns.amount('credit').notNull(),
  },
  (t) => [
    primaryKey({ name: 'account_balances_pkey', columns: [t.tenantId, t.accountId, t.day] }),
    index('account_balances_day_idx').on(t.tenantId, t.day),
    tenantFk('account_balances_tenant_fk', t.tenantId),
    foreignKey({
      name: 'account_balances_account_fk',
      columns: [t.tenantId, t.accountId],
      foreignColumns: [accounts.tenantId, accounts.id],
    }),
  ],
);

/**
 * A party's open items: one per posted receivable or payable line (an invoice, a note, a
 * payment on account), written by the database when the entry posts. `residual` is what is
 * still open, in the item's currency and in the company's; allocations lower it and the
 * CHECKs keep it between zero and the amount, so nothing is allocated twice.
 */
export const openItems = accountsSchema.table(
  'open_items',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    entryId: uuid('entry_id').notNull(),
    entryLineId: uuid('entry_line_id').notNull(),
    partyId: uuid('party_id').notNull(),
    accountId: uuid('account_id').notNull(),
    /** `debit`: the party owes it (an invoice); `credit`: it is owed to them (a payment). */
    side: text('side').notNull(),
    currency: text('currency').notNull(),
    amount: decimalColumns.amount('amount').notNull(),
    amountCurrency: decimalColumns.amount('amount_currency').notNull(),
    residual: decimalColumns.amount('residual').notNull(),
    residualCurrency: decimalColumns.amount('residual_currency').notNull(),
    documentDate: date('document_date', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    sourceType: text('source_type'),
    sourceId: uuid('source_id'),
    description: text('description'),
  },
  (t) => [
    primaryKey({ name: 'open_items_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('open_items_line_key').on(t.tenantId, t.entryLineId),
    index('open_items_party_idx').on(t.tenantId, t.partyId, t.documentDate),
    index('open_items_open_idx')
      .on(t.tenantId, t.partyId, t.dueDate)
      .where(sql`${t.residualCurrency} > 0`),
    tenantFk('open_items_tenant_fk', t.tenantId),
    foreignKey({
      name: 'open_items_line_fk',
      columns: [t.tenantId, t.entryLineId],
      foreignColumns: [entryLines.tenantId, entryLines.id],
    }),
    foreignKey({
      name: 'open_items_entry_fk',
      columns: [t.tenantId, t.entryId],
      foreignColumns: [entries.tenantId, entries.id],
    }),
    foreignKey({
      name: 'open_items_party_fk',
      columns: [t.tenantId, t.partyId],
      foreignColumns: [parties.tenantId, parties.id],
    }),
    foreignKey({
      name: 'open_items_account_fk',
      columns: [t.tenantId, t.accountId],
      foreignColumns: [accounts.tenantId, accounts.id],
    }),
    check('open_items_side_check', sql`${t.side} in ('debit', 'credit')`),
    check(
      'open_items_residual_check',
      sql`${t.residual} >= 0 and ${t.residual} <= ${t.amount} and ${t.residualCurrency} >= 0 and ${t.residualCurrency} <= ${t.amountCurrency}`,
    ),
  ],
);

/**
 * The allocation ledger (erp.md §4): a payment settling an invoice, in part or whole. Rows
 * are only added: undoing one adds its opposite. The database lowers (or restores) both
 * items' residuals as a row is added.
 */
export const allocations = accountsSchema.table(
  'allocations',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    partyId: uuid('party_id').notNull(),
    debitItemId: uuid('debit_item_id').notNull(),
    creditItemId: uuid('credit_item_id').notNull(),
    currency: text('currency').notNull(),
    /** In the items' currency; negative on the row that undoes another. */
    amountCurrency: decimalColumns.amount('amount_currency').notNull(),
    /** What it settles of each item in the company's currency; they differ by the exchange. */
    amountDebit: decimalColumns.amount('amount_debit').notNull(),
    amountCredit: decimalColumns.amount('amount_credit').notNull(),
    allocatedOn: date('allocated_on', { mode: 'string' }).notNull(),
    undoesId: uuid('undoes_id'),
    /** The entry posting the realized exchange difference, if any. */
    exchangeEntryId: uuid('exchange_entry_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    primaryKey({ name: 'allocations_pkey', columns: [t.tenantId, t.id] }),
    index('allocations_debit_idx').on(t.tenantId, t.debitItemId, t.allocatedOn),
    index('allocations_credit_idx').on(t.tenantId, t.creditItemId, t.allocatedOn),
    uniqueIndex('allocations_undoes_key')
      .on(t.tenantId, t.undoesId)
      .where(sql`${t.undoesId} is not null`),
    tenantFk('allocations_tenant_fk', t.tenantId),
    foreignKey({
      name: 'allocations_debit_fk',
      columns: [t.tenantId, t.debitItemId],
      foreignColumns: [openItems.tenantId, openItems.id],
    }),
    foreignKey({
      name: 'allocations_credit_fk',
      columns: [t.tenantId, t.creditItemId],
      foreignColumns: [openItems.tenantId, openItems.id],
    }),
    foreignKey({
      name: 'allocations_party_fk',
      columns: [t.tenantId, t.partyId],
      foreignColumns: [parties.tenantId, parties.id],
    }),
    foreignKey({
      name: 'allocations_undoes_fk',
      columns: [t.tenantId, t.undoesId],
      foreignColumns: [t.tenantId, t.id],
    }),
    foreignKey({
      name: 'allocations_exchange_entry_fk',
      columns: [t.tenantId, t.exchangeEntryId],
      foreignColumns: [entries.tenantId, entries.id],
    }),
    check('allocations_sign_check', sql`(${t.undoesId} is null) = (${t.amountCurrency} > 0)`),
  ],
);
