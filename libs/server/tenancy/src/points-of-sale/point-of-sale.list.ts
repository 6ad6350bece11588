import type { ListDefinition } from '@nexo/db';
import { pointsOfSale } from '../db/tenancy.tables.js';

/** The filters and sorts of the points of sale list. */
export const POINT_OF_SALE_LIST: ListDefinition = {
  fields: {
    number: { column: pointsOfSale.number, type: 'number', sortable: true },
    name: { column: pointsOfSale.name, type: 'text', sortable: true, searchable: true },
    active: { column: pointsOfSale.active, type: 'boolean' },
  },
  defaultSort: 'number',
  id: pointsOfSale.id,
};
