import type { ListDefinition } from '@nexo/db';
import { itemVariants } from '../db/catalog.tables.js';

/**
 * The filters, sorts and search of an item's variants (read with their item: no rules of
 * their own name a variant's fields).
 */
export const ITEM_VARIANT_LIST: ListDefinition = {
  fields: {
    sku: { column: itemVariants.sku, type: 'text', sortable: true, searchable: true },
    barcode: { column: itemVariants.barcode, type: 'text' },
    status: { column: itemVariants.status, type: 'text' },
  },
  defaultSort: 'sku',
  id: itemVariants.id,
};
