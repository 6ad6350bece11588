import { z } from 'zod';
import { DateOnlySchema, DecimalSchema } from '../common/values.js';

/**
 * Inventory's reports: stock on hand (now, or at the end of a past day), an item's kardex,
 * the valuation by item and warehouse, and slow movers. Quantities and amounts are decimal
 * strings; amounts are in the company's currency (`currency`). `unitCost` and `value` (and
 * every amount derived from them) are left out for readers whose role hides costs.
 */

/** A bounded page: `limit` 1–200 (default 50) and the previous page's `nextCursor`. */
const page = {
  limit: z.string().regex(/^\d+$/).optional().meta({ description: '1–200, default 50' }),
  cursor: z.string().max(1000).optional().meta({ description: 'nextCursor of the previous page' }),
};

export const StockReportQuerySchema = z.object({
  warehouseId: z.uuid().optional(),
  /** This location and every location under it (by path). */
  locationId: z.uuid().optional(),
  itemId: z.uuid().optional(),
  variantId: z.uuid().optional(),
  lotId: z.uuid().optional(),
  /** Stock at the end of this day, from the daily summaries; now (the balances) when absent. */
  date: DateOnlySchema.optional(),
  ...page,
});
export type StockReportQuery = z.infer<typeof StockReportQuerySchema>;

/** What one location holds of an item (variant, lot). */
export const StockLineSchema = z
  .object({
    locationId: z.uuid(),
    locationPath: z.string(),
    warehouseId: z.uuid().nullable(),
    itemId: z.uuid(),
    variantId: z.uuid().nullable(),
    lotId: z.uuid().nullable(),
    quantity: DecimalSchema,
    /** Now: the item's current unit cost; at a past date: value over quantity is not kept, null. */
    unitCost: DecimalSchema.nullable().optional(),
    /** Now: quantity × unit cost, rounded; at a past date: the moves' values summed to that day. */
    value: DecimalSchema.optional(),
  })
  .meta({ id: 'StockLine' });

export const StockReportSchema = z
  .object({
    /** The day the stock is at the end of, or null for now. */
    date: z.string().nullable(),
    currency: z.string(),
    items: z.array(StockLineSchema),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'StockReport' });

export const KardexQuerySchema = z.object({
  itemId: z.uuid(),
  variantId: z.uuid().optional(),
  /** Its locations (and under them) are the scope; every internal and transit location without it. */
  warehouseId: z.uuid().optional(),
  /** Moves from this day on; the opening balance is what the scope held before it. */
  from: DateOnlySchema.optional(),
  to: DateOnlySchema.optional(),
  ...page,
});
export type KardexQuery = z.infer<typeof KardexQuerySchema>;

/** One move of the item into or out of the scope, with the scope's balance after it. */
export const KardexLineSchema = z
  .object({
    moveId: z.uuid(),
    effectiveDate: z.string(),
    sourceType: z.string(),
    sourceId: z.uuid(),
    fromLocationId: z.uuid(),
    toLocationId: z.uuid(),
    variantId: z.uuid().nullable(),
    lotId: z.uuid().nullable(),
    /** Signed: positive into the scope, negative out of it. */
    quantity: DecimalSchema,
    unitCost: DecimalSchema.optional(),
    /** Signed like the quantity. */
    value: DecimalSchema.optional(),
    balanceQuantity: DecimalSchema,
    balanceValue: DecimalSchema.optional(),
  })
  .meta({ id: 'KardexLine' });

export const KardexSchema = z
  .object({
    itemId: z.uuid(),
    variantId: z.uuid().nullable(),
    warehouseId: z.uuid().nullable(),
    currency: z.string(),
    /** What the scope held before this page's first move. */
    openingQuantity: DecimalSchema,
    openingValue: DecimalSchema.optional(),
    items: z.array(KardexLineSchema),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'Kardex' });

export const ValuationQuerySchema = z.object({
  warehouseId: z.uuid().optional(),
  itemId: z.uuid().optional(),
  ...page,
});
export type ValuationQuery = z.infer<typeof ValuationQuerySchema>;

/**
 * An item's value in one warehouse: the company's value of the item split over its
 * warehouses by quantity, to the cent. `warehouseId` null: stock in transit (or a value left
 * with no quantity in any warehouse).
 */
export const ValuationLineSchema = z
  .object({
    itemId: z.uuid(),
    variantId: z.uuid().nullable(),
    warehouseId: z.uuid().nullable(),
    quantity: DecimalSchema,
    unitCost: DecimalSchema,
    value: DecimalSchema,
  })
  .meta({ id: 'ValuationLine' });

export const ValuationTotalSchema = z.object({
  warehouseId: z.uuid().nullable(),
  quantity: DecimalSchema,
  value: DecimalSchema,
});

export const ValuationReportSchema = z
  .object({
    currency: z.string(),
    items: z.array(ValuationLineSchema),
    nextCursor: z.string().nullable(),
    /** Over every item (of `itemId` when given): per warehouse, and the company's. */
    totals: z.object({
      warehouses: z.array(ValuationTotalSchema),
      quantity: DecimalSchema,
      value: DecimalSchema,
    }),
  })
  .meta({ id: 'ValuationReport' });

export const SlowMoversQuerySchema = z.object({
  warehouseId: z.uuid().optional(),
  /** No move in this many days (default 90). */
  days: z
    .string()
    .regex(/^\d{1,4}$/)
    .optional(),
  ...page,
});
export type SlowMoversQuery = z.infer<typeof SlowMoversQuerySchema>;

export const SlowMoverSchema = z
  .object({
    itemId: z.uuid(),
    variantId: z.uuid().nullable(),
    warehouseId: z.uuid(),
    quantity: DecimalSchema,
    /** Null: no move was ever dated for it. */
    lastMoveOn: z.string().nullable(),
    unitCost: DecimalSchema.optional(),
    value: DecimalSchema.optional(),
  })
  .meta({ id: 'SlowMover' });

export const SlowMoversReportSchema = z
  .object({
    /** Moves dated before this day count as old. */
    before: z.string(),
    currency: z.string(),
    items: z.array(SlowMoverSchema),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'SlowMoversReport' });
