import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import type {
  ExchangeRateImportResult,
  ImportExchangeRatesInput,
  SaveExchangeRateInput,
} from '@nexo/contracts';
import { parseListQuery, type ListPage } from '@nexo/db';
import {
  DomainError,
  RECORD_ACCESS,
  currentPrincipal,
  stale,
  type RecordAccess,
} from '@nexo/platform';
import { newId } from '@nexo/utils';
import { parse } from 'csv-parse/sync';
import { and, eq, gte, lte } from 'drizzle-orm';
import { exchangeRates } from '../db/tenancy.tables.js';
import { EXCHANGE_RATE_LIST } from './exchange-rate.list.js';
import {
  checkRateRows,
  plainRate,
  rateCsvHeaderIssues,
  type RateCsvRecord,
  type RateImportIssue,
} from './exchange-rate.policy.js';
import {
  ExchangeRateRepository,
  type ExchangeRateRow,
  type RateCompany,
} from './exchange-rate.repository.js';

const SUBJECT = 'tenancy.exchange-rate';
const NAME = 'Exchange rate';

/** A rate as it leaves the API: with the base currency it is in, and without trailing zeros. */
export interface ExchangeRateView {
  id: string;
  currency: string;
  baseCurrency: string;
  date: string;
  rate: string;
  source: 'manual' | 'csv';
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export interface ExchangeRateOnView {
  currency: string;
  baseCurrency: string;
  date: string;
  rateDate: string;
  rate: string;
}

function view(row: ExchangeRateRow, baseCurrency: string): ExchangeRateView {
  return {
    id: row.id,
    currency: row.currency,
    baseCurrency,
    date: row.rateDate,
    rate: plainRate(row.rate),
    source: row.source as ExchangeRateView['source'],
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

/** What the audit log keeps of a rate. */
const snapshot = (row: ExchangeRateRow) => ({
  currency: row.currency,
  date: row.rateDate,
  rate: plainRate(row.rate),
  source: row.source,
  version: row.version,
});

function baseCurrencyRefused(currency: string): DomainError {
  return new DomainError(
    'exchange_rate_base_currency',
    `${currency} is the company's base currency: its rate is always 1`,
    {
      issues: [
        {
          path: 'currency',
          code: 'exchange_rate_base_currency',
          message: 'The base currency takes no rate',
        },
      ],
    },
  );
}

/**
 * The company's dated exchange rates: list, enter (one per currency and date: a second one
 * replaces it), delete, "the rate on a date" and CSV import. The route says who may; the
 * record access checks a custom role's field rules on what each write sets.
 */
@Injectable()
export class ExchangeRateService {
  constructor(
    @Inject(ExchangeRateRepository) private readonly rates: ExchangeRateRepository,
    @Inject(RECORD_ACCESS) private readonly access: RecordAccess,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  private async company(): Promise<RateCompany & { tenantId: string }> {
    const { tenantId } = currentPrincipal();
    const company = await this.rates.company(tenantId);
    if (!company) throw DomainError.notFound('Company');
    return { tenantId, ...company };
  }

  async list(query: Record<string, unknown>): Promise<ListPage<ExchangeRateView>> {
    const { tenantId, currency: base } = await this.company();
    const { from, to, ...rest } = query as { from?: string; to?: string };
    const request = parseListQuery(
      EXCHANGE_RATE_LIST,
      rest,
      and(
        eq(exchangeRates.tenantId, tenantId),
        from ? gte(exchangeRates.rateDate, from) : undefined,
        to ? lte(exchangeRates.rateDate, to) : undefined,
      ),
    );
    const page = await this.rates.page(request);
    return { ...page, items: page.items.map((row) => view(row, base)) };
  }

  /** Enters the rate of a currency on a date, or replaces the one entered for that date. */
  async save(input: SaveExchangeRateInput): Promise<ExchangeRateView> {
    const { tenantId, currency: base } = await this.company();
    if (input.currency === base) throw baseCurrencyRefused(input.currency);
    const before = await this.rates.byKey(tenantId, input.currency, input.date);
    if (before)
      await this.access.assertWritable('update', SUBJECT, before, {
        rate: input.rate,
        source: 'manual',
      });
    else await this.access.assertWritable('create', SUBJECT, undefined, { ...input });
    const [row] = await this.rates.upsert(tenantId, [{ ...input, source: 'manual' }], newId);
    if (!row) throw new Error('upsert returned no row');
    await this.audit.record({
      action: before ? 'update' : 'create',
      resource: SUBJECT,
      resourceId: row.id,
      before: before ? snapshot(before) : undefined,
      after: snapshot(row),
    });
    return view(row, base);
  }

  async remove(id: string, version: number): Promise<void> {
    const { tenantId } = await this.company();
    const before = await this.rates.byId(tenantId, id);
    if (!before) throw DomainError.notFound(NAME);
    await this.access.assertWritable('delete', SUBJECT, before, {});
    if (!(await this.rates.remove(tenantId, id, version))) throw stale();
    await this.audit.record({
      action: 'delete',
      resource: SUBJECT,
      resourceId: id,
      before: snapshot(before),
    });
  }

  /** The latest rate on or before `date` (the company's today when absent); 1 for the base. */
  async on(query: { currency: string; date?: string | undefined }): Promise<ExchangeRateOnView> {
    const { tenantId, currency: base, today } = await this.company();
    const date = query.date ?? today;
    const answer = { currency: query.currency, baseCurrency: base, date };
    if (query.currency === base) return { ...answer, rateDate: date, rate: '1' };
    const row = await this.rates.latestOn(tenantId, query.currency, date);
    if (!row)
      throw new DomainError(
        'exchange_rate_not_found',
        `There is no ${query.currency} rate on ${date} or before it`,
      );
    return { ...answer, rateDate: row.rateDate, rate: plainRate(row.rate) };
  }

  /**
   * Imports a CSV of `currency,date,rate`, each row checked as `POST` checks it, problems
   * reported by line and column. As the party import: all or nothing (nothing is written
   * when any row is wrong), or the valid rows only. A rate of a currency and date already
   * entered is replaced. One statement, one audit entry.
   */
  async import(input: ImportExchangeRatesInput): Promise<ExchangeRateImportResult> {
    const { tenantId, currency: base } = await this.company();
    await this.access.assertWritable('create', SUBJECT, undefined, {});
    let records: RateCsvRecord[];
    try {
      records = parse<{ record: Record<string, string>; info: { lines: number } }>(input.csv, {
        columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
        bom: true,
        trim: true,
        skip_empty_lines: true,
        // A row with a cell too few or too many is that row's problem, not the file's.
        relax_column_count: true,
        info: true,
      }).map(({ record, info }) => ({ line: info.lines, record }));
    } catch (error) {
      throw DomainError.validation(
        [{ path: 'csv', code: 'invalid_csv', message: (error as Error).message }],
        'The file is not valid CSV',
      );
    }
    const result = (imported: number, issues: RateImportIssue[]): ExchangeRateImportResult => ({
      mode: input.mode,
      rows: records.length,
      imported,
      rejected: imported ? new Set(issues.map((i) => i.line)).size : records.length,
      issues: issues.slice(0, 1000),
      baseCurrency: base,
    });
    const header = records[0] ? Object.keys(records[0].record) : headerOf(input.csv);
    const headerIssues = rateCsvHeaderIssues(header);
    if (headerIssues.length) return result(0, headerIssues);
    const { rates, issues } = checkRateRows(records, base);
    if (input.mode === 'all-or-nothing' && issues.length) return result(0, issues);
    if (rates.length) {
      // Checked against the role's field rules once: every row sets the same fields.
      const saved = await this.rates.upsert(
        tenantId,
        rates.map((r) => ({ ...r, source: 'csv' as const })),
        newId,
      );
      await this.audit.record({
        action: 'import',
        resource: SUBJECT,
        resourceId: 'csv',
        after: { mode: input.mode, rows: records.length, imported: saved.length },
      });
    }
    return result(rates.length, issues);
  }
}

/** The header of a CSV without rows (the parser gives no record to read it from). */
function headerOf(csv: string): string[] {
  const [first] = parse(csv, { bom: true, trim: true, to_line: 1 });
  return (first ?? []).map((h) => h.trim().toLowerCase());
}
