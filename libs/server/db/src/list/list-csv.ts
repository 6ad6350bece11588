import { stringify } from 'csv-stringify';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { LIST_LIMIT_MAX } from './list-query.js';

/** One CSV cell: arrays joined with `|`, dates in ISO 8601, objects as JSON, nothing as empty. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(csvCell).join('|');
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

export interface ListCsv<T> {
  /** Column names in order: `field`, or `custom.<key>` for a custom field. */
  columns: readonly string[];
  /** One page of the list, with the caller's query, filters, scope and field masks. */
  page(query: Record<string, unknown>): Promise<{ items: T[]; nextCursor: string | null }>;
}

/**
 * A list route's CSV: the same query string as the list, every page in turn (keyset, so
 * the last page costs what the first does), written as it is read with back-pressure. The
 * caller decides the columns (only those the reader may read); a cell the row's own mask
 * left out stays empty. The output is opened (`open`) once the first page is read, so a bad
 * query fails before anything is sent; a failure after that destroys the output, so the
 * download ends broken instead of hanging. Resolves to the number of rows written.
 */
export async function writeListCsv<T extends Record<string, unknown>>(
  csv: ListCsv<T>,
  query: Record<string, unknown>,
  open: () => Writable,
): Promise<number> {
  const pageOf = (cursor?: string) =>
    csv.page({
      ...query,
      limit: String(LIST_LIMIT_MAX),
      count: 'false',
      ...(cursor ? { cursor } : {}),
    });
  const first = await pageOf();
  let rows = 0;
  async function* lines() {
    for (let page = first; ; page = await pageOf(page.nextCursor ?? undefined)) {
      for (const row of page.items) {
        const custom = (row.custom ?? {}) as Record<string, unknown>;
        yield csv.columns.map((c) =>
          csvCell(c.startsWith('custom.') ? custom[c.slice('custom.'.length)] : row[c]),
        );
        rows++;
      }
      if (!page.nextCursor) return;
    }
  }
  // pipeline ends or destroys every stream on an error or a client gone away, so neither
  // the request nor its transaction waits on a socket nobody reads.
  await pipeline(
    Readable.from(lines()),
    stringify({ header: true, columns: [...csv.columns], bom: true }),
    open(),
  );
  return rows;
}
