import { type Decimal, decimal, decimalString, minorUnits } from '@nexo/utils';
import type { LedgerLineInput } from './ledger.types.js';

const AMOUNT = /^\d{1,16}(\.\d{1,4})?$/;
const SIGNED_AMOUNT = /^-?\d{1,16}(\.\d{1,4})?$/;
const RATE = /^\d{1,14}(\.\d{1,10})?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface LineProblem {
  path: string;
  code: string;
  message: string;
}

/** A line with its amounts settled: what is written to `accounts.entry_lines`. */
export interface NormalizedLine {
  debit: string;
  credit: string;
  currency: string;
  amountCurrency: string;
  rate: string;
  dueDate: string | null;
  description: string | null;
}

export function isDay(value: string): boolean {
  return DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/**
 * Checks a line's amounts and fills what it leaves out: the company's currency, the signed
 * amount in currency (the debit or minus the credit when the currency is the company's),
 * rate 1. A line is a debit or a credit, not both, not neither; amounts have at most the
 * currency's minor digits.
 */
export function normalizeLine(
  line: LedgerLineInput,
  index: number,
  companyCurrency: string,
  problems: LineProblem[],
): NormalizedLine {
  const at = (field: string) => `lines.${index}.${field}`;
  const minor = minorUnits(companyCurrency);
  const amount = (field: 'debit' | 'credit'): Decimal => {
    const raw = line[field] ?? '0';
    if (!AMOUNT.test(raw) || decimal(raw).decimalPlaces() > minor) {
      problems.push({
        path: at(field),
        code: 'invalid_amount',
        message: `A positive amount with at most ${minor} decimals`,
      });
      return decimal('0');
    }
    return decimal(raw);
  };
  const debit = amount('debit');
  const credit = amount('credit');
  if (debit.isZero() === credit.isZero())
    problems.push({
      path: at('debit'),
      code: 'debit_or_credit',
      message: 'A line is either a debit or a credit',
    });
  const currency = line.currency ?? companyCurrency;
  if (!/^[A-Z]{3}$/.test(currency))
    problems.push({ path: at('currency'), code: 'invalid_currency', message: 'An ISO 4217 code' });
  const signed = debit.minus(credit);
  let amountCurrency = signed;
  if (line.amountCurrency !== undefined) {
    if (!SIGNED_AMOUNT.test(line.amountCurrency))
      problems.push({ path: at('amountCurrency'), code: 'invalid_amount', message: 'A decimal' });
    else amountCurrency = decimal(line.amountCurrency);
  } else if (currency !== companyCurrency) {
    problems.push({
      path: at('amountCurrency'),
      code: 'required',
      message: 'The amount in the line’s currency',
    });
  }
  if (!amountCurrency.isZero() && amountCurrency.isNegative() !== signed.isNegative())
    problems.push({
      path: at('amountCurrency'),
      code: 'sign_mismatch',
      message: 'Positive on a debit, negative on a credit',
    });
  const rate = line.rate ?? '1';
  if (!RATE.test(rate) || decimal(rate).isZero())
    problems.push({ path: at('rate'), code: 'invalid_rate', message: 'A positive rate' });
  if (line.dueDate && !isDay(line.dueDate))
    problems.push({ path: at('dueDate'), code: 'invalid_date', message: 'A date (YYYY-MM-DD)' });
  return {
    debit: decimalString(debit),
    credit: decimalString(credit),
    currency,
    amountCurrency: decimalString(amountCurrency),
    rate,
    dueDate: line.dueDate ?? null,
    description: line.description?.trim() || null,
  };
}

/** Debits minus credits of the lines: zero when the entry balances. */
export function imbalance(lines: readonly Pick<NormalizedLine, 'debit' | 'credit'>[]): Decimal {
  return lines.reduce((sum, l) => sum.plus(l.debit).minus(l.credit), decimal('0'));
}

/**
 * The line that absorbs a small difference into the rounding account: a credit when debits
 * exceed credits, a debit otherwise. Null when the difference is zero or beyond `tolerance`
 * minor units (the entry is then refused as unbalanced).
 */
export function roundingLine(
  difference: Decimal,
  currency: string,
  tolerance: number,
): Pick<NormalizedLine, 'debit' | 'credit'> | null {
  if (difference.isZero()) return null;
  const limit = decimal('1')
    .dividedBy(10 ** minorUnits(currency))
    .times(tolerance);
  if (difference.abs().greaterThan(limit)) return null;
  return difference.isPositive()
    ? { debit: '0', credit: decimalString(difference) }
    : { debit: decimalString(difference.abs()), credit: '0' };
}

/** An entry's number in its journal: code, year, and six digits (`VEN-2026-000042`). */
export function entryNumber(journalCode: string, year: number, value: number): string {
  return `${journalCode}-${year}-${String(value).padStart(6, '0')}`;
}
