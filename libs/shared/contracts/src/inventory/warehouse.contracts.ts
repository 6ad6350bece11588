import { z } from 'zod';

/** A warehouse as the API returns it. */
export const WarehouseSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    createdAt: z.date(),
    updatedAt: z.date(),
    version: z.number().int(),
  })
  .meta({ id: 'Warehouse' });

export const CreateWarehouseInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
});
export type CreateWarehouseInput = z.infer<typeof CreateWarehouseInputSchema>;
export const UpdateWarehouseInputSchema = CreateWarehouseInputSchema.partial();
export type UpdateWarehouseInput = z.infer<typeof UpdateWarehouseInputSchema>;
