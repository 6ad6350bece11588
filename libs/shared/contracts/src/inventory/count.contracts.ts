import { z } from 'zod';
import { DateOnlySchema, DecimalSchema, QuantitySchema } from '../common/values.js';
import { LotCodeInputSchema } from './operation.contracts.js';

/** draft → counting (the expected quantities frozen) → posted; drafts and counts cancelled. */
export const COUNT_STATES = ['draft', 'counting', 'posted', 'cancelled'] as const;

const Notes = z.string().trim().max(2000).nullish();

export const CreateCountInputSchema = z.strictObject({
  warehouseId: z.uuid(),
  /** The location counted, with everything under it; the warehouse's root when absent. */
  locationId: z.uuid().optional(),
  /** The day the differences post on; today when absent. */
  effectiveDate: DateOnlySchema.optional(),
  notes: Notes,
});
export type CreateCountInput = z.infer<typeof CreateCountInputSchema>;

export const UpdateCountInputSchema = z.strictObject({
  locationId: z.uuid().optional(),
  effectiveDate: DateOnlySchema.optional(),
  notes: Notes,
});
export type UpdateCountInput = z.infer<typeof UpdateCountInputSchema>;

/** What was counted on some lines; null clears a count (the line is then left as it was). */
export const CountLinesInputSchema = z.strictObject({
  lines: z
    .array(z.strictObject({ id: z.uuid(), counted: QuantitySchema.nullable() }))
    .min(1)
    .max(1000),
});
export type CountLinesInput = z.infer<typeof CountLinesInputSchema>;

/** A scanner's read: an item's barcode or SKU, and how many (one by default). */
export const CountScanInputSchema = z.strictObject({
  code: z.string().trim().min(1).max(64),
  quantity: QuantitySchema.refine((v) => /[1-9]/.test(v), 'Must be greater than zero').optional(),
  /** Where it was found; the count's location when absent. */
  locationId: z.uuid().optional(),
  /** The lot or serial read with it, for tracked items (a lot not known yet is made). */
  lotCode: LotCodeInputSchema.optional(),
});
export type CountScanInput = z.infer<typeof CountScanInputSchema>;

export const CountLineSchema = z
  .object({
    id: z.uuid(),
    locationId: z.uuid(),
    itemId: z.uuid(),
    variantId: z.uuid().nullable(),
    lotId: z.uuid().nullable(),
    lotCode: z.string().nullable(),
    /** On hand when the count started. */
    expected: DecimalSchema,
    /** Null while not counted: such a line moves nothing when the count posts. */
    counted: DecimalSchema.nullable(),
    /** counted − expected, null while not counted. */
    difference: DecimalSchema.nullable(),
  })
  .meta({ id: 'CountLine' });

const countHeader = {
  id: z.uuid(),
  state: z.enum(COUNT_STATES),
  number: z.string().nullable(),
  warehouseId: z.uuid(),
  locationId: z.uuid(),
  effectiveDate: DateOnlySchema,
  notes: z.string().nullable(),
  frozenAt: z.date().nullable(),
  issuedAt: z.date().nullable(),
  issuedBy: z.uuid().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
};

export const CountSchema = z
  .object({ ...countHeader, lines: z.array(CountLineSchema) })
  .partial()
  .meta({ id: 'StockCount' });

export const CountListItemSchema = z
  .object(countHeader)
  .partial()
  .meta({ id: 'StockCountListItem' });
