import type { ListDefinition } from '@nexo/db';
import { locations } from '../db/inventory.tables.js';

/** The fields a list of locations filters, sorts and searches by. */
export const LOCATION_LIST: ListDefinition = {
  fields: {
    path: { column: locations.path, type: 'text', sortable: true, searchable: true },
    name: { column: locations.name, type: 'text', searchable: true },
    code: { column: locations.code, type: 'text' },
    kind: { column: locations.kind, type: 'text' },
    warehouseId: { column: locations.warehouseId, type: 'uuid' },
    parentId: { column: locations.parentId, type: 'uuid' },
    active: { column: locations.active, type: 'boolean' },
  },
  defaultSort: 'path',
  id: locations.id,
};

/** The columns the permission rules' conditions may name (snake_case, as in the database). */
export const LOCATION_COLUMNS = {
  id: locations.id,
  warehouse_id: locations.warehouseId,
  kind: locations.kind,
  path: locations.path,
  active: locations.active,
};
