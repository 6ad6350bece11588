import { Inject, Injectable } from '@nestjs/common';
import { DomainError, currentPrincipal } from '@nexo/platform';
import { TenantDirectory } from '@nexo/tenancy';
import { decimal, decimalString } from '@nexo/utils';
import { assertPeriod } from '../current-accounts/current-account.service.js';
import { EntryService } from '../entries/entry.service.js';
import { EntryRepository } from '../entries/entry.repository.js';
import { LedgerReportsRepository, type TrialBalanceRow } from './ledger-reports.repository.js';
import { bucketLabels, naturalSign, parseBuckets, sumString } from './ledger-reports.policy.js';
import { type ReportTable, tableCsv, tableXlsx } from './report-table.js';

export type ReportName =
  'trial-balance' | 'general-ledger' | 'aging' | 'profit-and-loss' | 'balance-sheet';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const text = (query: Record<string, unknown>, key: string): string => {
  const value = query[key];
  if (typeof value !== 'string' || !value)
    throw DomainError.validation([{ path: key, code: 'required', message: `${key} is required` }]);
  return value;
};
const optional = (query: Record<string, unknown>, key: string): string | undefined =>
  typeof query[key] === 'string' && query[key] ? query[key] : undefined;

const INCOME_STATEMENT = ['income', 'expense'];
const BALANCE_SHEET = ['asset', 'receivable', 'bank', 'cash', 'liability', 'payable', 'equity'];

interface Column {
  from: string | null;
  to: string;
}

/** The ledger's reports at any date, read from the summaries (erp.md §4). */
@Injectable()
export class LedgerReportsService {
  constructor(
    @Inject(LedgerReportsRepository) private readonly reports: LedgerReportsRepository,
    @Inject(EntryRepository) private readonly entries: EntryRepository,
    @Inject(EntryService) private readonly entryViews: EntryService,
    @Inject(TenantDirectory) private readonly tenants: TenantDirectory,
  ) {}

  private async currency(): Promise<string> {
    return (await this.tenants.currentOf(currentPrincipal().tenantId)).currency;
  }

  async trialBalance(from: string, to: string) {
    assertPeriod(from, to);
    const rows = await this.reports.trialBalance(currentPrincipal().tenantId, from, to);
    return {
      from,
      to,
      currency: await this.currency(),
      rows,
      totals: {
        opening: sumString(rows.map((r) => r.opening)),
        debit: sumString(rows.map((r) => r.debit)),
        credit: sumString(rows.map((r) => r.credit)),
        closing: sumString(rows.map((r) => r.closing)),
      },
    };
  }

  async generalLedger(accountId: string, from: string, to: string) {
    assertPeriod(from, to);
    const { tenantId } = currentPrincipal();
    const opening = await this.reports.openingOf(tenantId, { accountId }, from);
    const lines = await this.reports.lines(tenantId, { accountId }, from, to, opening);
    return {
      from,
      to,
      currency: await this.currency(),
      opening,
      closing: lines.at(-1)?.balance ?? opening,
      lines,
    };
  }

  async journalBook(from: string, to: string, cursor?: string, limit?: string) {
    assertPeriod(from, to);
    const size = Math.min(Math.max(Number(limit ?? 50), 1), 200);
    let after: { date: string; seq: number } | null = null;
    if (cursor) {
      const [date, seq] = Buffer.from(cursor, 'base64url').toString().split('|');
      if (!date || !seq || !/^\d+$/.test(seq))
        throw DomainError.validation([
          { path: 'cursor', code: 'invalid_cursor', message: 'A cursor from a previous page' },
        ]);
      after = { date, seq: Number(seq) };
    }
    const rows = await this.entries.book(currentPrincipal().tenantId, from, to, after, size + 1);
    const page = rows.slice(0, size);
    const last = page.at(-1);
    return {
      items: await this.entryViews.views(page),
      nextCursor:
        rows.length > size && last
          ? Buffer.from(`${last.entryDate}|${last.chainSeq}`).toString('base64url')
          : null,
    };
  }

  async aging(kind: 'receivable' | 'payable', day?: string, buckets?: string) {
    const asOf = day ?? (await this.tenants.currentOf(currentPrincipal().tenantId)).today;
    const limits = parseBuckets(buckets);
    if (!limits)
      throw DomainError.validation([
        { path: 'buckets', code: 'invalid_buckets', message: 'Increasing days, e.g. 30,60,90' },
      ]);
    const rows = await this.reports.aging(currentPrincipal().tenantId, kind, asOf, limits);
    const currencies = [...new Set(rows.map((r) => r.currency))].sort();
    return {
      kind,
      asOf,
      buckets: bucketLabels(limits),
      rows,
      totals: currencies.map((currency) => {
        const of = rows.filter((r) => r.currency === currency);
        return {
          currency,
          balance: sumString(of.map((r) => r.balance)),
          buckets: bucketLabels(limits).map((_, i) =>
            sumString(of.map((r) => r.buckets[i] ?? '0')),
          ),
        };
      }),
    };
  }

  async profitAndLoss(q: { from: string; to: string; compareFrom?: string; compareTo?: string }) {
    const columns: Column[] = [{ from: q.from, to: q.to }];
    if (q.compareFrom && q.compareTo) columns.push({ from: q.compareFrom, to: q.compareTo });
    return this.statement(columns, INCOME_STATEMENT, (r) => decimal(r.debit).minus(r.credit), -1);
  }

  async balanceSheet(q: { asOf: string; compareAsOf?: string }) {
    const columns: Column[] = [{ from: null, to: q.asOf }];
    if (q.compareAsOf) columns.push({ from: null, to: q.compareAsOf });
    return this.statement(columns, BALANCE_SHEET, (r) => decimal(r.closing), 1);
  }

  /**
   * Accounts of `types` grouped by type, one amount per column shown with the type's natural
   * sign; `result` is what the sections leave: the period's profit for a P&L (income less
   * expenses), and for a balance sheet assets less liabilities and equity, which is the
   * result not yet closed into equity.
   */
  private async statement(
    columns: Column[],
    types: readonly string[],
    amountOf: (row: TrialBalanceRow) => ReturnType<typeof decimal>,
    resultSign: 1 | -1,
  ) {
    const { tenantId } = currentPrincipal();
    for (const c of columns) assertPeriod(c.from ?? '1900-01-01', c.to);
    // One after the other: they share the request's connection.
    const perColumn: TrialBalanceRow[][] = [];
    for (const c of columns)
      perColumn.push(await this.reports.trialBalance(tenantId, c.from ?? '1900-01-01', c.to));
    const accounts = new Map<string, TrialBalanceRow>();
    for (const rows of perColumn)
      for (const r of rows) if (types.includes(r.type)) accounts.set(r.accountId, r);
    const sections = types
      .map((type) => {
        const rows = [...accounts.values()]
          .filter((a) => a.type === type)
          .sort((a, b) => a.code.localeCompare(b.code))
          .map((a) => ({
            accountId: a.accountId,
            code: a.code,
            name: a.name,
            amounts: perColumn.map((rows) => {
              const row = rows.find((r) => r.accountId === a.accountId);
              return decimalString(row ? amountOf(row).times(naturalSign(type)) : decimal('0'));
            }),
          }));
        return {
          type,
          rows,
          totals: columns.map((_, i) => sumString(rows.map((r) => r.amounts[i] ?? '0'))),
        };
      })
      .filter((s) => s.rows.length > 0);
    const result = columns.map((_, i) =>
      decimalString(
        sections
          .reduce(
            (total, s) => total.plus(decimal(s.totals[i] ?? '0').times(naturalSign(s.type))),
            decimal('0'),
          )
          .times(resultSign),
      ),
    );
    return { currency: await this.currency(), columns, sections, result };
  }

  /** A report as a CSV or XLSX file, from the same query as the report's route. */
  async export(report: ReportName, query: Record<string, unknown>) {
    const table = await this.table(report, query);
    return query.format === 'xlsx'
      ? { contentType: XLSX, data: await tableXlsx(table) }
      : { contentType: 'text/csv', data: tableCsv(table) };
  }

  private async table(report: ReportName, q: Record<string, unknown>): Promise<ReportTable> {
    switch (report) {
      case 'trial-balance': {
        const tb = await this.trialBalance(text(q, 'from'), text(q, 'to'));
        return {
          title: 'Trial balance',
          columns: ['code', 'name', 'type', 'opening', 'debit', 'credit', 'closing'],
          amountColumns: new Set([3, 4, 5, 6]),
          rows: tb.rows.map((r) => [
            r.code,
            r.name,
            r.type,
            r.opening,
            r.debit,
            r.credit,
            r.closing,
          ]),
        };
      }
      case 'general-ledger': {
        const gl = await this.generalLedger(text(q, 'accountId'), text(q, 'from'), text(q, 'to'));
        return {
          title: 'General ledger',
          columns: ['date', 'number', 'description', 'debit', 'credit', 'balance'],
          amountColumns: new Set([3, 4, 5]),
          rows: [
            [text(q, 'from'), null, 'opening', null, null, gl.opening],
            ...gl.lines.map((l) => [l.date, l.number, l.description, l.debit, l.credit, l.balance]),
          ],
        };
      }
      case 'aging': {
        const kind = q.kind === 'payable' ? 'payable' : 'receivable';
        const aging = await this.aging(kind, optional(q, 'asOf'), optional(q, 'buckets'));
        return {
          title: `Aging ${kind}`,
          columns: ['party', 'currency', 'balance', ...aging.buckets],
          amountColumns: new Set(
            aging.buckets.map((_, i) => i + 2).concat(aging.buckets.length + 2),
          ),
          rows: aging.rows.map((r) => [r.partyName, r.currency, r.balance, ...r.buckets]),
        };
      }
      case 'profit-and-loss':
      case 'balance-sheet': {
        const statement =
          report === 'profit-and-loss'
            ? await this.profitAndLoss({
                from: text(q, 'from'),
                to: text(q, 'to'),
                ...(optional(q, 'compareFrom') ? { compareFrom: optional(q, 'compareFrom') } : {}),
                ...(optional(q, 'compareTo') ? { compareTo: optional(q, 'compareTo') } : {}),
              })
            : await this.balanceSheet({
                asOf: text(q, 'asOf'),
                ...(optional(q, 'compareAsOf') ? { compareAsOf: optional(q, 'compareAsOf') } : {}),
              });
        const heads = statement.columns.map((c) => (c.from ? `${c.from}..${c.to}` : c.to));
        return {
          title: report === 'profit-and-loss' ? 'Profit and loss' : 'Balance sheet',
          columns: ['section', 'code', 'name', ...heads],
          amountColumns: new Set(heads.map((_, i) => i + 3)),
          rows: [
            ...statement.sections.flatMap((s) => [
              ...s.rows.map((r) => [s.type, r.code, r.name, ...r.amounts]),
              [s.type, null, 'total', ...s.totals],
            ]),
            ['result', null, null, ...statement.result],
          ],
        };
      }
    }
  }
}
