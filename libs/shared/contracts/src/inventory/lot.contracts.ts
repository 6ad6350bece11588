import { z } from 'zod';
import { DateOnlySchema, DecimalSchema } from '../common/values.js';

/** Lot and serial codes: what is printed on the label, up to 64 characters, no blanks around. */
const LotCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/#-]{0,63}$/, 'Letters, digits and . _ / # -; up to 64');

/** A lot or serial number as a role may read it. */
export const LotSchema = z
  .object({
    id: z.uuid(),
    itemId: z.uuid(),
    variantId: z.uuid().nullable(),
    code: z.string(),
    /** From the item: `lot` (with expiry) or `serial` (one unit each). */
    tracking: z.enum(['lot', 'serial']),
    expiresOn: z.string().nullable(),
    notes: z.string().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
    version: z.number().int(),
  })
  .partial()
  .required({ id: true })
  .meta({ id: 'Lot' });

export const CreateLotInputSchema = z.strictObject({
  itemId: z.uuid(),
  variantId: z.uuid().nullable().optional(),
  code: LotCodeSchema,
  expiresOn: DateOnlySchema.nullable().optional(),
  notes: z.string().trim().max(2000).nullable().optional(),
});
export type CreateLotInput = z.infer<typeof CreateLotInputSchema>;
export const UpdateLotInputSchema = z.strictObject({
  expiresOn: DateOnlySchema.nullable().optional(),
  notes: z.string().trim().max(2000).nullable().optional(),
});
export type UpdateLotInput = z.infer<typeof UpdateLotInputSchema>;

/** One move of a lot, in the order it posted: where the stock came from and went. */
export const LotTraceMoveSchema = z
  .object({
    moveId: z.uuid(),
    effectiveDate: z.string(),
    postedAt: z.date(),
    sourceType: z.string(),
    sourceId: z.uuid(),
    sourceLineId: z.uuid().nullable(),
    fromLocationId: z.uuid(),
    fromPath: z.string(),
    fromKind: z.string(),
    toLocationId: z.uuid(),
    toPath: z.string(),
    toKind: z.string(),
    quantity: DecimalSchema,
    reversesMoveId: z.uuid().nullable(),
  })
  .meta({ id: 'LotTraceMove' });
export const LotTraceSchema = z
  .object({ lot: LotSchema, moves: z.array(LotTraceMoveSchema) })
  .meta({ id: 'LotTrace' });
