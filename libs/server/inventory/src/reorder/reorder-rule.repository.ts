import { Inject, Injectable } from '@nestjs/common';
import { Database, VersionedRecords } from '@nexo/db';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { reorderRules, stockLevels } from '../db/inventory.tables.js';

export type ReorderRuleRow = typeof reorderRules.$inferSelect;

/** A rule with the stock level of its item in its warehouse (zero when none yet). */
export interface RuleWithStock {
  ruleId: string;
  itemId: string;
  variantId: string | null;
  warehouseId: string;
  minimum: string;
  maximum: string;
  multiple: string | null;
  onHand: string;
  reserved: string;
}

/** Reorder rules: the versioned-record queries and the rules at or below their minimum. */
@Injectable()
export class ReorderRuleRepository extends VersionedRecords<typeof reorderRules> {
  constructor(@Inject(Database) database: Database) {
    super(database, reorderRules);
  }

  /**
   * The company's rules whose projected stock (on hand less reserved) is at or below their
   * minimum, with that stock, in one query; `scope` narrows them (filters, read rules).
   */
  atOrBelowMinimum(tenantId: string, scope?: SQL): Promise<RuleWithStock[]> {
    const onHand = sql<string>`coalesce(${stockLevels.onHand}, 0)`;
    const reserved = sql<string>`coalesce(${stockLevels.reserved}, 0)`;
    return this.database
      .tx()
      .select({
        ruleId: reorderRules.id,
        itemId: reorderRules.itemId,
        variantId: reorderRules.variantId,
        warehouseId: reorderRules.warehouseId,
        minimum: reorderRules.minimum,
        maximum: reorderRules.maximum,
        multiple: reorderRules.multiple,
        onHand: sql<string>`${onHand}::text`,
        reserved: sql<string>`${reserved}::text`,
      })
      .from(reorderRules)
      .leftJoin(
        stockLevels,
        and(
          eq(stockLevels.tenantId, reorderRules.tenantId),
          eq(stockLevels.itemId, reorderRules.itemId),
          sql`${stockLevels.variantId} is not distinct from ${reorderRules.variantId}`,
          eq(stockLevels.warehouseId, reorderRules.warehouseId),
        ),
      )
      .where(
        and(
          eq(reorderRules.tenantId, tenantId),
          sql`${onHand} - ${reserved} <= ${reorderRules.minimum}`,
          scope,
        ),
      )
      .orderBy(asc(reorderRules.warehouseId), asc(reorderRules.itemId), asc(reorderRules.id));
  }

  async anyRule(tenantId: string): Promise<boolean> {
    const [row] = await this.database
      .tx()
      .select({ id: reorderRules.id })
      .from(reorderRules)
      .where(eq(reorderRules.tenantId, tenantId))
      .limit(1);
    return row !== undefined;
  }
}
