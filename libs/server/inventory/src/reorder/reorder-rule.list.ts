import type { ListDefinition } from '@nexo/db';
import { reorderRules } from '../db/inventory.tables.js';

/** The fields a list of reorder rules filters and sorts by. */
export const REORDER_RULE_LIST: ListDefinition = {
  fields: {
    itemId: { column: reorderRules.itemId, type: 'uuid' },
    variantId: { column: reorderRules.variantId, type: 'uuid' },
    warehouseId: { column: reorderRules.warehouseId, type: 'uuid' },
    updatedAt: { column: reorderRules.updatedAt, type: 'date', sortable: true },
  },
  defaultSort: 'updatedAt',
  id: reorderRules.id,
};

/** The columns the permission rules' conditions may name (snake_case, as in the database). */
export const REORDER_RULE_COLUMNS = {
  id: reorderRules.id,
  item_id: reorderRules.itemId,
  warehouse_id: reorderRules.warehouseId,
};
