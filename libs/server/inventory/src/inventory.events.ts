import { defineEvent } from '@nexo/events';
import { z } from 'zod';

/**
 * What inventory tells other contexts. Payloads carry ids and decimal strings; consumers read
 * anything else through their own permissions.
 */

const Decimal = z.string();

/**
 * The day's reorder suggestions of one warehouse (purchasing turns them into requests for
 * quotation): per min/max rule at or below its minimum, what to order to reach its maximum.
 */
export const ReorderSuggested = defineEvent(
  'inventory.reorder.suggested',
  1,
  z.object({
    warehouseId: z.uuid(),
    /** The day the suggestions were computed (UTC). */
    on: z.iso.date(),
    suggestions: z.array(
      z.object({
        ruleId: z.uuid(),
        itemId: z.uuid(),
        variantId: z.uuid().nullable(),
        onHand: Decimal,
        reserved: Decimal,
        projected: Decimal,
        minimum: Decimal,
        maximum: Decimal,
        multiple: Decimal.nullable(),
        quantity: Decimal,
      }),
    ),
  }),
);
