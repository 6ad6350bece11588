import { z } from 'zod';
import { DateOnlySchema } from '../common/values.js';
import { ACCOUNT_TYPES } from './accounts.contracts.js';

export const PeriodQuerySchema = z.object({
  from: DateOnlySchema,
  to: DateOnlySchema,
});

export const TrialBalanceRowSchema = z
  .object({
    accountId: z.uuid(),
    code: z.string(),
    name: z.string(),
    type: z.enum(ACCOUNT_TYPES),
    opening: z.string(),
    debit: z.string(),
    credit: z.string(),
    closing: z.string(),
  })
  .meta({ id: 'TrialBalanceRow' });

export const TrialBalanceSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    currency: z.string(),
    rows: z.array(TrialBalanceRowSchema),
    totals: z.object({
      opening: z.string(),
      debit: z.string(),
      credit: z.string(),
      closing: z.string(),
    }),
  })
  .meta({ id: 'TrialBalance' });

export const LedgerLineSchema = z
  .object({
    entryId: z.uuid(),
    lineId: z.uuid(),
    number: z.string(),
    date: z.string(),
    description: z.string().nullable(),
    accountId: z.uuid(),
    partyId: z.uuid().nullable(),
    debit: z.string(),
    credit: z.string(),
    currency: z.string(),
    amountCurrency: z.string(),
    balance: z.string(),
    sourceType: z.string().nullable(),
    sourceId: z.uuid().nullable(),
  })
  .meta({ id: 'LedgerLine' });

export const GeneralLedgerQuerySchema = PeriodQuerySchema.extend({ accountId: z.uuid() });

/** An account's general ledger or a party's statement: opening, lines with running balance. */
export const LedgerMovementsSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    currency: z.string(),
    opening: z.string(),
    closing: z.string(),
    lines: z.array(LedgerLineSchema),
  })
  .meta({ id: 'LedgerMovements' });

export const AgingQuerySchema = z.object({
  kind: z.enum(['receivable', 'payable']),
  asOf: DateOnlySchema.optional(),
  /** Upper bounds of the buckets in days past due, comma-separated (default 30,60,90). */
  buckets: z
    .string()
    .regex(/^\d{1,4}(,\d{1,4}){0,9}$/)
    .optional(),
});

export const AgingSchema = z
  .object({
    kind: z.enum(['receivable', 'payable']),
    asOf: z.string(),
    /** Bucket labels: "current", then "1-30", "31-60"…, the last "91+". */
    buckets: z.array(z.string()),
    rows: z.array(
      z.object({
        partyId: z.uuid(),
        partyName: z.string(),
        currency: z.string(),
        balance: z.string(),
        buckets: z.array(z.string()),
      }),
    ),
    totals: z.array(
      z.object({ currency: z.string(), balance: z.string(), buckets: z.array(z.string()) }),
    ),
  })
  .meta({ id: 'Aging' });

/** P&L or balance sheet: accounts grouped by type, with an optional comparison column. */
export const FinancialStatementSchema = z
  .object({
    currency: z.string(),
    columns: z.array(z.object({ from: z.string().nullable(), to: z.string() })),
    sections: z.array(
      z.object({
        type: z.string(),
        rows: z.array(
          z.object({
            accountId: z.uuid(),
            code: z.string(),
            name: z.string(),
            amounts: z.array(z.string()),
          }),
        ),
        totals: z.array(z.string()),
      }),
    ),
    /** P&L: the result; balance sheet: assets less liabilities and equity (zero). */
    result: z.array(z.string()),
  })
  .meta({ id: 'FinancialStatement' });

export const ProfitAndLossQuerySchema = PeriodQuerySchema.extend({
  compareFrom: DateOnlySchema.optional(),
  compareTo: DateOnlySchema.optional(),
});
export const BalanceSheetQuerySchema = z.object({
  asOf: DateOnlySchema,
  compareAsOf: DateOnlySchema.optional(),
});
