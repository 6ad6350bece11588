import { routeGroup } from '../http/route-group.js';
import {
  CreateWarehouseInputSchema,
  UpdateWarehouseInputSchema,
  WarehouseSchema,
} from './warehouse.contracts.js';

const warehouses = routeGroup({
  tag: 'Inventory',
  path: '/api/v1/inventory/warehouses',
  name: 'Warehouse',
  plural: 'Warehouses',
  subject: 'inventory.warehouse',
  schema: WarehouseSchema,
  list: { summary: 'Warehouses of the company. Filters: name; q searches the name' },
  create: { body: CreateWarehouseInputSchema },
  get: {},
  update: { body: UpdateWarehouseInputSchema },
  remove: {},
});

/** Warehouses, locations, lots, settings and reorder rules: the context's master data. */
export const WAREHOUSE_ROUTES = {
  listWarehouses: warehouses.list,
  createWarehouse: warehouses.create,
  getWarehouse: warehouses.get,
  updateWarehouse: warehouses.update,
  deleteWarehouse: warehouses.remove,
};
