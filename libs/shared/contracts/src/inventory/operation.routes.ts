import { z } from 'zod';
import { routeGroup } from '../http/route-group.js';
import { defineRoute, permission } from '../http/route-contract.js';
import {
  CountLineSchema,
  CountLinesInputSchema,
  CountListItemSchema,
  CountScanInputSchema,
  CountSchema,
  CreateCountInputSchema,
  UpdateCountInputSchema,
} from './count.contracts.js';
import {
  CreateOperationInputSchema,
  OperationListItemSchema,
  OperationSchema,
  UpdateOperationInputSchema,
} from './operation.contracts.js';

const TAG = 'Inventory';
const IdParams = z.object({ id: z.uuid() });
const OPERATIONS = '/api/v1/inventory/operations';
const COUNTS = '/api/v1/inventory/counts';

const operations = routeGroup({
  tag: TAG,
  path: OPERATIONS,
  name: 'StockOperation',
  plural: 'StockOperations',
  subject: 'inventory.operation',
  schema: OperationSchema,
  list: {
    summary:
      'Adjustments, transfers and scrap, without their lines. Filters: kind, state, number, warehouseId, effectiveDate; q searches the number',
    item: OperationListItemSchema,
  },
  export: { summary: 'Adjustments, transfers and scrap as CSV' },
  create: {
    body: CreateOperationInputSchema,
    summary:
      'Draft an adjustment (signed lines in one location, a reason), a transfer (from a location of the warehouse to another, optionally through transit) or scrap, with its lines',
  },
  get: { summary: 'One operation with its lines (item, lot, quantity)' },
  update: {
    body: UpdateOperationInputSchema,
    summary: 'Change a draft operation; lines, when given, replace them all',
  },
  remove: { summary: 'Delete a draft operation' },
});

const operationAction = (name: string, path: string, summary: string) =>
  defineRoute({
    method: 'POST',
    path: `${OPERATIONS}/:id/${path}`,
    operationId: name,
    summary,
    tag: TAG,
    access: permission('transition', 'inventory.operation'),
    params: IdParams,
    status: 200,
    response: OperationSchema,
    etag: true,
    ifMatch: true,
  });

const counts = routeGroup({
  tag: TAG,
  path: COUNTS,
  name: 'StockCount',
  plural: 'StockCounts',
  subject: 'inventory.count',
  schema: CountSchema,
  list: {
    summary:
      'Physical counts, without their lines. Filters: state, number, warehouseId, effectiveDate',
    item: CountListItemSchema,
  },
  export: { summary: 'Physical counts as CSV' },
  create: {
    body: CreateCountInputSchema,
    summary: 'Draft a count of a location of a warehouse and everything under it',
  },
  get: { summary: 'One count with its lines: expected, counted, difference' },
  update: { body: UpdateCountInputSchema, summary: 'Change a draft count' },
  remove: { summary: 'Delete a draft count' },
});

const countAction = (name: string, path: string, summary: string) =>
  defineRoute({
    method: 'POST',
    path: `${COUNTS}/:id/${path}`,
    operationId: name,
    summary,
    tag: TAG,
    access: permission('transition', 'inventory.count'),
    params: IdParams,
    status: 200,
    response: CountSchema,
    etag: true,
    ifMatch: true,
  });

/** Adjustments, transfers, scrap and physical counts: stock moved by documents of its own. */
export const OPERATION_ROUTES = {
  listStockOperations: operations.list,
  exportStockOperations: operations.export,
  createStockOperation: operations.create,
  getStockOperation: operations.get,
  updateStockOperation: operations.update,
  deleteStockOperation: operations.remove,
  postStockOperation: operationAction(
    'postStockOperation',
    'post',
    'Post an adjustment, scrap or a direct transfer: it takes its number and moves the stock',
  ),
  shipStockOperation: operationAction(
    'shipStockOperation',
    'ship',
    'Ship a transfer through transit: it takes its number and moves the stock to in-transit',
  ),
  receiveStockOperation: operationAction(
    'receiveStockOperation',
    'receive',
    'Receive a shipped transfer: the stock moves from in-transit to its destination',
  ),
  cancelStockOperation: operationAction(
    'cancelStockOperation',
    'cancel',
    'Cancel a draft operation',
  ),
  listStockCounts: counts.list,
  exportStockCounts: counts.export,
  createStockCount: counts.create,
  getStockCount: counts.get,
  updateStockCount: counts.update,
  deleteStockCount: counts.remove,
  startStockCount: countAction(
    'startStockCount',
    'start',
    'Start counting: freeze on hand of the location and everything under it as the expected quantities',
  ),
  postStockCount: countAction(
    'postStockCount',
    'post',
    'Post a count: for every counted line, move counted − expected from or to the adjustment location. Lines not counted are left as they were',
  ),
  cancelStockCount: countAction('cancelStockCount', 'cancel', 'Cancel a draft or counting count'),
  countStockCountLines: defineRoute({
    method: 'PATCH',
    path: `${COUNTS}/:id/lines`,
    operationId: 'countStockCountLines',
    summary: 'Set what was counted on lines of a count being counted (null clears it)',
    tag: TAG,
    access: permission('update', 'inventory.count'),
    params: IdParams,
    body: CountLinesInputSchema,
    status: 200,
    response: z.array(CountLineSchema),
  }),
  scanStockCount: defineRoute({
    method: 'POST',
    path: `${COUNTS}/:id/scan`,
    operationId: 'scanStockCount',
    summary:
      "A scanner's read on a count being counted: the item by barcode or SKU; adds one (or the quantity) to its line, a new line expecting 0 when it was not expected",
    tag: TAG,
    access: permission('update', 'inventory.count'),
    params: IdParams,
    body: CountScanInputSchema,
    status: 200,
    response: CountLineSchema,
  }),
};
