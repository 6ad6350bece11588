import type { Locale } from './translate';

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
  /** Exact decimals come as strings: formatted without going through a float's rounding. */
  money(amount: string | number | null | undefined, currency: string): string;
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
      // Intl takes a decimal string exactly (no float) when given as a string.
      return new Intl.NumberFormat(region, { style: 'currency', currency }).format(
        amount as unknown as number,
      );
    },
  };
}
