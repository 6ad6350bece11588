import type { ListDefinition } from '@nexo/db';
import { exchangeRates } from '../db/tenancy.tables.js';

/** The filters and sorts of the rates list (a date range is `from` and `to`, not a filter). */
export const EXCHANGE_RATE_LIST: ListDefinition = {
  fields: {
    currency: { column: exchangeRates.currency, type: 'text', sortable: true },
    date: { column: exchangeRates.rateDate, type: 'date', sortable: true },
    source: { column: exchangeRates.source, type: 'text' },
  },
  defaultSort: '-date',
  id: exchangeRates.id,
};
