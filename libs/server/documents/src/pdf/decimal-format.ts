import { minorUnits } from '@nexo/utils';

/**
 * Display of decimal strings without ever turning them into floats: `Intl.NumberFormat`
 * formats a numeric string exactly (Node 24), so "0.1" prints as 0,10 and not as the
 * nearest double.
 */

const DECIMAL = /^-?\d+(\.\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Refuses anything that is not a plain decimal string ("12", "-0.50"). */
export function assertDecimal(value: string, what = 'amount'): void {
  if (typeof value !== 'string' || !DECIMAL.test(value)) {
    throw new TypeError(`${what} must be a decimal string such as "1234.50", got ${String(value)}`);
  }
}

/** Digits after the decimal point as written ("1.50" → 2, "3" → 0). */
export function fractionDigitsOf(value: string): number {
  const dot = value.indexOf('.');
  return dot < 0 ? 0 : value.length - dot - 1;
}

/** ISO 4217 minor unit of a currency (ARS 2, CLP 0, KWD 3): `minorUnits` of @nexo/utils. */
export const currencyMinorUnits = minorUnits;

const formatCache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, min: number, max: number): Intl.NumberFormat {
  const key = `${locale}|${min}|${max}`;
  let format = formatCache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      minimumFractionDigits: min,
      maximumFractionDigits: max,
    });
    formatCache.set(key, format);
  }
  return format;
}

/**
 * An amount with at least the currency's minor digits and never fewer than written: a
 * unit price of "12.3456" keeps its four decimals, a total of "10" prints as "10,00".
 * Nothing is rounded on the way to paper.
 */
export function formatAmount(value: string, currency: string, locale: string): string {
  assertDecimal(value);
  const minor = currencyMinorUnits(currency);
  return numberFormat(locale, minor, Math.max(minor, fractionDigitsOf(value))).format(
    value as Intl.StringNumericLiteral,
  );
}

/** A quantity or a percentage: as written, without trailing zeros ("3.000" → "3"). */
export function formatQuantity(value: string, locale: string): string {
  assertDecimal(value, 'quantity');
  return numberFormat(locale, 0, fractionDigitsOf(value)).format(
    value as Intl.StringNumericLiteral,
  );
}

/** True when a decimal string is zero ("0", "-0.00"). */
export function isZeroDecimal(value: string): boolean {
  return /^-?0*(\.0*)?$/.test(value);
}

const dateFormatCache = new Map<string, Intl.DateTimeFormat>();
/** An ISO date (YYYY-MM-DD) as the locale writes it: 07/12/2026 (es-AR), 12/07/2026 (en-US). */
export function formatDate(isoDate: string, locale: string): string {
  const match = ISO_DATE.exec(isoDate);
  if (!match) throw new TypeError(`date must be YYYY-MM-DD, got ${String(isoDate)}`);
  let format = dateFormatCache.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      timeZone: 'UTC',
    });
    dateFormatCache.set(locale, format);
  }
  return format.format(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}
