import type { ListDefinition } from '@nexo/db';
import { priceListRules, priceLists } from '../db/catalog.tables.js';

/** Rules about price lists name these fields (snake_case, as in the database). */
export const PRICE_LIST_COLUMNS = {
  id: priceLists.id,
  name: priceLists.name,
  currency: priceLists.currency,
  party_id: priceLists.partyId,
  customer_group: priceLists.customerGroup,
  valid_from: priceLists.validFrom,
  valid_to: priceLists.validTo,
  active: priceLists.active,
};

/** The filters, sorts and search of the price lists list. */
export const PRICE_LIST_LIST: ListDefinition = {
  fields: {
    name: { column: priceLists.name, type: 'text', sortable: true, searchable: true },
    currency: { column: priceLists.currency, type: 'text' },
    partyId: { column: priceLists.partyId, type: 'uuid' },
    customerGroup: { column: priceLists.customerGroup, type: 'text' },
    active: { column: priceLists.active, type: 'boolean' },
  },
  defaultSort: 'name',
  id: priceLists.id,
};

/** The filters and order of a price list's rules (read with their list: no rules of their own). */
export const PRICE_LIST_RULE_LIST: ListDefinition = {
  fields: {
    id: { column: priceListRules.id, type: 'uuid', sortable: true },
    itemId: { column: priceListRules.itemId, type: 'uuid' },
    variantId: { column: priceListRules.variantId, type: 'uuid' },
    kind: { column: priceListRules.kind, type: 'text' },
  },
  defaultSort: 'id',
  id: priceListRules.id,
};
