import {
  SQL,
  and,
  eq,
  getTableName,
  is,
  sql,
  type InferInsertModel,
  type InferSelectModel,
} from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Database } from '../client/database.js';
import { runList, type ListPage } from '../list/list-page.js';
import type { ListRequest } from '../list/list-query.js';

/** A tenant table with the record columns (`recordColumns()`): id, version, updated_at. */
export interface VersionedTable extends PgTable {
  tenantId: PgColumn;
  id: PgColumn;
  version: PgColumn;
  updatedAt: PgColumn;
}

/** `WHERE tenant_id = $1 AND id = $2` for a tenant table. */
export const byId = (table: VersionedTable, tenantId: string, id: string): SQL =>
  and(eq(table.tenantId, tenantId), eq(table.id, id)) as SQL;

/** The SET of an optimistic update: bump the version and the timestamp with the changes. */
export const bump = (table: VersionedTable) => ({
  updatedAt: sql`now()`,
  version: sql`${table.version} + 1`,
});

/**
 * `UPDATE … SET <changes>, updated_at = now(), version = version + 1 WHERE tenant, id and the
 * version the caller read RETURNING *`: the row as it now is, or undefined when it is gone or
 * at another version. Built once per connection for each set of changed columns (a change to
 * null is part of that set) and run with the values: Drizzle takes about as long to build an
 * UPDATE of a wide table as PostgreSQL to run it (ADR 0013). A change given as SQL is built
 * each time.
 */
export async function updateAtVersion<T extends VersionedTable>(
  database: Database,
  table: T,
  tenantId: string,
  id: string,
  version: number,
  changes: PgUpdateSetSource<T>,
): Promise<InferSelectModel<T> | undefined> {
  const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
  const where = (values: { tenantId: unknown; id: unknown; version: unknown }) =>
    and(
      eq(table.tenantId, values.tenantId),
      eq(table.id, values.id),
      eq(table.version, values.version),
    );
  if (entries.some(([, value]) => is(value, SQL))) {
    const [row] = (await database
      .tx()
      .update(table)
      .set({ ...changes, ...bump(table) })
      .where(where({ tenantId, id, version }))
      .returning()) as InferSelectModel<T>[];
    return row;
  }
  const shape = entries
    .map(([key, value]) => (value === null ? `${key}=null` : key))
    .sort()
    .join(',');
  const name = `update ${getTableName(table)} ${shape}`;
  const query = database.prepared(name, (db) =>
    db
      .update(table)
      .set({
        ...Object.fromEntries(
          entries.map(([key, value]) => [key, value === null ? null : sql.placeholder(key)]),
        ),
        ...bump(table),
      })
      .where(
        where({
          tenantId: sql.placeholder('where.tenantId'),
          id: sql.placeholder('where.id'),
          version: sql.placeholder('where.version'),
        }),
      )
      .returning()
      .prepare(name),
  );
  const [row] = (await query.execute({
    ...Object.fromEntries(entries),
    'where.tenantId': tenantId,
    'where.id': id,
    'where.version': version,
  })) as InferSelectModel<T>[];
  return row;
}

/**
 * The queries every versioned tenant table answers the same way: a list page, one record,
 * insert, and update or delete only at the version the caller read. Repositories hold one
 * per table and add what is particular to it; all run on the request's transaction.
 */
export class VersionedRecords<T extends VersionedTable> {
  constructor(
    protected readonly database: Database,
    private readonly table: T,
  ) {}

  page(list: ListRequest): Promise<ListPage<InferSelectModel<T>>> {
    const tx = this.database.tx();
    // Drizzle's `from` does not accept a generic table; the rows are typed by `T` below.
    const table: PgTable = this.table;
    return runList<InferSelectModel<T> & { id: unknown }>(
      tx,
      list,
      (limit) =>
        tx
          .select({ row: this.table, sortKey: list.sortValue })
          .from(table)
          .where(list.where)
          .orderBy(...list.orderBy)
          .limit(limit),
      this.table,
    );
  }

  async byId(tenantId: string, id: string): Promise<InferSelectModel<T> | undefined> {
    const table: PgTable = this.table;
    const [row] = (await this.database
      .tx()
      .select()
      .from(table)
      .where(byId(this.table, tenantId, id))) as InferSelectModel<T>[];
    return row;
  }

  async insert(row: InferInsertModel<T>): Promise<InferSelectModel<T>> {
    const [created] = (await this.database
      .tx()
      .insert(this.table)
      .values(row)
      .returning()) as InferSelectModel<T>[];
    if (!created) throw new Error('insert returned no row');
    return created;
  }

  /** Only if the row still has the version the caller read; undefined otherwise. */
  async update(
    tenantId: string,
    id: string,
    version: number,
    values: Partial<InferInsertModel<T>>,
  ): Promise<InferSelectModel<T> | undefined> {
    return updateAtVersion(
      this.database,
      this.table,
      tenantId,
      id,
      version,
      values as PgUpdateSetSource<T>,
    );
  }

  /** Only at the version the caller read; false when it was changed or is gone. */
  async remove(tenantId: string, id: string, version: number): Promise<boolean> {
    const rows = await this.database
      .tx()
      .delete(this.table)
      .where(and(byId(this.table, tenantId, id), eq(this.table.version, version)))
      .returning({ id: this.table.id });
    return rows.length === 1;
  }
}
