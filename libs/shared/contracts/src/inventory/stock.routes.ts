import { z } from 'zod';
import { pageOf, ListQuerySchema } from '../http/list.contracts.js';
import { defineRoute, permission } from '../http/route-contract.js';
import {
  AvailabilityListSchema,
  AvailabilityQuerySchema,
  LotSuggestionQuerySchema,
  LotSuggestionsSchema,
  ReservationSchema,
  ReverseMovesResultSchema,
  StockMoveSchema,
} from './stock.contracts.js';

const tag = 'Inventory';
const V1 = '/api/v1/inventory';
const STOCK = 'inventory.stock';

/** The ledger read, reversed, and what is available and reserved. */
export const STOCK_ROUTES = {
  listStockMoves: defineRoute({
    method: 'GET',
    path: `${V1}/moves`,
    operationId: 'listStockMoves',
    summary:
      'The stock ledger, newest first. Filters: itemId, variantId, lotId, fromLocationId, toLocationId, sourceType, sourceId, effectiveDate',
    tag,
    access: permission('read', STOCK),
    query: ListQuerySchema,
    status: 200,
    response: pageOf(StockMoveSchema),
  }),
  exportStockMoves: defineRoute({
    method: 'GET',
    path: `${V1}/moves/export.csv`,
    operationId: 'exportStockMoves',
    summary: 'The stock ledger as CSV, with the list filters (costs only for who may read them)',
    tag,
    access: permission('export', STOCK),
    query: ListQuerySchema,
    status: 200,
    response: z.string(),
    responseType: 'text/csv',
    audited: true,
  }),
  getStockMove: defineRoute({
    method: 'GET',
    path: `${V1}/moves/:id`,
    operationId: 'getStockMove',
    summary: 'A posted stock move',
    tag,
    access: permission('read', STOCK),
    params: z.object({ id: z.uuid() }),
    status: 200,
    response: StockMoveSchema,
  }),
  reverseStockMove: defineRoute({
    method: 'POST',
    path: `${V1}/moves/:id/reverse`,
    operationId: 'reverseStockMove',
    summary:
      'Undo a posted move with a move the other way, at the value it had (409 already_reversed the second time; insufficient_stock when what it brought in has gone)',
    tag,
    access: permission('update', STOCK),
    params: z.object({ id: z.uuid() }),
    status: 201,
    response: ReverseMovesResultSchema,
  }),
  stockAvailability: defineRoute({
    method: 'GET',
    path: `${V1}/availability`,
    operationId: 'stockAvailability',
    summary:
      'On hand, reserved and available (on hand − reserved) of an item per warehouse, in its base unit',
    tag,
    access: permission('read', STOCK),
    query: AvailabilityQuerySchema,
    status: 200,
    response: AvailabilityListSchema,
  }),
  suggestLots: defineRoute({
    method: 'GET',
    path: `${V1}/lot-suggestions`,
    operationId: 'suggestLots',
    summary:
      'FEFO picking: the lots of an item in a warehouse that cover a quantity, first-expiring first',
    tag,
    access: permission('read', STOCK),
    query: LotSuggestionQuerySchema,
    status: 200,
    response: LotSuggestionsSchema,
  }),
  listStockReservations: defineRoute({
    method: 'GET',
    path: `${V1}/reservations`,
    operationId: 'listStockReservations',
    summary:
      'Stock held for source lines (a sales order line). Filters: itemId, warehouseId, sourceType, sourceId',
    tag,
    access: permission('read', STOCK),
    query: ListQuerySchema,
    status: 200,
    response: pageOf(ReservationSchema),
  }),
};
