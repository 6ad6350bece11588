import { Inject, Injectable } from '@nestjs/common';
import { Database, runList, type ListRequest } from '@nexo/db';
import { and, asc, count, eq, getTableColumns, sql } from 'drizzle-orm';
import { itemImages, itemUnitConversions, items, itemVariants } from '../db/catalog.tables.js';

const { tenantId: _tenant, ...itemColumns } = getTableColumns(items);
/** An item's columns and its margin (list price less cost), computed exactly in SQL. */
const itemSelection = {
  ...itemColumns,
  margin: sql<string | null>`(${items.listPrice} - ${items.cost})::text`,
};
export type ItemRecord = Omit<typeof items.$inferSelect, 'tenantId'> & { margin: string | null };

const { tenantId: _vtenant, ...variantColumns } = getTableColumns(itemVariants);
const variantSelection = {
  ...variantColumns,
  margin: sql<string | null>`(coalesce(${itemVariants.listPrice}, ${items.listPrice})
    - coalesce(${itemVariants.cost}, ${items.cost}))::text`,
};
export type VariantRecord = Omit<typeof itemVariants.$inferSelect, 'tenantId'> & {
  margin: string | null;
};

const { data: _data, tenantId: _itenant, ...imageColumns } = getTableColumns(itemImages);
export type ImageRecord = Omit<typeof itemImages.$inferSelect, 'tenantId' | 'data'>;

export interface Conversion {
  unitId: string;
  factor: string;
}

/** Items, their unit conversions, variants and images; queries only, tenant first. */
@Injectable()
export class ItemRepository {
  constructor(@Inject(Database) private readonly database: Database) {}

  page(list: ListRequest) {
    const tx = this.database.tx();
    return runList(
      tx,
      list,
      (limit) =>
        tx
          .select({ row: itemSelection, sortKey: list.sortValue })
          .from(items)
          .where(list.where)
          .orderBy(...list.orderBy)
          .limit(limit),
      items,
    );
  }

  /** `lock`: hold the row until the transaction ends (to count its images, say). */
  async byId(tenantId: string, id: string, lock = false): Promise<ItemRecord | undefined> {
    const query = this.database
      .tx()
      .select(itemSelection)
      .from(items)
      .where(and(eq(items.tenantId, tenantId), eq(items.id, id)));
    const [row] = lock ? await query.for('update') : await query;
    return row;
  }

  async insert(row: typeof items.$inferInsert): Promise<void> {
    await this.database.tx().insert(items).values(row);
  }

  /** Only if the row still has the version the caller read; false otherwise. */
  async update(
    tenantId: string,
    id: string,
    version: number,
    values: Partial<typeof items.$inferInsert>,
  ): Promise<boolean> {
    const rows = await this.database
      .tx()
      .update(items)
      .set({ ...values, updatedAt: sql`now()`, version: sql`${items.version} + 1` })
      .where(and(eq(items.tenantId, tenantId), eq(items.id, id), eq(items.version, version)))
      .returning({ id: items.id });
    return rows.length === 1;
  }

  /** Deletes the item with its variants, conversions and images (cascade). */
  async remove(tenantId: string, id: string, version: number): Promise<boolean> {
    const rows = await this.database
      .tx()
      .delete(items)
      .where(and(eq(items.tenantId, tenantId), eq(items.id, id), eq(items.version, version)))
      .returning({ id: items.id });
    return rows.length === 1;
  }

  async conversions(tenantId: string, itemId: string): Promise<Conversion[]> {
    return this.database
      .tx()
      .select({ unitId: itemUnitConversions.unitId, factor: itemUnitConversions.factor })
      .from(itemUnitConversions)
      .where(
        and(eq(itemUnitConversions.tenantId, tenantId), eq(itemUnitConversions.itemId, itemId)),
      )
      .orderBy(asc(itemUnitConversions.id));
  }

  async replaceConversions(
    tenantId: string,
    itemId: string,
    conversions: Conversion[],
    newId: () => string,
  ): Promise<void> {
    const tx = this.database.tx();
    await tx
      .delete(itemUnitConversions)
      .where(
        and(eq(itemUnitConversions.tenantId, tenantId), eq(itemUnitConversions.itemId, itemId)),
      );
    if (!conversions.length) return;
    await tx
      .insert(itemUnitConversions)
      .values(conversions.map((c) => ({ tenantId, id: newId(), itemId, ...c })));
  }

  async variantCount(tenantId: string, itemId: string): Promise<number> {
    const [row] = await this.database
      .tx()
      .select({ n: count() })
      .from(itemVariants)
      .where(and(eq(itemVariants.tenantId, tenantId), eq(itemVariants.itemId, itemId)));
    return row?.n ?? 0;
  }

  variantPage(list: ListRequest) {
    const tx = this.database.tx();
    return runList(
      tx,
      list,
      (limit) =>
        tx
          .select({ row: variantSelection, sortKey: list.sortValue })
          .from(itemVariants)
          .innerJoin(
            items,
            and(eq(items.tenantId, itemVariants.tenantId), eq(items.id, itemVariants.itemId)),
          )
          .where(list.where)
          .orderBy(...list.orderBy)
          .limit(limit),
      itemVariants,
    );
  }

  async variantById(tenantId: string, id: string): Promise<VariantRecord | undefined> {
    const [row] = await this.database
      .tx()
      .select(variantSelection)
      .from(itemVariants)
      .innerJoin(
        items,
        and(eq(items.tenantId, itemVariants.tenantId), eq(items.id, itemVariants.itemId)),
      )
      .where(and(eq(itemVariants.tenantId, tenantId), eq(itemVariants.id, id)));
    return row;
  }

  async insertVariant(row: typeof itemVariants.$inferInsert): Promise<void> {
    await this.database.tx().insert(itemVariants).values(row);
  }

  async updateVariant(
    tenantId: string,
    id: string,
    version: number,
    values: Partial<typeof itemVariants.$inferInsert>,
  ): Promise<boolean> {
    const rows = await this.database
      .tx()
      .update(itemVariants)
      .set({ ...values, updatedAt: sql`now()`, version: sql`${itemVariants.version} + 1` })
      .where(
        and(
          eq(itemVariants.tenantId, tenantId),
          eq(itemVariants.id, id),
          eq(itemVariants.version, version),
        ),
      )
      .returning({ id: itemVariants.id });
    return rows.length === 1;
  }

  async removeVariant(tenantId: string, id: string, version: number): Promise<boolean> {
    const rows = await this.database
      .tx()
      .delete(itemVariants)
      .where(
        and(
          eq(itemVariants.tenantId, tenantId),
          eq(itemVariants.id, id),
          eq(itemVariants.version, version),
        ),
      )
      .returning({ id: itemVariants.id });
    return rows.length === 1;
  }

  async images(tenantId: string, itemId: string): Promise<ImageRecord[]> {
    return this.database
      .tx()
      .select(imageColumns)
      .from(itemImages)
      .where(and(eq(itemImages.tenantId, tenantId), eq(itemImages.itemId, itemId)))
      .orderBy(asc(itemImages.id));
  }

  async imageById(
    tenantId: string,
    id: string,
    withData: boolean,
  ): Promise<(ImageRecord & { data?: Buffer }) | undefined> {
    const [row] = await this.database
      .tx()
      .select(withData ? { ...imageColumns, data: itemImages.data } : imageColumns)
      .from(itemImages)
      .where(and(eq(itemImages.tenantId, tenantId), eq(itemImages.id, id)));
    return row;
  }

  async insertImage(row: typeof itemImages.$inferInsert): Promise<ImageRecord> {
    const [created] = await this.database
      .tx()
      .insert(itemImages)
      .values(row)
      .returning(imageColumns);
    if (!created) throw new Error('insert returned no row');
    return created;
  }

  async removeImage(tenantId: string, id: string): Promise<boolean> {
    const rows = await this.database
      .tx()
      .delete(itemImages)
      .where(and(eq(itemImages.tenantId, tenantId), eq(itemImages.id, id)))
      .returning({ id: itemImages.id });
    return rows.length === 1;
  }
}
