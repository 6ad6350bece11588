import { z } from 'zod';
import { DateOnlySchema } from '../common/values.js';

export const VALUATION_METHODS = ['average', 'fifo'] as const;
export type ValuationMethod = (typeof VALUATION_METHODS)[number];

/** How the company values its stock and the day before which no move may be dated. */
export const InventorySettingsSchema = z
  .object({
    valuationMethod: z.enum(VALUATION_METHODS),
    stockLockDate: z.string().nullable(),
    /** 0 until the settings are first saved. */
    version: z.number().int(),
  })
  .meta({ id: 'InventorySettings' });

export const UpdateInventorySettingsInputSchema = z.strictObject({
  /** Changes only while the company has no stock moves. */
  valuationMethod: z.enum(VALUATION_METHODS).optional(),
  stockLockDate: DateOnlySchema.nullable().optional(),
});
export type UpdateInventorySettingsInput = z.infer<typeof UpdateInventorySettingsInputSchema>;
