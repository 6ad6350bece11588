import { sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../client/database.js';
import { COUNT_CAP, type ListRequest } from './list-query.js';

export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
  count?: { value: number; capped: boolean };
}

/**
 * Runs a parsed list request: `select({ row, sortKey: list.sortValue })` is the caller's
 * query (its table, joins and columns), fetched with `limit + 1` rows to know whether a
 * next page exists; the count, when asked for, stops at 10,000 rows.
 */
export async function runList<R extends { id: unknown }>(
  tx: Tx,
  list: ListRequest,
  fetch: (limit: number) => Promise<{ row: R; sortKey: unknown }[]>,
  countFrom: PgTable,
): Promise<ListPage<R>> {
  const rows = await fetch(list.limit + 1);
  const page = list.page(
    rows,
    (r) => r.sortKey,
    (r) => r.row.id,
  );
  const result: ListPage<R> = { items: page.items.map((r) => r.row), nextCursor: page.nextCursor };
  if (!list.count) return result;
  return { ...result, count: await cappedCount(tx, countFrom, list.where) };
}

export async function cappedCount(
  tx: Tx,
  table: PgTable,
  where: SQL,
): Promise<{ value: number; capped: boolean }> {
  const capped = tx
    .select({ one: sql`1` })
    .from(table)
    .where(where)
    .limit(COUNT_CAP + 1)
    .as('capped');
  const [counted] = await tx.select({ n: sql<number>`count(*)::int` }).from(capped);
  const n = counted?.n ?? 0;
  return { value: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}
