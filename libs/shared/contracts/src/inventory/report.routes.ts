import { z } from 'zod';
import { defineRoute, permission } from '../http/route-contract.js';
import {
  KardexQuerySchema,
  KardexSchema,
  SlowMoversQuerySchema,
  SlowMoversReportSchema,
  StockReportQuerySchema,
  StockReportSchema,
  ValuationQuerySchema,
  ValuationReportSchema,
} from './report.contracts.js';

const tag = 'Inventory';
const base = '/api/v1/inventory/reports';

/** Stock on hand, kardex, valuation and slow movers (erp.md §4: read from the summaries). */
export const REPORT_ROUTES = {
  reportStock: defineRoute({
    method: 'GET',
    path: `${base}/stock`,
    operationId: 'reportStock',
    summary:
      'Stock on hand by location, item and lot: now, or at the end of `date` from the daily summaries. Filters: warehouseId, locationId (and under it), itemId, variantId, lotId',
    tag,
    access: permission('read', 'inventory.stock'),
    query: StockReportQuerySchema,
    status: 200,
    response: StockReportSchema,
  }),
  exportStock: defineRoute({
    method: 'GET',
    path: `${base}/stock/export.csv`,
    operationId: 'exportStock',
    summary:
      'The stock report as CSV (same query, every page; costs the reader may not see are not in the file)',
    tag,
    access: permission('export', 'inventory.stock'),
    query: StockReportQuerySchema,
    status: 200,
    response: z.string(),
    responseType: 'text/csv',
    audited: true,
  }),
  reportKardex: defineRoute({
    method: 'GET',
    path: `${base}/kardex`,
    operationId: 'reportKardex',
    summary:
      "An item's moves into and out of a warehouse (or all internal and transit locations) by date, with the running quantity and value",
    tag,
    access: permission('read', 'inventory.stock'),
    query: KardexQuerySchema,
    status: 200,
    response: KardexSchema,
  }),
  reportValuation: defineRoute({
    method: 'GET',
    path: `${base}/valuation`,
    operationId: 'reportValuation',
    summary:
      "The company's stock value by item and warehouse (each item's value split over its warehouses by quantity, to the cent), with totals per warehouse and for the company",
    tag,
    access: permission('read', 'inventory.valuation'),
    query: ValuationQuerySchema,
    status: 200,
    response: ValuationReportSchema,
  }),
  exportValuation: defineRoute({
    method: 'GET',
    path: `${base}/valuation/export.csv`,
    operationId: 'exportValuation',
    summary: 'The valuation by item and warehouse as CSV (same query, every page)',
    tag,
    access: permission('export', 'inventory.valuation'),
    query: ValuationQuerySchema,
    status: 200,
    response: z.string(),
    responseType: 'text/csv',
    audited: true,
  }),
  reportSlowMovers: defineRoute({
    method: 'GET',
    path: `${base}/slow-movers`,
    operationId: 'reportSlowMovers',
    summary:
      'Stock of items (per warehouse) with nothing moved for `days` days (default 90), oldest first',
    tag,
    access: permission('read', 'inventory.stock'),
    query: SlowMoversQuerySchema,
    status: 200,
    response: SlowMoversReportSchema,
  }),
};
