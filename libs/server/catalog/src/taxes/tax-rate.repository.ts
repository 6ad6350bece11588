import { Inject, Injectable } from '@nestjs/common';
import { Database, cappedCount, type ListRequest } from '@nexo/db';
import { and, eq, sql } from 'drizzle-orm';
import { taxRates } from '../db/catalog.tables.js';

export type TaxRateRow = typeof taxRates.$inferSelect;

/** The tax table; queries only, tenant first, on the request's transaction. */
@Injectable()
export class TaxRateRepository {
  constructor(@Inject(Database) private readonly database: Database) {}

  async page(list: ListRequest) {
    const tx = this.database.tx();
    const rows = await tx
      .select({ row: taxRates, sortKey: list.sortValue })
      .from(taxRates)
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
      ...(list.count ? { count: await cappedCount(tx, taxRates, list.where) } : {}),
    };
  }

  async byId(tenantId: string, id: string): Promise<TaxRateRow | undefined> {
    const [row] = await this.database
      .tx()
      .select()
      .from(taxRates)
      .where(and(eq(taxRates.tenantId, tenantId), eq(taxRates.id, id)));
    return row;
  }

  async insert(row: typeof taxRates.$inferInsert): Promise<TaxRateRow> {
    const [created] = await this.database.tx().insert(taxRates).values(row).returning();
    if (!created) throw new Error('insert returned no row');
    return created;
  }

  /** Only if the row still has the version the caller read; undefined otherwise. */
  async update(
    tenantId: string,
    id: string,
    version: number,
    values: Partial<typeof taxRates.$inferInsert>,
  ): Promise<TaxRateRow | undefined> {
    const [row] = await this.database
      .tx()
      .update(taxRates)
      .set({ ...values, updatedAt: sql`now()`, version: sql`${taxRates.version} + 1` })
      .where(
        and(eq(taxRates.tenantId, tenantId), eq(taxRates.id, id), eq(taxRates.version, version)),
      )
      .returning();
    return row;
  }

  async remove(tenantId: string, id: string, version: number): Promise<boolean> {
    const rows = await this.database
      .tx()
      .delete(taxRates)
      .where(
        and(eq(taxRates.tenantId, tenantId), eq(taxRates.id, id), eq(taxRates.version, version)),
      )
      .returning({ id: taxRates.id });
    return rows.length === 1;
  }
}
