import { defineEvent } from '@nexo/events';
import { z } from 'zod';

/**
 * What the catalog tells other contexts (inventory, sales, purchasing). Payloads carry ids,
 * codes and the names of the fields that changed, never prices: consumers read what they
 * need through their own permissions.
 */
const ItemPayload = z.object({
  id: z.uuid(),
  sku: z.string(),
  name: z.string(),
  kind: z.string(),
  status: z.string(),
});
const Changed = z.object({ id: z.uuid(), changed: z.array(z.string()) });
const Removed = z.object({ id: z.uuid() });

export const ItemCreated = defineEvent('catalog.item.created', 1, ItemPayload);
export const ItemUpdated = defineEvent('catalog.item.updated', 1, Changed);
export const ItemDeleted = defineEvent('catalog.item.deleted', 1, Removed);

/** Variants travel in their item's stream (aggregate `catalog.item`), so order holds per item. */
const VariantPayload = z.object({ id: z.uuid(), itemId: z.uuid(), sku: z.string() });
export const ItemVariantCreated = defineEvent('catalog.item-variant.created', 1, VariantPayload, {
  aggregateType: 'catalog.item',
});
export const ItemVariantUpdated = defineEvent(
  'catalog.item-variant.updated',
  1,
  Changed.extend({ itemId: z.uuid() }),
  { aggregateType: 'catalog.item' },
);
export const ItemVariantDeleted = defineEvent(
  'catalog.item-variant.deleted',
  1,
  Removed.extend({ itemId: z.uuid() }),
  { aggregateType: 'catalog.item' },
);

const PriceListPayload = z.object({ id: z.uuid(), name: z.string(), currency: z.string() });
export const PriceListCreated = defineEvent('catalog.price-list.created', 1, PriceListPayload);
export const PriceListUpdated = defineEvent('catalog.price-list.updated', 1, Changed);
export const PriceListDeleted = defineEvent('catalog.price-list.deleted', 1, Removed);

/** A rule added, changed or removed: in its list's stream, so prices change in order. */
export const PriceListRulesChanged = defineEvent(
  'catalog.price-list.rules-changed',
  1,
  z.object({
    id: z.uuid(),
    ruleId: z.uuid(),
    itemId: z.uuid(),
    change: z.enum(['created', 'updated', 'deleted']),
  }),
);

/** Changed fields between two views of a record, for `*.updated` payloads. */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): string[] {
  return Object.keys(after).filter(
    (k) =>
      k !== 'updatedAt' &&
      k !== 'version' &&
      JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
}
