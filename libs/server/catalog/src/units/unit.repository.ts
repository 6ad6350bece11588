import { Inject, Injectable } from '@nestjs/common';
import { Database, cappedCount, type ListRequest } from '@nexo/db';
import { and, eq, sql } from 'drizzle-orm';
import { units } from '../db/catalog.tables.js';

export type UnitRow = typeof units.$inferSelect;

/** Units of measure; queries only, tenant first, on the request's transaction. */
@Injectable()
export class UnitRepository {
  constructor(@Inject(Database) private readonly database: Database) {}

  async page(list: ListRequest) {
    const tx = this.database.tx();
    const rows = await tx
      .select({ row: units, sortKey: list.sortValue })
      .from(units)
      .where(list.where)
      .orderBy(...list.orderBy)
      .limit(list.limit + 1);
    const page = list.page(
      rows,
      (r) => r.sortKey,
      (r) => r.row.id,
    );
    return {
      items: page.items.map((r) => r.row),
      nextCursor: page.nextCursor,
      ...(list.count ? { count: await cappedCount(tx, units, list.where) } : {}),
    };
  }

  async byId(tenantId: string, id: string): Promise<UnitRow | undefined> {
    const [row] = await this.database
      .tx()
      .select()
      .from(units)
      .where(and(eq(units.tenantId, tenantId), eq(units.id, id)));
    return row;
  }

  async insert(row: typeof units.$inferInsert): Promise<UnitRow> {
    const [created] = await this.database.tx().insert(units).values(row).returning();
    if (!created) throw new Error('insert returned no row');
    return created;
  }

  /** Only if the row still has the version the caller read; undefined otherwise. */
  async update(
    tenantId: string,
    id: string,
    version: number,
    values: Partial<typeof units.$inferInsert>,
  ): Promise<UnitRow | undefined> {
    const [row] = await this.database
      .tx()
      .update(units)
      .set({ ...values, updatedAt: sql`now()`, version: sql`${units.version} + 1` })
      .where(and(eq(units.tenantId, tenantId), eq(units.id, id), eq(units.version, version)))
      .returning();
    return row;
  }

  async remove(tenantId: string, id: string, version: number): Promise<boolean> {
    const rows = await this.database
      .tx()
      .delete(units)
      .where(and(eq(units.tenantId, tenantId), eq(units.id, id), eq(units.version, version)))
      .returning({ id: units.id });
    return rows.length === 1;
  }
}
