import type { ListDefinition } from '@nexo/db';
import { lots } from '../db/inventory.tables.js';

/** The fields a list of lots filters, sorts and searches by (`expiresOn.lt`: expiring before). */
export const LOT_LIST: ListDefinition = {
  fields: {
    id: { column: lots.id, type: 'uuid' },
    code: { column: lots.code, type: 'text', sortable: true, searchable: true },
    expiresOn: { column: lots.expiresOn, type: 'date', sortable: true },
    itemId: { column: lots.itemId, type: 'uuid' },
    variantId: { column: lots.variantId, type: 'uuid' },
    tracking: { column: lots.tracking, type: 'text' },
  },
  defaultSort: 'code',
  id: lots.id,
};

/** The columns the permission rules' conditions may name (snake_case, as in the database). */
export const LOT_COLUMNS = {
  id: lots.id,
  item_id: lots.itemId,
  code: lots.code,
  tracking: lots.tracking,
  expires_on: lots.expiresOn,
};
