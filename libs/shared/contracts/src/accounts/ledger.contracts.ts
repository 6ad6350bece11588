import { z } from 'zod';
import { AmountSchema, CurrencySchema, DateOnlySchema, DecimalSchema } from '../common/values.js';
import { POSTING_MATCHES, PostingPurposeSchema } from './posting.contracts.js';

export const JOURNAL_KINDS = ['sales', 'purchases', 'cash', 'bank', 'general'] as const;

export const JournalSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(JOURNAL_KINDS),
  })
  .meta({ id: 'Journal' });

/** A line as an accountant enters it: an account, a debit or a credit, maybe a party. */
export const EntryLineInputSchema = z.strictObject({
  accountId: z.uuid(),
  partyId: z.uuid().nullable().optional(),
  debit: AmountSchema.optional(),
  credit: AmountSchema.optional(),
  currency: CurrencySchema.optional(),
  /** Signed: positive on a debit. Required when the currency is not the company's. */
  amountCurrency: DecimalSchema.optional(),
  rate: DecimalSchema.optional(),
  dueDate: DateOnlySchema.nullable().optional(),
  description: z.string().trim().max(500).nullable().optional(),
});

export const CreateEntryInputSchema = z.strictObject({
  journalId: z.uuid(),
  date: DateOnlySchema,
  description: z.string().trim().max(500).nullable().optional(),
  lines: z.array(EntryLineInputSchema).min(2).max(500),
  /** Post at once instead of keeping a draft. */
  post: z.boolean().optional(),
});
export type CreateEntryInput = z.infer<typeof CreateEntryInputSchema>;
export const UpdateEntryInputSchema = CreateEntryInputSchema.omit({ post: true }).partial();
export type UpdateEntryInput = z.infer<typeof UpdateEntryInputSchema>;

export const ReverseEntryInputSchema = z.strictObject({
  /** The reversal's date: the original's when left out, never before it. */
  date: DateOnlySchema.optional(),
  description: z.string().trim().max(500).optional(),
});

export const EntryLineSchema = z
  .object({
    id: z.uuid(),
    position: z.number().int(),
    accountId: z.uuid(),
    accountCode: z.string(),
    accountName: z.string(),
    partyId: z.uuid().nullable(),
    debit: z.string(),
    credit: z.string(),
    currency: z.string(),
    amountCurrency: z.string(),
    rate: z.string(),
    dueDate: z.string().nullable(),
    description: z.string().nullable(),
  })
  .meta({ id: 'EntryLine' });

export const EntrySummarySchema = z
  .object({
    id: z.uuid(),
    journalId: z.uuid(),
    state: z.enum(['draft', 'posted']),
    number: z.string().nullable(),
    entryDate: z.string(),
    description: z.string().nullable(),
    sourceType: z.string().nullable(),
    sourceId: z.uuid().nullable(),
    reversesEntryId: z.uuid().nullable(),
    postedAt: z.date().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
    version: z.number().int(),
  })
  .meta({ id: 'EntrySummary' });

export const EntrySchema = EntrySummarySchema.extend({
  /** The entry that reverses this one, if any. */
  reversedById: z.uuid().nullable(),
  /** Sum of the debits (= of the credits), in the company's currency. */
  total: z.string(),
  lines: z.array(EntryLineSchema),
  chainSeq: z.number().int().nullable(),
  hash: z.string().nullable(),
}).meta({ id: 'Entry' });

/** The company's accounting settings: lock dates, fiscal years and their periods. */
export const PeriodSchema = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    startDate: z.string(),
    endDate: z.string(),
    locked: z.boolean(),
  })
  .meta({ id: 'Period' });

export const FiscalYearSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    periods: z.array(PeriodSchema),
  })
  .meta({ id: 'FiscalYear' });

export const AccountingSettingsSchema = z
  .object({
    /** Nobody posts on or before it. */
    lockDate: z.string().nullable(),
    /** Only accountants post on or before it. */
    staffLockDate: z.string().nullable(),
    fiscalYears: z.array(FiscalYearSchema),
    /** Whether the chart of accounts is installed. */
    chartInstalled: z.boolean(),
  })
  .meta({ id: 'AccountingSettings' });

export const UpdateAccountingSettingsInputSchema = z.strictObject({
  lockDate: DateOnlySchema.nullable().optional(),
  staffLockDate: DateOnlySchema.nullable().optional(),
});

export const OpenFiscalYearInputSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
});

export const InstallChartInputSchema = z.strictObject({
  /** The chart template: AR, ES, MX, CL; anything else installs the generic one. */
  country: z.string().regex(/^([A-Z]{2}|\*)$/),
});

export const PostingRuleSchema = z
  .object({
    id: z.uuid(),
    purpose: PostingPurposeSchema,
    matchKind: z.enum(POSTING_MATCHES),
    matchId: z.uuid().nullable(),
    accountId: z.uuid(),
    version: z.number().int(),
  })
  .meta({ id: 'PostingRule' });

export const SetPostingRuleInputSchema = z.strictObject({
  purpose: PostingPurposeSchema,
  matchKind: z.enum(POSTING_MATCHES).optional(),
  matchId: z.uuid().nullable().optional(),
  accountId: z.uuid(),
});
export type SetPostingRuleInput = z.infer<typeof SetPostingRuleInputSchema>;

export const ChainReportSchema = z
  .object({
    entries: z.number().int(),
    valid: z.boolean(),
    headHash: z.string().nullable(),
    firstBreak: z
      .object({
        seq: z.number().int(),
        entryId: z.uuid().nullable(),
        number: z.string().nullable(),
        reason: z.enum(['content', 'link', 'sequence', 'head']),
      })
      .nullable(),
  })
  .meta({ id: 'ChainReport' });
