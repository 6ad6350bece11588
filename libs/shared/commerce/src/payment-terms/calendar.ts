/**
 * Calendar arithmetic on plain dates ('YYYY-MM-DD'), in UTC only: a due date is a day, not
 * an instant, so no time zone or daylight-saving change can move it.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Ymd {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number;
}

/** The parts of a 'YYYY-MM-DD' date that exists (2024-02-29 does, 2023-02-29 does not). */
export function parseDate(date: string): Ymd {
  const match = DATE.exec(date);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))
      return { year, month, day };
  }
  throw new RangeError(`Not a date (YYYY-MM-DD): "${date}"`);
}

/** Whether `date` is a 'YYYY-MM-DD' date that exists. */
export function isDate(date: string): boolean {
  try {
    parseDate(date);
    return true;
  } catch {
    return false;
  }
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** 28–31: the days of `month` (1–12) in `year`. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// `setUTCFullYear` rather than `Date.UTC`, which reads years 0–99 as 1900–1999.
function utc(year: number, month: number, day: number): Date {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d;
}

function format(d: Date): string {
  const year = d.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError('Date beyond year 9999');
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `date` plus `days` calendar days (negative goes back). */
export function addDays(date: string, days: number): string {
  const { year, month, day } = parseDate(date);
  return format(utc(year, month, day + days));
}

/** The last day of the month `date` is in (February 28 or 29 as the year says). */
export function endOfMonth(date: string): string {
  const { year, month } = parseDate(date);
  return format(utc(year, month, daysInMonth(year, month)));
}

/** Whether `date` is the last day of its month. */
export function isEndOfMonth(date: string): boolean {
  return endOfMonth(date) === date;
}
