import { and, eq, sql, type InferInsertModel, type InferSelectModel, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
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
    const [row] = (await this.database
      .tx()
      .update(this.table)
      .set({ ...values, ...bump(this.table) })
      .where(and(byId(this.table, tenantId, id), eq(this.table.version, version)))
      .returning()) as InferSelectModel<T>[];
    return row;
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
