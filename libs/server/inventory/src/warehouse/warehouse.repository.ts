import { Inject, Injectable } from '@nestjs/common';
import { Database, VersionedRecords } from '@nexo/db';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { balances, locations, stockLevels, warehouses } from '../db/inventory.tables.js';

export type WarehouseRow = typeof warehouses.$inferSelect;

/** Warehouses: the versioned-record queries, tenant first, on the request's transaction. */
@Injectable()
export class WarehouseRepository extends VersionedRecords<typeof warehouses> {
  constructor(@Inject(Database) database: Database) {
    super(database, warehouses);
  }

  /** The warehouse's root location: its code and path are the warehouse's code. */
  async insertRoot(tenantId: string, warehouse: WarehouseRow, id: string): Promise<void> {
    await this.database.tx().insert(locations).values({
      tenantId,
      id,
      warehouseId: warehouse.id,
      kind: 'internal',
      code: warehouse.code,
      name: warehouse.name,
      path: warehouse.code,
    });
  }

  /** A new code: the root's code, and every path of the warehouse starts with it. */
  async recode(tenantId: string, id: string, from: string, to: string): Promise<void> {
    const tx = this.database.tx();
    await tx
      .update(locations)
      .set({ path: sql`${to} || substr(${locations.path}, ${from.length + 1})` })
      .where(and(eq(locations.tenantId, tenantId), eq(locations.warehouseId, id)));
    await tx
      .update(locations)
      .set({ code: to, updatedAt: sql`now()`, version: sql`${locations.version} + 1` })
      .where(this.root(tenantId, id));
  }

  async renameRoot(tenantId: string, id: string, name: string): Promise<void> {
    await this.database
      .tx()
      .update(locations)
      .set({ name, updatedAt: sql`now()`, version: sql`${locations.version} + 1` })
      .where(this.root(tenantId, id));
  }

  /** Whether any balance of the warehouse is below zero (it cannot then forbid negatives). */
  async hasNegativeStock(tenantId: string, id: string): Promise<boolean> {
    const { rows } = await this.database.tx().execute<{ found: boolean }>(sql`
      select exists (
        select 1 from ${balances}
         where tenant_id = ${tenantId} and warehouse_id = ${id} and on_hand < 0
      ) or exists (
        select 1 from ${stockLevels}
         where tenant_id = ${tenantId} and warehouse_id = ${id} and on_hand < 0
      ) as found`);
    return rows[0]?.found === true;
  }

  /** Copies the setting onto the warehouse's stock rows, whose CHECKs read it. */
  async copyAllowNegative(tenantId: string, id: string, allow: boolean): Promise<void> {
    const tx = this.database.tx();
    await tx
      .update(balances)
      .set({ allowNegative: allow })
      .where(and(eq(balances.tenantId, tenantId), eq(balances.warehouseId, id)));
    await tx
      .update(stockLevels)
      .set({ allowNegative: allow })
      .where(and(eq(stockLevels.tenantId, tenantId), eq(stockLevels.warehouseId, id)));
  }

  /**
   * Whether stock ever moved through the warehouse: every posted move keeps a balance row per
   * location and a stock level per warehouse, which are never deleted (both indexed by
   * warehouse). The moves' own keys to its locations are the backstop.
   */
  async hasStockHistory(tenantId: string, id: string): Promise<boolean> {
    const { rows } = await this.database.tx().execute<{ found: boolean }>(sql`
      select exists (
        select 1 from ${stockLevels} where tenant_id = ${tenantId} and warehouse_id = ${id}
      ) or exists (
        select 1 from ${balances} where tenant_id = ${tenantId} and warehouse_id = ${id}
      ) as found`);
    return rows[0]?.found === true;
  }

  /** The warehouse's locations, in one statement (the tree's own keys are checked at its end). */
  async removeLocations(tenantId: string, id: string): Promise<void> {
    await this.database
      .tx()
      .delete(locations)
      .where(and(eq(locations.tenantId, tenantId), eq(locations.warehouseId, id)));
  }

  private root(tenantId: string, id: string) {
    return and(
      eq(locations.tenantId, tenantId),
      eq(locations.warehouseId, id),
      isNull(locations.parentId),
    );
  }
}
