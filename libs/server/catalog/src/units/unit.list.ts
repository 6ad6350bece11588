import type { ListDefinition } from '@nexo/db';
import { units } from '../db/catalog.tables.js';

/** Rules about units name these fields (snake_case, as in the database). */
export const UNIT_COLUMNS = { id: units.id, code: units.code, name: units.name };

/** The filters, sorts and search of the units list. */
export const UNIT_LIST: ListDefinition = {
  fields: {
    code: { column: units.code, type: 'text', sortable: true, searchable: true },
    name: { column: units.name, type: 'text', searchable: true },
  },
  defaultSort: 'code',
  id: units.id,
};
