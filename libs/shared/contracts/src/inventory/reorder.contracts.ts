import { z } from 'zod';
import { DecimalSchema, QuantitySchema } from '../common/values.js';

/** A min/max rule as a role may read it. */
export const ReorderRuleSchema = z
  .object({
    id: z.uuid(),
    itemId: z.uuid(),
    variantId: z.uuid().nullable(),
    warehouseId: z.uuid(),
    minimum: DecimalSchema,
    maximum: DecimalSchema,
    /** Order in multiples of this (a box of 12); any quantity when null. */
    multiple: DecimalSchema.nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
    version: z.number().int(),
  })
  .partial()
  .required({ id: true })
  .meta({ id: 'ReorderRule' });

const PositiveQuantitySchema = QuantitySchema.refine((v) => /[1-9]/.test(v), 'Greater than zero');

export const CreateReorderRuleInputSchema = z.strictObject({
  itemId: z.uuid(),
  variantId: z.uuid().nullable().optional(),
  warehouseId: z.uuid(),
  minimum: QuantitySchema,
  maximum: QuantitySchema,
  multiple: PositiveQuantitySchema.nullable().optional(),
});
export type CreateReorderRuleInput = z.infer<typeof CreateReorderRuleInputSchema>;
export const UpdateReorderRuleInputSchema = z.strictObject({
  minimum: QuantitySchema.optional(),
  maximum: QuantitySchema.optional(),
  multiple: PositiveQuantitySchema.nullable().optional(),
});
export type UpdateReorderRuleInput = z.infer<typeof UpdateReorderRuleInputSchema>;

/**
 * A computed figure (on hand less reserved, a rounded-up order): a decimal string that may
 * exceed a column's 14 integer digits.
 */
const FigureSchema = z.string().regex(/^-?\d+(\.\d+)?$/);

/** What a rule says to order now: `maximum − projected`, rounded up to its multiple. */
export const ReorderSuggestionSchema = z
  .object({
    ruleId: z.uuid(),
    itemId: z.uuid(),
    variantId: z.uuid().nullable(),
    warehouseId: z.uuid(),
    onHand: DecimalSchema,
    reserved: DecimalSchema,
    /** On hand less reserved. */
    projected: FigureSchema,
    minimum: DecimalSchema,
    maximum: DecimalSchema,
    multiple: DecimalSchema.nullable(),
    quantity: FigureSchema,
  })
  .meta({ id: 'ReorderSuggestion' });
export type ReorderSuggestion = z.infer<typeof ReorderSuggestionSchema>;
export const ReorderSuggestionsQuerySchema = z.strictObject({
  warehouseId: z.uuid().optional(),
  itemId: z.uuid().optional(),
});
export const ReorderSuggestionsSchema = z
  .object({ items: z.array(ReorderSuggestionSchema) })
  .meta({ id: 'ReorderSuggestions' });
