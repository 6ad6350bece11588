import type { JOURNAL_KINDS, PostingPurpose } from '@nexo/contracts/accounts';

export type JournalKind = (typeof JOURNAL_KINDS)[number];

/** What a rule may match beyond its purpose: one tax rate, item category or warehouse. */
export interface PostingMatchRef {
  kind: 'tax_rate' | 'item_category' | 'warehouse';
  id: string;
}

/**
 * One line of an entry to post. The account is named by id (manual entries) or by purpose
 * (documents: the company's posting rules answer). Amounts are decimal strings in the
 * company's currency; `amountCurrency` (signed, debit positive) and `rate` carry the
 * document's currency when it is another.
 */
export interface LedgerLineInput {
  accountId?: string;
  purpose?: PostingPurpose;
  match?: PostingMatchRef;
  partyId?: string | null;
  debit?: string;
  credit?: string;
  currency?: string;
  amountCurrency?: string;
  rate?: string;
  dueDate?: string | null;
  description?: string | null;
}

export interface LedgerEntryInput {
  /** A journal by kind (the company's first of that kind) or by id. */
  journal: JournalKind | { id: string };
  /** The accounting date (YYYY-MM-DD). */
  date: string;
  description?: string | null;
  /** The document that posts it: a type name and an id (erp.md §4). */
  sourceType?: string | null;
  sourceId?: string | null;
  lines: readonly LedgerLineInput[];
  /**
   * Up to this many minor units of difference between debits and credits (from converting
   * each line's currency) go to the company's rounding account instead of failing.
   */
  roundingTolerance?: number;
  /** Keep it as a draft to post later (manual entries); documents post at once. */
  draft?: boolean;
}

export interface PostedEntry {
  id: string;
  journalId: string;
  /** Null while a draft. */
  number: string | null;
  date: string;
  state: 'draft' | 'posted';
}
