import { z } from 'zod';
import { DateOnlySchema, DecimalSchema, UnitPriceSchema } from '../common/values.js';

/** Stock operations with a number of their own (erp.md §4): adjustments, transfers, scrap. */
export const OPERATION_KINDS = ['adjustment', 'transfer', 'scrap'] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

/** draft → posted; a transfer through transit: draft → shipped → received; cancelled drafts. */
export const OPERATION_STATES = ['draft', 'posted', 'shipped', 'received', 'cancelled'] as const;

/** Why stock was adjusted or scrapped; free text goes in `notes`. */
export const ADJUSTMENT_REASONS = [
  'count_difference',
  'damage',
  'found',
  'theft',
  'initial_stock',
  'other',
] as const;

/** A signed quantity that is not zero: + found, − lost (adjustments); transfers and scrap > 0. */
export const SignedQuantitySchema = DecimalSchema.refine(
  (v) => /[1-9]/.test(v),
  'Must not be zero',
).meta({ id: 'SignedQuantity' });

/** A lot or serial number as printed on its label. */
export const LotCodeInputSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/#-]{0,63}$/, 'Letters, digits and . _ / # -; up to 64');

export const OperationLineInputSchema = z.strictObject({
  itemId: z.uuid(),
  variantId: z.uuid().nullish(),
  /** The lot or serial, for items tracked by lot or serial number. */
  lotId: z.uuid().nullish(),
  /** Or the lot's code: the item's lot of that code, made when it has none (initial stock). */
  lotCode: LotCodeInputSchema.optional(),
  /** Signed on adjustments (+ found, − lost); greater than zero on transfers and scrap. */
  quantity: SignedQuantitySchema,
  /** On + adjustment lines only: the unit cost the stock enters at (initial stock). */
  unitCost: UnitPriceSchema.nullish(),
});
export type OperationLineInput = z.infer<typeof OperationLineInputSchema>;

const Notes = z.string().trim().max(2000).nullish();

export const CreateOperationInputSchema = z.strictObject({
  kind: z.enum(OPERATION_KINDS),
  warehouseId: z.uuid(),
  /** Adjustments and scrap: the location (of the warehouse) whose stock changes. */
  locationId: z.uuid().nullish(),
  /** Transfers: from a location of the warehouse… */
  fromLocationId: z.uuid().nullish(),
  /** …to a location of this or another warehouse of the company. */
  toLocationId: z.uuid().nullish(),
  /** Transfers: ship to the company's in-transit location, then receive at the destination. */
  viaTransit: z.boolean().optional(),
  /** Required on adjustments and scrap. */
  reason: z.enum(ADJUSTMENT_REASONS).nullish(),
  /** The day the stock moved; today when absent. */
  effectiveDate: DateOnlySchema.optional(),
  notes: Notes,
  lines: z.array(OperationLineInputSchema).max(1000),
});
export type CreateOperationInput = z.infer<typeof CreateOperationInputSchema>;

/** A draft's changes: its header fields and, when given, all its lines (replaced). */
export const UpdateOperationInputSchema = CreateOperationInputSchema.omit({ kind: true })
  .partial()
  .strict();
export type UpdateOperationInput = z.infer<typeof UpdateOperationInputSchema>;

export const OperationLineSchema = z
  .object({
    id: z.uuid(),
    position: z.number().int(),
    itemId: z.uuid(),
    variantId: z.uuid().nullable(),
    lotId: z.uuid().nullable(),
    lotCode: z.string().nullable(),
    quantity: DecimalSchema,
    unitCost: DecimalSchema.nullable(),
  })
  .meta({ id: 'OperationLine' });

const operationHeader = {
  id: z.uuid(),
  kind: z.enum(OPERATION_KINDS),
  state: z.enum(OPERATION_STATES),
  /** Null until it posts (or ships). */
  number: z.string().nullable(),
  warehouseId: z.uuid(),
  /** Adjustments and scrap: their location. */
  locationId: z.uuid().nullable(),
  fromLocationId: z.uuid().nullable(),
  toLocationId: z.uuid().nullable(),
  viaTransit: z.boolean(),
  reason: z.string().nullable(),
  effectiveDate: DateOnlySchema,
  notes: z.string().nullable(),
  issuedAt: z.date().nullable(),
  issuedBy: z.uuid().nullable(),
  receivedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
};

/** An operation as the API returns it, with its lines. */
export const OperationSchema = z
  .object({ ...operationHeader, lines: z.array(OperationLineSchema) })
  .partial()
  .meta({ id: 'StockOperation' });

/** A row of the operations list: the header without its lines. */
export const OperationListItemSchema = z
  .object(operationHeader)
  .partial()
  .meta({ id: 'StockOperationListItem' });
