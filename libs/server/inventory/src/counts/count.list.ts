import type { ListDefinition } from '@nexo/db';
import { counts } from '../db/inventory.tables.js';

/** The fields a list of counts filters, sorts and searches by. */
export const COUNT_LIST: ListDefinition = {
  fields: {
    number: { column: counts.number, type: 'text', sortable: true, searchable: true },
    state: { column: counts.state, type: 'text' },
    warehouseId: { column: counts.warehouseId, type: 'uuid' },
    locationId: { column: counts.locationId, type: 'uuid' },
    effectiveDate: { column: counts.effectiveDate, type: 'date', sortable: true },
    createdAt: { column: counts.createdAt, type: 'date', sortable: true },
    updatedAt: { column: counts.updatedAt, type: 'date', sortable: true },
  },
  defaultSort: '-createdAt',
  id: counts.id,
};

/** The columns the permission rules' conditions may name (snake_case). */
export const COUNT_COLUMNS = {
  id: counts.id,
  state: counts.state,
  number: counts.number,
  warehouse_id: counts.warehouseId,
  location_id: counts.locationId,
  effective_date: counts.effectiveDate,
};

export const COUNT_CSV_COLUMNS = [
  'number',
  'state',
  'warehouseId',
  'locationId',
  'effectiveDate',
  'frozenAt',
  'issuedAt',
  'notes',
] as const;
