import { Money } from '@nexo/utils';
import type { Locale } from './translate';

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** The regional format each language uses by default (Argentina first, as the product). */
const REGION: Record<Locale, string> = { es: 'es-AR', en: 'en-US' };

export interface Formatters {
  locale: Locale;
  /** `2026-03-05` or a Date → `5 mar 2026` */
  date(value: string | Date | null | undefined): string;
  /** → `5 mar 2026, 14:30` */
  dateTime(value: string | Date | null | undefined): string;
  /** → `hace 3 días`, `en 2 horas` */
  relative(value: string | Date | null | undefined, now?: Date): string;
  number(value: number | string | null | undefined, digits?: number): string;
  /**
   * Exact decimals come as strings: formatted without going through a float's rounding. With
   * no currency known (a role that may not read the company's), a plain number: never the
   * symbol of a currency the amount may not be in.
   */
  money(amount: string | number | null | undefined, currency: string | null | undefined): string;
}

function asDate(value: string | Date): Date {
  // A date-only value is a calendar day, not midnight UTC shown as the previous evening.
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return new Date(`${value}T12:00:00`);
  return value instanceof Date ? value : new Date(value);
}

export function createFormatters(locale: Locale, timeZone?: string): Formatters {
  const region = REGION[locale];
  const tz = timeZone ? { timeZone } : {};
  const dateFmt = new Intl.DateTimeFormat(region, { dateStyle: 'medium', ...tz });
  const dateTimeFmt = new Intl.DateTimeFormat(region, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...tz,
  });
  const rtf = new Intl.RelativeTimeFormat(region, { numeric: 'auto' });
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 31_536_000],
    ['month', 2_592_000],
    ['week', 604_800],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
    ['second', 1],
  ];
  return {
    locale,
    date: (v) => (v ? dateFmt.format(asDate(v)) : ''),
    dateTime: (v) => (v ? dateTimeFmt.format(asDate(v)) : ''),
    relative(v, now = new Date()) {
      if (!v) return '';
      const seconds = (asDate(v).getTime() - now.getTime()) / 1000;
      for (const [unit, size] of units) {
        if (Math.abs(seconds) >= size || unit === 'second')
          return rtf.format(Math.round(seconds / size), unit);
      }
      return '';
    },
    number(v, digits) {
      if (v === null || v === undefined || v === '') return '';
      return new Intl.NumberFormat(region, {
        ...(digits === undefined
          ? {}
          : { minimumFractionDigits: digits, maximumFractionDigits: digits }),
      }).format(typeof v === 'string' ? (v as unknown as number) : v);
    },
    money(amount, currency) {
      if (amount === null || amount === undefined || amount === '') return '';
      // The one money type (ADR 0016): the currency's ISO decimals at least, every decimal
      // the amount has beyond them (a unit price "0.86625"), formatted from the exact string.
      if (currency && typeof amount === 'string' && DECIMAL.test(amount))
        return Money.of(amount, currency).format(region);
      // Intl takes a decimal string exactly (no float) when given as a string.
      return new Intl.NumberFormat(
        region,
        currency
          ? { style: 'currency', currency }
          : { minimumFractionDigits: 2, maximumFractionDigits: 2 },
      ).format(amount as unknown as number);
    },
  };
}

/**
 * Exact arithmetic on the decimal strings the API sends for money and quantities (`"1234.50"`,
 * `"-0.5"`): digits as a bigint and how many of them follow the point, never a float.
 */
interface Decimal {
  units: bigint;
  scale: number;
}

function toDecimal(value: string): Decimal {
  const match = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) throw new RangeError(`Not a decimal number: "${value}"`);
  const fraction = match[3] ?? '';
  const units = BigInt(`${match[2]}${fraction}`);
  return { units: match[1] === '-' ? -units : units, scale: fraction.length };
}

const atScale = (d: Decimal, scale: number): bigint => d.units * 10n ** BigInt(scale - d.scale);

function fromUnits(units: bigint, scale: number): string {
  const digits = (units < 0n ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale ? `.${digits.slice(digits.length - scale)}` : '';
  return `${units < 0n ? '-' : ''}${whole}${fraction}`;
}

/** The exact sum of decimal strings, at the largest scale among them: `"0.10" + "0.2"` → `"0.30"`. */
export function sumDecimals(values: readonly string[]): string {
  const all = values.map(toDecimal);
  const scale = Math.max(0, ...all.map((d) => d.scale));
  return fromUnits(
    all.reduce((sum, d) => sum + atScale(d, scale), 0n),
    scale,
  );
}

/** `a − b`, exactly. */
export function subtractDecimals(a: string, b: string): string {
  const [x, y] = [toDecimal(a), toDecimal(b)];
  const scale = Math.max(x.scale, y.scale);
  return fromUnits(atScale(x, scale) - atScale(y, scale), scale);
}

/**
 * `part` as a percentage of `whole`, rounded half away from zero to `digits` decimals, as a
 * decimal string (`"400"` of `"1000"` → `"40.0"`); null when `whole` is zero.
 */
export function percentOf(part: string, whole: string, digits = 1): string | null {
  const [p, w] = [toDecimal(part), toDecimal(whole)];
  if (w.units === 0n) return null;
  // part / whole × 100 × 10^digits, on integers: p.units·10^(w.scale) / (w.units·10^(p.scale)).
  const numerator = p.units * 10n ** BigInt(w.scale + digits + 2);
  const denominator = w.units * 10n ** BigInt(p.scale);
  const negative = numerator < 0n !== denominator < 0n;
  const [n, d] = [
    numerator < 0n ? -numerator : numerator,
    denominator < 0n ? -denominator : denominator,
  ];
  const rounded = (2n * n + d) / (2n * d);
  return fromUnits(negative ? -rounded : rounded, digits);
}
