import { z } from 'zod';
import { StockCodeSchema } from './warehouse.contracts.js';

/** Where stock is: internal locations of a warehouse, or the company's virtual ones. */
export const LOCATION_KIND_VALUES = [
  'internal',
  'supplier',
  'customer',
  'production',
  'scrap',
  'adjustment',
  'transit',
] as const;
export type LocationKind = (typeof LOCATION_KIND_VALUES)[number];
/** The virtual locations every company has one of (no warehouse). */
export const VIRTUAL_LOCATION_KINDS = [
  'supplier',
  'customer',
  'production',
  'scrap',
  'adjustment',
  'transit',
] as const satisfies readonly LocationKind[];
export type VirtualLocationKind = (typeof VIRTUAL_LOCATION_KINDS)[number];

/** A location as a role may read it. */
export const LocationSchema = z
  .object({
    id: z.uuid(),
    /** Null for the company's virtual locations. */
    warehouseId: z.uuid().nullable(),
    /** Null for a warehouse's root location and for virtual ones. */
    parentId: z.uuid().nullable(),
    kind: z.enum(LOCATION_KIND_VALUES),
    code: z.string(),
    name: z.string(),
    /** Codes from the warehouse down (`WH1/A/R2`); `~supplier` for a virtual one. */
    path: z.string(),
    active: z.boolean(),
    createdAt: z.date(),
    updatedAt: z.date(),
    version: z.number().int(),
  })
  .partial()
  .required({ id: true })
  .meta({ id: 'Location' });

/**
 * An internal location under `parentId` (and in its warehouse), or under the root of
 * `warehouseId` when no parent is named.
 */
export const CreateLocationInputSchema = z
  .strictObject({
    warehouseId: z.uuid().optional(),
    parentId: z.uuid().optional(),
    code: StockCodeSchema,
    name: z.string().trim().min(1).max(200),
    active: z.boolean().optional(),
  })
  .refine((v) => v.warehouseId !== undefined || v.parentId !== undefined, {
    message: 'Name the warehouse or the parent location',
    path: ['parentId'],
  });
export type CreateLocationInput = z.infer<typeof CreateLocationInputSchema>;

/** Rename (its code, and so its path and its children's) or move it inside its warehouse. */
export const UpdateLocationInputSchema = z.strictObject({
  parentId: z.uuid().optional(),
  code: StockCodeSchema.optional(),
  name: z.string().trim().min(1).max(200).optional(),
  active: z.boolean().optional(),
});
export type UpdateLocationInput = z.infer<typeof UpdateLocationInputSchema>;
