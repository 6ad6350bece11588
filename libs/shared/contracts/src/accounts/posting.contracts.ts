import { z } from 'zod';

/**
 * What an account is for, as posting rules name it. Sales, purchasing, inventory and
 * production ask for an account by purpose (and, where it matters, by tax rate, item
 * category or warehouse); the company's rules answer with one of its accounts.
 */
export const POSTING_PURPOSES = [
  'receivable',
  'payable',
  'sales',
  'sales_returns',
  'purchases',
  'tax_output',
  'tax_input',
  'withholding_suffered',
  'withholding_applied',
  'stock',
  'stock_adjustment',
  'cogs',
  'grni',
  'production',
  'rounding',
  'exchange_gain',
  'exchange_loss',
  'cash',
  'bank',
  'cheques_portfolio',
  'advances_customers',
  'advances_suppliers',
  'retained_earnings',
] as const;
export type PostingPurpose = (typeof POSTING_PURPOSES)[number];
export const PostingPurposeSchema = z.enum(POSTING_PURPOSES);

/** What a rule matches beyond its purpose; `default` matches everything. */
export const POSTING_MATCHES = ['default', 'tax_rate', 'item_category', 'warehouse'] as const;
export type PostingMatch = (typeof POSTING_MATCHES)[number];
