import type { ListDefinition } from '@nexo/db';
import { moves, reservations } from '../db/inventory.tables.js';

/** Rules about moves name these fields (snake_case, as in the database). */
export const MOVE_COLUMNS = {
  id: moves.id,
  item_id: moves.itemId,
  from_location_id: moves.fromLocationId,
  to_location_id: moves.toLocationId,
  source_type: moves.sourceType,
};

/** The ledger's filters and sorts: newest first by default. */
export const MOVE_LIST: ListDefinition = {
  fields: {
    itemId: { column: moves.itemId, type: 'uuid' },
    variantId: { column: moves.variantId, type: 'uuid' },
    lotId: { column: moves.lotId, type: 'uuid' },
    fromLocationId: { column: moves.fromLocationId, type: 'uuid' },
    toLocationId: { column: moves.toLocationId, type: 'uuid' },
    sourceType: { column: moves.sourceType, type: 'text' },
    sourceId: { column: moves.sourceId, type: 'uuid' },
    effectiveDate: { column: moves.effectiveDate, type: 'date', sortable: true },
    postedAt: { column: moves.postedAt, type: 'date', sortable: true },
  },
  defaultSort: '-postedAt',
  id: moves.id,
};

/** The CSV's columns, in order (costs dropped for readers who may not read them). */
export const MOVE_CSV_COLUMNS = [
  'id',
  'effectiveDate',
  'itemId',
  'variantId',
  'lotId',
  'fromLocationId',
  'toLocationId',
  'quantity',
  'unitCost',
  'value',
  'sourceType',
  'sourceId',
  'sourceLineId',
  'reversesMoveId',
  'postedAt',
];

export const RESERVATION_COLUMNS = {
  id: reservations.id,
  item_id: reservations.itemId,
  warehouse_id: reservations.warehouseId,
};

export const RESERVATION_LIST: ListDefinition = {
  fields: {
    itemId: { column: reservations.itemId, type: 'uuid' },
    warehouseId: { column: reservations.warehouseId, type: 'uuid' },
    sourceType: { column: reservations.sourceType, type: 'text' },
    sourceId: { column: reservations.sourceId, type: 'uuid' },
    createdAt: { column: reservations.createdAt, type: 'date', sortable: true },
  },
  defaultSort: '-createdAt',
  id: reservations.id,
};
