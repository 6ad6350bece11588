import { defineTestKit, type KitCall } from '@nexo/contracts';
import { stockRecordsOfB } from '../moves/stock.kit-records.js';
import { operationRecordsOfB } from '../operations/operation.kit-records.js';

/** Operations and counts, as each role's rules in inventory.context.ts give them. */
const OPERATIONS_AND_COUNTS = [
  'read',
  'create',
  'update',
  'delete',
  'transition',
  'export',
].flatMap((action) => [`${action} inventory.operation`, `${action} inventory.count`]);

/** What every role that reads stock reads: warehouses and locations, lots, stock. */
const STOCK_READER = [
  'read inventory.warehouse',
  'read inventory.lot',
  'read inventory.stock',
  'export inventory.stock',
];
const MANAGE = ['read', 'create', 'update', 'delete', 'export'];

/** Company B's warehouse, location, tracked item's lot and reorder rule, through B's API. */
async function masterDataOfB(call: KitCall) {
  const made = async (url: string, body: object) => {
    const res = await call('POST', url, body);
    if (res.status !== 201) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return (res.body as { id: string }).id;
  };
  const V1 = '/api/v1/inventory';
  const warehouse = await made(`${V1}/warehouses`, { code: 'WB', name: 'Warehouse de B' });
  const location = await made(`${V1}/locations`, {
    warehouseId: warehouse,
    code: 'LB',
    name: 'Ubicación de B',
  });
  const unit = await made('/api/v1/catalog/units', { code: 'u-lote', name: 'Unidad lote de B' });
  const item = await made('/api/v1/catalog/items', {
    kind: 'stockable',
    name: 'Artículo con lote de B',
    sku: 'B-LOTE',
    unitId: unit,
    tracking: 'lot',
  });
  const lot = await made(`${V1}/lots`, { itemId: item, code: 'LOTE-B', notes: 'Lote de B' });
  const rule = await made(`${V1}/reorder-rules`, {
    itemId: item,
    warehouseId: warehouse,
    minimum: '1',
    maximum: '5',
  });
  const w = `${V1}/warehouses/:id`;
  const l = `${V1}/locations/:id`;
  const lots = `${V1}/lots/:id`;
  const rules = `${V1}/reorder-rules/:id`;
  return {
    warehouse,
    ids: {
      [`GET ${w}`]: warehouse,
      [`PATCH ${w}`]: warehouse,
      [`DELETE ${w}`]: warehouse,
      [`GET ${l}`]: location,
      [`PATCH ${l}`]: location,
      [`DELETE ${l}`]: location,
      [`GET ${lots}`]: lot,
      [`PATCH ${lots}`]: lot,
      [`GET ${lots}/trace`]: lot,
      [`GET ${rules}`]: rule,
      [`PATCH ${rules}`]: rule,
      [`DELETE ${rules}`]: rule,
    },
    bodies: {
      [`PATCH ${w}`]: { name: 'x' },
      [`PATCH ${l}`]: { name: 'x' },
      [`PATCH ${lots}`]: { notes: 'x' },
      [`PATCH ${rules}`]: { minimum: '0' },
    },
    lists: [
      `${V1}/warehouses`,
      `${V1}/locations`,
      `${V1}/lots`,
      `${V1}/reorder-rules`,
      `${V1}/reorder-suggestions`,
    ],
  };
}

/** Inventory's grants for the route matrix and its records for the tenant-isolation sweep. */
export const inventoryTestKit = defineTestKit({
  context: 'inventory',
  // As the roles' rules in inventory.context.ts give them (field rules open no route).
  grants: {
    sales: STOCK_READER,
    purchasing: [
      ...STOCK_READER,
      'read inventory.valuation',
      ...MANAGE.map((a) => `${a} inventory.reorder-rule`),
    ],
    warehouse: [
      ...MANAGE.flatMap((a) => [`${a} inventory.warehouse`, `${a} inventory.lot`]),
      'read inventory.stock',
      'export inventory.stock',
      ...OPERATIONS_AND_COUNTS,
      'read inventory.reorder-rule',
    ],
    production: [
      ...STOCK_READER,
      'read inventory.valuation',
      ...['read', 'create', 'update', 'transition'].map((a) => `${a} inventory.operation`),
    ],
    accountant: [
      ...STOCK_READER,
      'read inventory.valuation',
      'read inventory.operation',
      'read inventory.count',
      'read inventory.reorder-rule',
      'read inventory.settings',
    ],
    'professional-accountant': [...STOCK_READER, 'read inventory.valuation'],
  },
  recordsOfB: async (call: KitCall) => {
    const operations = await operationRecordsOfB(call);
    const master = await masterDataOfB(call);
    const stock = await stockRecordsOfB(call);
    return {
      ids: { ...master.ids, ...operations.ids, ...stock.ids },
      bodies: { ...master.bodies, ...operations.bodies, ...stock.bodies },
      lists: [...master.lists, ...operations.lists, ...stock.lists],
      unchanged: {
        url: `/api/v1/inventory/warehouses/${master.warehouse}`,
        matches: { name: 'Warehouse de B', version: 1 },
      },
    };
  },
});
