import { z } from 'zod';

/**
 * Codes of warehouses and locations: letters, digits, `.`, `_` and `-`, up to 20. No `/` (it
 * separates a location's path) and no `~` (it starts a virtual location's path).
 */
export const StockCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/, 'Letters, digits and . _ -; up to 20');
const NameSchema = z.string().trim().min(1).max(200);

/** A warehouse as a role may read it: fields its rules hide are left out. */
export const WarehouseSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    /** Whether its stock may go below zero (its balances check it). */
    allowNegative: z.boolean(),
    address: z.string().nullable(),
    active: z.boolean(),
    createdAt: z.date(),
    updatedAt: z.date(),
    version: z.number().int(),
  })
  .partial()
  .required({ id: true })
  .meta({ id: 'Warehouse' });

export const CreateWarehouseInputSchema = z.strictObject({
  code: StockCodeSchema,
  name: NameSchema,
  allowNegative: z.boolean().optional(),
  address: z.string().trim().max(500).nullable().optional(),
  active: z.boolean().optional(),
});
export type CreateWarehouseInput = z.infer<typeof CreateWarehouseInputSchema>;
export const UpdateWarehouseInputSchema = CreateWarehouseInputSchema.partial();
export type UpdateWarehouseInput = z.infer<typeof UpdateWarehouseInputSchema>;
