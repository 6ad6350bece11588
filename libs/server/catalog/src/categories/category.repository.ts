import { Inject, Injectable } from '@nestjs/common';
import { Database, cappedCount, type ListRequest } from '@nexo/db';
import { and, eq, sql } from 'drizzle-orm';
import { categories } from '../db/catalog.tables.js';

export type CategoryRow = typeof categories.$inferSelect;

/** The category tree; queries only, tenant first, on the request's transaction. */
@Injectable()
export class CategoryRepository {
  constructor(@Inject(Database) private readonly database: Database) {}

  async page(list: ListRequest) {
    const tx = this.database.tx();
    const rows = await tx
      .select({ row: categories, sortKey: list.sortValue })
      .from(categories)
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
      ...(list.count ? { count: await cappedCount(tx, categories, list.where) } : {}),
    };
  }

  async byId(tenantId: string, id: string): Promise<CategoryRow | undefined> {
    const [row] = await this.database
      .tx()
      .select()
      .from(categories)
      .where(and(eq(categories.tenantId, tenantId), eq(categories.id, id)));
    return row;
  }

  async insert(row: typeof categories.$inferInsert): Promise<CategoryRow> {
    const [created] = await this.database.tx().insert(categories).values(row).returning();
    if (!created) throw new Error('insert returned no row');
    return created;
  }

  /** Only if the row still has the version the caller read; undefined otherwise. */
  async update(
    tenantId: string,
    id: string,
    version: number,
    values: Partial<typeof categories.$inferInsert>,
  ): Promise<CategoryRow | undefined> {
    const [row] = await this.database
      .tx()
      .update(categories)
      .set({ ...values, updatedAt: sql`now()`, version: sql`${categories.version} + 1` })
      .where(
        and(
          eq(categories.tenantId, tenantId),
          eq(categories.id, id),
          eq(categories.version, version),
        ),
      )
      .returning();
    return row;
  }

  async remove(tenantId: string, id: string, version: number): Promise<boolean> {
    const rows = await this.database
      .tx()
      .delete(categories)
      .where(
        and(
          eq(categories.tenantId, tenantId),
          eq(categories.id, id),
          eq(categories.version, version),
        ),
      )
      .returning({ id: categories.id });
    return rows.length === 1;
  }

  /**
   * Serialises moves within a company's tree until the transaction ends, so two moves cannot
   * together make a cycle that neither would make alone.
   */
  async lockTree(tenantId: string): Promise<void> {
    await this.database
      .tx()
      .execute(sql`select pg_advisory_xact_lock(hashtext(${`catalog.categories:${tenantId}`}))`);
  }

  /** The category and its ancestors, up to the root. */
  async lineage(tenantId: string, id: string): Promise<string[]> {
    const { rows } = await this.database.tx().execute<{ id: string }>(sql`
      with recursive up(id, parent_id) as (
        select id, parent_id from ${categories}
         where tenant_id = ${tenantId} and id = ${id}
        union
        select c.id, c.parent_id from ${categories} c
          join up on c.tenant_id = ${tenantId} and c.id = up.parent_id
      )
      select id from up`);
    return rows.map((r) => r.id);
  }
}
