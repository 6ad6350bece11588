import { Inject, Injectable } from '@nestjs/common';
import type { ItemTracking } from '@nexo/contracts/catalog';
import { Database } from '@nexo/db';
import { currentPrincipal } from '@nexo/platform';
import { and, eq, inArray } from 'drizzle-orm';
import { itemVariants, items, units } from '../db/catalog.tables.js';

/** What inventory needs to know of an item to move it: whether it keeps stock, and how. */
export interface StockItemFact {
  id: string;
  sku: string;
  name: string;
  barcode: string | null;
  kind: 'stockable' | 'consumable' | 'service';
  tracking: ItemTracking;
  /** The base unit's code: stock is kept in it. */
  unit: string;
  /** The item's standard cost, per base unit (null when none was entered). */
  cost: string | null;
  /** Its variants' ids and costs (a variant's own cost, or null). */
  variants: Map<string, { sku: string; cost: string | null }>;
}

/**
 * Catalog's public read for inventory: the facts of several items in two queries, whatever
 * their number (a 20-line delivery posts with one call). Items the company does not have are
 * absent from the map.
 */
@Injectable()
export class StockItemFacts {
  constructor(@Inject(Database) private readonly database: Database) {}

  async forIds(ids: readonly string[]): Promise<Map<string, StockItemFact>> {
    const unique = [...new Set(ids)];
    const facts = new Map<string, StockItemFact>();
    if (unique.length === 0) return facts;
    const tenantId = currentPrincipal().tenantId;
    const tx = this.database.tx();
    const rows = await tx
      .select({
        id: items.id,
        sku: items.sku,
        name: items.name,
        barcode: items.barcode,
        kind: items.kind,
        tracking: items.tracking,
        unit: units.code,
        cost: items.cost,
      })
      .from(items)
      .innerJoin(units, and(eq(units.tenantId, items.tenantId), eq(units.id, items.unitId)))
      .where(and(eq(items.tenantId, tenantId), inArray(items.id, unique)));
    for (const row of rows)
      facts.set(row.id, {
        ...row,
        kind: row.kind as StockItemFact['kind'],
        tracking: row.tracking as ItemTracking,
        variants: new Map(),
      });
    const variants = await tx
      .select({
        id: itemVariants.id,
        itemId: itemVariants.itemId,
        sku: itemVariants.sku,
        cost: itemVariants.cost,
      })
      .from(itemVariants)
      .where(and(eq(itemVariants.tenantId, tenantId), inArray(itemVariants.itemId, unique)));
    for (const v of variants) facts.get(v.itemId)?.variants.set(v.id, { sku: v.sku, cost: v.cost });
    return facts;
  }

  /** An item by its barcode or SKU (a scanner's input on a count or a transfer). */
  async byCode(code: string): Promise<StockItemFact | null> {
    const tenantId = currentPrincipal().tenantId;
    const [row] = await this.database
      .tx()
      .select({ id: items.id })
      .from(items)
      .where(and(eq(items.tenantId, tenantId), eq(items.barcode, code)))
      .limit(1);
    const found =
      row ??
      (
        await this.database
          .tx()
          .select({ id: items.id })
          .from(items)
          .where(and(eq(items.tenantId, tenantId), eq(items.sku, code)))
          .limit(1)
      )[0];
    if (!found) return null;
    return (await this.forIds([found.id])).get(found.id) ?? null;
  }
}
