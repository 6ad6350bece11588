import type { ListDefinition } from '@nexo/db';
import { categories } from '../db/catalog.tables.js';

/** Rules about categories name these fields (snake_case, as in the database). */
export const CATEGORY_COLUMNS = {
  id: categories.id,
  parent_id: categories.parentId,
  name: categories.name,
};

/** The filters, sorts and search of the categories list. */
export const CATEGORY_LIST: ListDefinition = {
  fields: {
    name: { column: categories.name, type: 'text', sortable: true, searchable: true },
    parentId: { column: categories.parentId, type: 'uuid' },
  },
  defaultSort: 'name',
  id: categories.id,
};
