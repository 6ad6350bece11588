import type { ListDefinition } from '@nexo/db';
import { taxRates } from '../db/catalog.tables.js';

/** Rules about tax rates name these fields (snake_case, as in the database). */
export const TAX_RATE_COLUMNS = {
  id: taxRates.id,
  code: taxRates.code,
  name: taxRates.name,
  kind: taxRates.kind,
  computation: taxRates.computation,
  rate: taxRates.rate,
  amount: taxRates.amount,
  included_in_price: taxRates.includedInPrice,
  country: taxRates.country,
  threshold: taxRates.threshold,
  minimum_tax: taxRates.minimumTax,
  active: taxRates.active,
};

/** The filters, sorts and search of the tax rates list. */
export const TAX_RATE_LIST: ListDefinition = {
  fields: {
    code: { column: taxRates.code, type: 'text', sortable: true, searchable: true },
    name: { column: taxRates.name, type: 'text', searchable: true },
    kind: { column: taxRates.kind, type: 'text' },
    country: { column: taxRates.country, type: 'text' },
    active: { column: taxRates.active, type: 'boolean' },
  },
  defaultSort: 'code',
  id: taxRates.id,
};
