import type { ListDefinition } from '@nexo/db';
import { warehouses } from '../db/inventory.tables.js';

/** The fields a list of warehouses filters, sorts and searches by. */
export const WAREHOUSE_LIST: ListDefinition = {
  fields: {
    name: { column: warehouses.name, type: 'text', sortable: true, searchable: true },
    updatedAt: { column: warehouses.updatedAt, type: 'date', sortable: true },
  },
  defaultSort: 'name',
  id: warehouses.id,
};

/** The columns the permission rules' conditions may name. */
export const WAREHOUSE_COLUMNS = { id: warehouses.id, name: warehouses.name };
