import type { ListDefinition } from '@nexo/db';
import { items } from '../db/catalog.tables.js';

/** Rules about items name these fields (snake_case, as in the database). */
export const ITEM_COLUMNS = {
  id: items.id,
  kind: items.kind,
  name: items.name,
  sku: items.sku,
  barcode: items.barcode,
  category_id: items.categoryId,
  unit_id: items.unitId,
  sales_unit_id: items.salesUnitId,
  purchase_unit_id: items.purchaseUnitId,
  cost: items.cost,
  list_price: items.listPrice,
  sales_tax_id: items.salesTaxId,
  purchase_tax_id: items.purchaseTaxId,
  status: items.status,
};

/**
 * The filters, sorts and search of the items list every reader has; the price filters
 * (`ITEM_PRICE_FILTERS`) are added for the roles that may read the prices.
 */
export const ITEM_LIST: ListDefinition = {
  fields: {
    // `id.in=a,b,…`: the items a screen names by id, in one request.
    id: { column: items.id, type: 'uuid' },
    name: { column: items.name, type: 'text', sortable: true, searchable: true },
    sku: { column: items.sku, type: 'text', sortable: true, searchable: true },
    barcode: { column: items.barcode, type: 'text', searchable: true },
    kind: { column: items.kind, type: 'text' },
    status: { column: items.status, type: 'text' },
    categoryId: { column: items.categoryId, type: 'uuid' },
    unitId: { column: items.unitId, type: 'uuid' },
    salesTaxId: { column: items.salesTaxId, type: 'uuid' },
    purchaseTaxId: { column: items.purchaseTaxId, type: 'uuid' },
  },
  defaultSort: 'name',
  id: items.id,
};

/**
 * Filters on prices only for roles that may read them: a filter would reveal the value.
 * Keyed by the field rules name, each with the list's field name and its definition.
 */
export const ITEM_PRICE_FILTERS: Record<
  'cost' | 'list_price',
  [string, ListDefinition['fields'][string]]
> = {
  cost: ['cost', { column: items.cost, type: 'number' }],
  list_price: ['listPrice', { column: items.listPrice, type: 'number' }],
};

/** The CSV export's columns, in order; those a reader may not read are left out. */
export const ITEM_CSV_COLUMNS = [
  'id',
  'sku',
  'barcode',
  'name',
  'kind',
  'status',
  'categoryId',
  'unitId',
  'salesTaxId',
  'purchaseTaxId',
  'cost',
  'listPrice',
  'margin',
] as const;
