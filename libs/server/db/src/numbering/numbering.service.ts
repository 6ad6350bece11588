import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { Database } from '../client/database.js';

export interface SeriesOptions {
  prefix?: string;
  padding?: number;
  /** Start again at 1 every calendar year (the year then appears in the number). */
  yearlyReset?: boolean;
}

export interface DocumentNumber {
  value: number;
  year: number | null;
  formatted: string;
}

export function formatNumber(
  prefix: string,
  padding: number,
  value: number,
  year: number | null,
): string {
  return `${prefix}${year !== null ? `${year}-` : ''}${String(value).padStart(padding, '0')}`;
}

/**
 * Document numbers per tenant, document type and series. One statement takes the next
 * value and holds the series' row lock until the caller's transaction ends, so numbers
 * are gapless (a rollback gives its number back) and never repeat under concurrency. The
 * series is created on first use with the given options; later options are ignored.
 */
@Injectable()
export class Numbering {
  constructor(@Inject(Database) private readonly database: Database) {}

  async next(
    documentType: string,
    series = 'A',
    options: SeriesOptions = {},
  ): Promise<DocumentNumber> {
    const result = await this.database.tx().execute<{
      value: string;
      prefix: string;
      padding: number;
      year: number | null;
    }>(sql`
      insert into platform.number_series as s (tenant_id, document_type, series, prefix, padding, yearly_reset, year, next)
      values (
        (select nullif(current_setting('app.tenant_id', true), '')::uuid),
        ${documentType}, ${series}, ${options.prefix ?? ''}, ${options.padding ?? 8}, ${options.yearlyReset ?? false},
        case when ${options.yearlyReset ?? false} then extract(year from now())::int end,
        2
      )
      on conflict (tenant_id, document_type, series) do update set
        next = case when s.yearly_reset and s.year is distinct from extract(year from now())::int then 2 else s.next + 1 end,
        year = case when s.yearly_reset then extract(year from now())::int else s.year end,
        updated_at = now()
      returning s.next - 1 as value, s.prefix, s.padding, s.year`);
    const row = result.rows[0];
    if (!row) throw new Error('numbering returned no row');
    const value = Number(row.value);
    return {
      value,
      year: row.year,
      formatted: formatNumber(row.prefix, row.padding, value, row.year),
    };
  }
}
