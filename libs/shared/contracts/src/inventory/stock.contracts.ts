import { z } from 'zod';
import { AmountSchema, DateOnlySchema, QuantitySchema, UnitPriceSchema } from '../common/values.js';

/**
 * A posted stock move. `unitCost` and `value` (company currency) are left out for readers
 * whose field rules hide costs.
 */
export const StockMoveSchema = z
  .object({
    id: z.uuid(),
    itemId: z.uuid(),
    variantId: z.uuid().nullable(),
    lotId: z.uuid().nullable(),
    fromLocationId: z.uuid(),
    toLocationId: z.uuid(),
    quantity: QuantitySchema,
    unitCost: UnitPriceSchema.optional(),
    value: AmountSchema.optional(),
    effectiveDate: DateOnlySchema,
    postedAt: z.date().optional(),
    postedBy: z.uuid().nullable().optional(),
    sourceType: z.string(),
    sourceId: z.uuid(),
    sourceLineId: z.uuid().nullable(),
    reversesMoveId: z.uuid().nullable(),
  })
  .meta({ id: 'StockMove' });
export type StockMove = z.infer<typeof StockMoveSchema>;

export const ReverseMovesResultSchema = z
  .object({ moves: z.array(StockMoveSchema) })
  .meta({ id: 'ReverseMovesResult' });

export const AvailabilityQuerySchema = z.strictObject({
  itemId: z.uuid(),
  variantId: z.uuid().optional(),
  warehouseId: z.uuid().optional(),
});
export const AvailabilitySchema = z
  .object({
    itemId: z.uuid(),
    variantId: z.uuid().nullable(),
    warehouseId: z.uuid(),
    onHand: QuantitySchema,
    reserved: QuantitySchema,
    available: z.string(),
  })
  .meta({ id: 'StockAvailability' });
export const AvailabilityListSchema = z
  .object({ items: z.array(AvailabilitySchema) })
  .meta({ id: 'StockAvailabilityList' });

export const LotSuggestionQuerySchema = z.strictObject({
  itemId: z.uuid(),
  variantId: z.uuid().optional(),
  warehouseId: z.uuid(),
  quantity: QuantitySchema,
});
export const LotSuggestionSchema = z
  .object({
    lotId: z.uuid(),
    code: z.string(),
    expiresOn: DateOnlySchema.nullable(),
    locationId: z.uuid(),
    available: QuantitySchema,
    take: QuantitySchema,
  })
  .meta({ id: 'LotSuggestion' });
export const LotSuggestionsSchema = z
  .object({
    items: z.array(LotSuggestionSchema),
    /** What the lots in stock could not cover (0 when they cover it all). */
    missing: QuantitySchema,
  })
  .meta({ id: 'LotSuggestions' });

export const ReservationSchema = z
  .object({
    id: z.uuid(),
    itemId: z.uuid(),
    variantId: z.uuid().nullable(),
    warehouseId: z.uuid(),
    sourceType: z.string(),
    sourceId: z.uuid(),
    sourceLineId: z.uuid(),
    quantity: QuantitySchema,
    consumed: QuantitySchema,
    released: QuantitySchema,
    createdAt: z.date(),
    updatedAt: z.date(),
    version: z.number().int(),
  })
  .meta({ id: 'StockReservation' });
