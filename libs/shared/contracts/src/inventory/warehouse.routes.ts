import { z } from 'zod';
import { defineRoute, permission } from '../http/route-contract.js';
import { routeGroup } from '../http/route-group.js';
import {
  CreateLocationInputSchema,
  LocationSchema,
  UpdateLocationInputSchema,
} from './location.contracts.js';
import {
  CreateLotInputSchema,
  LotSchema,
  LotTraceSchema,
  UpdateLotInputSchema,
} from './lot.contracts.js';
import {
  CreateReorderRuleInputSchema,
  ReorderRuleSchema,
  ReorderSuggestionsQuerySchema,
  ReorderSuggestionsSchema,
  UpdateReorderRuleInputSchema,
} from './reorder.contracts.js';
import {
  InventorySettingsSchema,
  UpdateInventorySettingsInputSchema,
} from './settings.contracts.js';
import {
  CreateWarehouseInputSchema,
  UpdateWarehouseInputSchema,
  WarehouseSchema,
} from './warehouse.contracts.js';

const tag = 'Inventory';
const base = '/api/v1/inventory';
const IdParams = z.object({ id: z.uuid() });

const warehouses = routeGroup({
  tag,
  path: `${base}/warehouses`,
  name: 'Warehouse',
  plural: 'Warehouses',
  subject: 'inventory.warehouse',
  schema: WarehouseSchema,
  list: {
    summary: 'Warehouses of the company. Filters: code, name, active. q searches code and name',
  },
  create: {
    body: CreateWarehouseInputSchema,
    summary: 'Create a warehouse, with its root location (and the company’s virtual ones)',
  },
  get: {},
  update: {
    body: UpdateWarehouseInputSchema,
    summary:
      'Change a warehouse; `allowNegative` is copied onto its stock (refused while any is below zero)',
  },
  remove: { summary: 'Delete a warehouse that never had stock moves (deactivate it otherwise)' },
});

const locations = routeGroup({
  tag,
  path: `${base}/locations`,
  name: 'Location',
  plural: 'Locations',
  subject: 'inventory.warehouse',
  schema: LocationSchema,
  list: {
    summary:
      'Locations: the internal ones of each warehouse and the company’s virtual ones. Filters: warehouseId, parentId, kind, active. q searches path and name. Sort: path',
  },
  create: {
    body: CreateLocationInputSchema,
    summary: 'Create an internal location under a parent (or the warehouse’s root)',
  },
  get: {},
  update: {
    body: UpdateLocationInputSchema,
    summary:
      'Rename or move an internal location inside its warehouse; its children’s paths follow',
  },
  remove: { summary: 'Delete an internal location with no children and no stock history' },
});

const lots = routeGroup({
  tag,
  path: `${base}/lots`,
  name: 'Lot',
  plural: 'Lots',
  subject: 'inventory.lot',
  schema: LotSchema,
  list: {
    summary:
      'Lots and serial numbers. Filters: id (id.in=a,b for several), itemId, variantId, tracking, expiresOn (lt, lte: expiring before). q searches the code. Sort: code, expiresOn',
  },
  create: {
    body: CreateLotInputSchema,
    summary: 'Create a lot or serial number of a tracked item',
  },
  get: {},
  update: { body: UpdateLotInputSchema, summary: 'Change a lot’s expiry or notes' },
});

const reorderRules = routeGroup({
  tag,
  path: `${base}/reorder-rules`,
  name: 'ReorderRule',
  plural: 'ReorderRules',
  subject: 'inventory.reorder-rule',
  schema: ReorderRuleSchema,
  list: { summary: 'Min/max reorder rules. Filters: itemId, warehouseId. Sort: updatedAt' },
  create: { body: CreateReorderRuleInputSchema, summary: 'Create a min/max rule' },
  get: {},
  update: { body: UpdateReorderRuleInputSchema, summary: 'Change a rule’s figures' },
  remove: {},
});

/** Warehouses, locations, lots, settings and reorder rules: the context's master data. */
export const WAREHOUSE_ROUTES = {
  listWarehouses: warehouses.list,
  createWarehouse: warehouses.create,
  getWarehouse: warehouses.get,
  updateWarehouse: warehouses.update,
  deleteWarehouse: warehouses.remove,

  listLocations: locations.list,
  createLocation: locations.create,
  getLocation: locations.get,
  updateLocation: locations.update,
  deleteLocation: locations.remove,

  listLots: lots.list,
  createLot: lots.create,
  getLot: lots.get,
  updateLot: lots.update,
  traceLot: defineRoute({
    method: 'GET',
    path: `${base}/lots/:id/trace`,
    operationId: 'traceLot',
    summary: 'Where a lot or serial came from and went: its moves in the order they posted',
    tag,
    access: permission('read', 'inventory.lot'),
    params: IdParams,
    status: 200,
    response: LotTraceSchema,
  }),

  getInventorySettings: defineRoute({
    method: 'GET',
    path: `${base}/settings`,
    operationId: 'getInventorySettings',
    summary: 'The valuation method and the stock lock date',
    tag,
    access: permission('read', 'inventory.settings'),
    status: 200,
    response: InventorySettingsSchema,
  }),
  updateInventorySettings: defineRoute({
    method: 'PUT',
    path: `${base}/settings`,
    operationId: 'updateInventorySettings',
    summary:
      'Change the stock lock date, or the valuation method while there are no stock moves yet',
    tag,
    access: permission('update', 'inventory.settings'),
    body: UpdateInventorySettingsInputSchema,
    status: 200,
    response: InventorySettingsSchema,
  }),

  listReorderRules: reorderRules.list,
  createReorderRule: reorderRules.create,
  getReorderRule: reorderRules.get,
  updateReorderRule: reorderRules.update,
  deleteReorderRule: reorderRules.remove,
  listReorderSuggestions: defineRoute({
    method: 'GET',
    path: `${base}/reorder-suggestions`,
    operationId: 'listReorderSuggestions',
    summary:
      'What each rule says to order now: where on hand less reserved is at or below the minimum, up to the maximum in multiples',
    tag,
    access: permission('read', 'inventory.reorder-rule'),
    query: ReorderSuggestionsQuerySchema,
    status: 200,
    response: ReorderSuggestionsSchema,
  }),
};
