import { SaveExchangeRateInputSchema, type ExchangeRateImportResult } from '@nexo/contracts';

export type RateImportIssue = ExchangeRateImportResult['issues'][number];

/** The columns of a rates CSV, in any order. */
export const RATE_CSV_COLUMNS = ['currency', 'date', 'rate'] as const;

/** A row of a rates CSV as read (`info.lines` is the line it ends on; 1 is the header). */
export interface RateCsvRecord {
  line: number;
  record: Record<string, string>;
}

export interface CheckedRate {
  line: number;
  currency: string;
  date: string;
  rate: string;
}

/**
 * A stored `numeric(24, 10)` without the zeros its scale pads it with: `1234.5000000000` →
 * `1234.5`, `2.0000000000` → `2`. The same number, as it was typed.
 */
export function plainRate(stored: string): string {
  return stored.includes('.') ? stored.replace(/0+$/, '').replace(/\.$/, '') : stored;
}

/** The columns that are none of `currency`, `date`, `rate`, and the ones missing. */
export function rateCsvHeaderIssues(header: readonly string[]): RateImportIssue[] {
  const issues: RateImportIssue[] = [];
  for (const column of header)
    if (!(RATE_CSV_COLUMNS as readonly string[]).includes(column))
      issues.push({
        line: 1,
        column,
        code: 'unknown_column',
        message: `Columns: ${RATE_CSV_COLUMNS.join(', ')}`,
      });
  for (const column of RATE_CSV_COLUMNS)
    if (!header.includes(column))
      issues.push({ line: 1, column, code: 'missing_column', message: 'A required column' });
  return issues;
}

/**
 * Checks every row of a rates CSV as a `POST` would be checked (ISO 4217 code, a date, a rate
 * above 0 with at most 10 decimals), plus what only the file as a whole can break: the base
 * currency has no rate, and a currency and date appear once. Every problem is reported with
 * its line and column; a row with none is a rate to save. Currency codes may come in lower
 * case, a rate with a decimal comma.
 */
export function checkRateRows(
  records: readonly RateCsvRecord[],
  baseCurrency: string,
): { rates: CheckedRate[]; issues: RateImportIssue[] } {
  const rates: CheckedRate[] = [];
  const issues: RateImportIssue[] = [];
  const seen = new Map<string, number>();
  for (const { line, record } of records) {
    const rowIssues: RateImportIssue[] = [];
    const rawRate = (record.rate ?? '').trim();
    const parsed = SaveExchangeRateInputSchema.safeParse({
      currency: (record.currency ?? '').trim().toUpperCase(),
      date: (record.date ?? '').trim(),
      rate: /^\d+,\d+$/.test(rawRate) ? rawRate.replace(',', '.') : rawRate,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = issue.path.map(String).join('.') || 'rate';
        // One problem a cell: an empty rate fails both its format and "above 0".
        if (!rowIssues.some((i) => i.column === column))
          rowIssues.push({ line, column, code: issue.code, message: issue.message });
      }
    } else {
      const { currency, date, rate } = parsed.data;
      const key = `${currency} ${date}`;
      const first = seen.get(key);
      if (currency === baseCurrency)
        rowIssues.push({
          line,
          column: 'currency',
          code: 'exchange_rate_base_currency',
          message: `${currency} is the base currency: its rate is always 1`,
        });
      else if (first !== undefined)
        rowIssues.push({
          line,
          column: 'date',
          code: 'duplicate',
          message: `${currency} on ${date} is already on line ${first}`,
        });
      else seen.set(key, line);
      if (!rowIssues.length) rates.push({ line, currency, date, rate });
    }
    issues.push(...rowIssues);
  }
  return { rates, issues };
}
