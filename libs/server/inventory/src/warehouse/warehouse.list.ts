import type { ListDefinition } from '@nexo/db';
import { warehouses } from '../db/inventory.tables.js';

/** The fields a list of warehouses filters, sorts and searches by. */
export const WAREHOUSE_LIST: ListDefinition = {
  fields: {
    code: { column: warehouses.code, type: 'text', sortable: true, searchable: true },
    name: { column: warehouses.name, type: 'text', sortable: true, searchable: true },
    active: { column: warehouses.active, type: 'boolean' },
    updatedAt: { column: warehouses.updatedAt, type: 'date', sortable: true },
  },
  defaultSort: 'name',
  id: warehouses.id,
};

/** The columns the permission rules' conditions may name (snake_case, as in the database). */
export const WAREHOUSE_COLUMNS = {
  id: warehouses.id,
  code: warehouses.code,
  name: warehouses.name,
  active: warehouses.active,
};
