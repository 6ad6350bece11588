import { defineTestKit, type KitCall } from '@nexo/contracts';

/** Inventory's grants for the route matrix and its records for the tenant-isolation sweep. */
export const inventoryTestKit = defineTestKit({
  context: 'inventory',
  // No system role has a rule on inventory yet (owners and admins manage everything).
  grants: {},
  recordsOfB: async (call: KitCall) => {
    const url = '/api/v1/inventory/warehouses';
    const res = await call('POST', url, { name: 'Warehouse de B' });
    if (res.status !== 201) throw new Error(`${url}: ${res.status}`);
    const id = (res.body as { id: string }).id;
    return {
      ids: {
        [`GET ${url}/:id`]: id,
        [`PATCH ${url}/:id`]: id,
        [`DELETE ${url}/:id`]: id,
      },
      bodies: { [`PATCH ${url}/:id`]: { name: 'x' } },
      lists: [url],
      unchanged: { url: `${url}/${id}`, matches: { name: 'Warehouse de B', version: 1 } },
    };
  },
});
