/** A period's first and last day (YYYY-MM-DD). */
export interface PeriodDates {
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The twelve months of a calendar fiscal year. */
export function fiscalYearPeriods(year: number): PeriodDates[] {
  return Array.from({ length: 12 }, (_, m) => {
    const last = new Date(Date.UTC(year, m + 1, 0)).getUTCDate();
    return { start: `${year}-${pad(m + 1)}-01`, end: `${year}-${pad(m + 1)}-${pad(last)}` };
  });
}
