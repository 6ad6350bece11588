import { z } from 'zod';
import { defineRoute, permission } from '../http/route-contract.js';
import {
  AgingQuerySchema,
  AgingSchema,
  BalanceSheetQuerySchema,
  FinancialStatementSchema,
  GeneralLedgerQuerySchema,
  LedgerMovementsSchema,
  PeriodQuerySchema,
  ProfitAndLossQuerySchema,
  TrialBalanceSchema,
} from './reports.contracts.js';
import { EntrySchema } from './ledger.contracts.js';

const tag = 'Accounts';
const V1 = '/api/v1/accounts/reports';
const REPORT = 'accounts.report';
const ExportQuerySchema = z.looseObject({ format: z.enum(['csv', 'xlsx']).optional() });

/** The ledger's reports, at any date, from the summaries kept as entries post. */
export const REPORT_ROUTES = {
  trialBalance: defineRoute({
    method: 'GET',
    path: `${V1}/trial-balance`,
    operationId: 'trialBalance',
    summary: 'Every account’s opening, debits, credits and closing between two dates',
    tag,
    access: permission('read', REPORT),
    query: PeriodQuerySchema,
    status: 200,
    response: TrialBalanceSchema,
  }),
  generalLedger: defineRoute({
    method: 'GET',
    path: `${V1}/general-ledger`,
    operationId: 'generalLedger',
    summary: 'An account’s lines between two dates with the running balance',
    tag,
    access: permission('read', REPORT),
    query: GeneralLedgerQuerySchema,
    status: 200,
    response: LedgerMovementsSchema,
  }),
  journalBook: defineRoute({
    method: 'GET',
    path: `${V1}/journal-book`,
    operationId: 'journalBook',
    summary: 'The libro diario: posted entries with their lines in date order, paged',
    tag,
    access: permission('read', REPORT),
    query: PeriodQuerySchema.extend({
      cursor: z.string().max(200).optional(),
      limit: z.string().regex(/^\d+$/).optional(),
    }),
    status: 200,
    response: z.object({ items: z.array(EntrySchema), nextCursor: z.string().nullable() }),
  }),
  profitAndLoss: defineRoute({
    method: 'GET',
    path: `${V1}/profit-and-loss`,
    operationId: 'profitAndLoss',
    summary: 'Income and expenses between two dates, optionally beside another period',
    tag,
    access: permission('read', REPORT),
    query: ProfitAndLossQuerySchema,
    status: 200,
    response: FinancialStatementSchema,
  }),
  balanceSheet: defineRoute({
    method: 'GET',
    path: `${V1}/balance-sheet`,
    operationId: 'balanceSheet',
    summary:
      'Assets, liabilities and equity (with the year’s result) at a date, optionally beside another',
    tag,
    access: permission('read', REPORT),
    query: BalanceSheetQuerySchema,
    status: 200,
    response: FinancialStatementSchema,
  }),
  aging: defineRoute({
    method: 'GET',
    path: `${V1}/aging`,
    operationId: 'aging',
    summary: 'Receivables or payables by party and currency, in buckets of days past due',
    tag,
    access: permission('read', 'accounts.current-account'),
    query: AgingQuerySchema,
    status: 200,
    response: AgingSchema,
  }),
  exportReport: defineRoute({
    method: 'GET',
    path: `${V1}/:report/export`,
    operationId: 'exportReport',
    summary:
      'A report as CSV (default) or XLSX, with the report’s own query: trial-balance, general-ledger, aging, profit-and-loss, balance-sheet',
    tag,
    access: permission('export', REPORT),
    params: z.object({
      report: z.enum([
        'trial-balance',
        'general-ledger',
        'aging',
        'profit-and-loss',
        'balance-sheet',
      ]),
    }),
    query: ExportQuerySchema,
    status: 200,
    binaryResponse: {
      mediaTypes: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    },
    audited: true,
  }),
};
