import { Inject, Injectable } from '@nestjs/common';
import { CURRENT_TENANT, Database, VersionedRecords, runList, type ListRequest } from '@nexo/db';
import { TenantDirectory } from '@nexo/tenancy';
import { and, asc, count, eq, getTableColumns, sql } from 'drizzle-orm';
import { itemImages, itemUnitConversions, items, itemVariants } from '../db/catalog.tables.js';

const { tenantId: _tenant, ...itemColumns } = getTableColumns(items);
/**
 * An item's columns and its margin (list price less cost), computed exactly in SQL and read as
 * the shortest string, like the price columns (`decimalColumns`).
 */
const itemSelection = {
  ...itemColumns,
  margin: sql<string | null>`trim_scale(${items.listPrice} - ${items.cost})::text`,
};
/** An item as read: its columns but the tenant id, and its margin. */
export type ItemRow = Omit<typeof items.$inferSelect, 'tenantId'> & { margin: string | null };

const { tenantId: _vtenant, ...variantColumns } = getTableColumns(itemVariants);
const variantSelection = {
  ...variantColumns,
  margin: sql<string | null>`trim_scale(coalesce(${itemVariants.listPrice}, ${items.listPrice})
    - coalesce(${itemVariants.cost}, ${items.cost}))::text`,
};
/** A variant as read: its columns but the tenant id, and its margin (the item's prices by default). */
export type ItemVariantRow = Omit<typeof itemVariants.$inferSelect, 'tenantId'> & {
  margin: string | null;
};

const { data: _data, tenantId: _itenant, ...imageColumns } = getTableColumns(itemImages);
/** An image's metadata, without its bytes. */
export type ItemImageRow = Omit<typeof itemImages.$inferSelect, 'tenantId' | 'data'>;

export interface Conversion {
  unitId: string;
  factor: string;
}

/** Items, their unit conversions, variants and images; queries only, tenant first. */
@Injectable()
export class ItemRepository {
  /** Update and delete at a version: the same queries as every versioned table. */
  private readonly itemRecords: VersionedRecords<typeof items>;
  private readonly variantRecords: VersionedRecords<typeof itemVariants>;

  private readonly tenants: TenantDirectory;

  constructor(@Inject(Database) private readonly database: Database) {
    this.itemRecords = new VersionedRecords(database, items);
    this.variantRecords = new VersionedRecords(database, itemVariants);
    this.tenants = new TenantDirectory(database);
  }

  /** The company's base currency (tenancy's settings): the one of every cost and list price. */
  async companyCurrency(tenantId: string): Promise<string> {
    return (await this.tenants.currentOf(tenantId)).currency;
  }

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

  /** Whether the transaction's company has an item with this id (a custom field's reference). */
  async exists(id: string): Promise<boolean> {
    const found = await this.database
      .tx()
      .select({ id: items.id })
      .from(items)
      .where(and(eq(items.tenantId, CURRENT_TENANT), eq(items.id, id)));
    return found.length > 0;
  }

  /** `lock`: hold the row until the transaction ends (to count its images, say). */
  async byId(tenantId: string, id: string, lock = false): Promise<ItemRow | undefined> {
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
    return (await this.itemRecords.update(tenantId, id, version, values)) !== undefined;
  }

  /** Deletes the item with its variants, conversions and images (cascade). */
  remove(tenantId: string, id: string, version: number): Promise<boolean> {
    return this.itemRecords.remove(tenantId, id, version);
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

  async variantById(tenantId: string, id: string): Promise<ItemVariantRow | undefined> {
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

  /** Only if the variant still has the version the caller read; false otherwise. */
  async updateVariant(
    tenantId: string,
    id: string,
    version: number,
    values: Partial<typeof itemVariants.$inferInsert>,
  ): Promise<boolean> {
    return (await this.variantRecords.update(tenantId, id, version, values)) !== undefined;
  }

  removeVariant(tenantId: string, id: string, version: number): Promise<boolean> {
    return this.variantRecords.remove(tenantId, id, version);
  }

  async images(tenantId: string, itemId: string): Promise<ItemImageRow[]> {
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
  ): Promise<(ItemImageRow & { data?: Buffer }) | undefined> {
    const [row] = await this.database
      .tx()
      .select(withData ? { ...imageColumns, data: itemImages.data } : imageColumns)
      .from(itemImages)
      .where(and(eq(itemImages.tenantId, tenantId), eq(itemImages.id, id)));
    return row;
  }

  async insertImage(row: typeof itemImages.$inferInsert): Promise<ItemImageRow> {
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
