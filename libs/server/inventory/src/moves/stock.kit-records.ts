import type { KitCall, KitRecordsOfB } from '@nexo/contracts';

const V1 = '/api/v1/inventory';

/**
 * Company B's posted move for the tenant-isolation sweep (through B's API): an adjustment
 * posted into B's warehouse, so the ledger's id routes have an id of B's to refuse.
 */
export async function stockRecordsOfB(call: KitCall): Promise<KitRecordsOfB> {
  const made = async (url: string, body?: object, headers?: Record<string, string>) => {
    const res = await call('POST', url, body ?? {}, headers);
    if (res.status !== 201 && res.status !== 200)
      throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; version: number };
  };
  const unit = await made('/api/v1/catalog/units', { code: 'u-mov', name: 'Unidad de B' });
  const item = await made('/api/v1/catalog/items', {
    kind: 'stockable',
    name: 'Artículo movido de B',
    sku: 'B-MOV-1',
    unitId: unit.id,
    cost: '1',
  });
  const warehouse = await made(`${V1}/warehouses`, { code: 'WB-MOV', name: 'Depósito móvil B' });
  const root = await call('GET', `${V1}/locations?warehouseId=${warehouse.id}`);
  const locationId = (root.body as { items: { id: string }[] }).items[0]!.id;
  const adjustment = await made(`${V1}/operations`, {
    kind: 'adjustment',
    warehouseId: warehouse.id,
    locationId,
    reason: 'initial_stock',
    lines: [{ itemId: item.id, quantity: '3', unitCost: '2' }],
  });
  await made(`${V1}/operations/${adjustment.id}/post`, undefined, {
    'if-match': `"${adjustment.version}"`,
  });
  const moves = await call('GET', `${V1}/moves?sourceId=${adjustment.id}`);
  const move = (moves.body as { items: { id: string }[] }).items[0]!.id;
  return {
    ids: {
      [`GET ${V1}/moves/:id`]: move,
      [`POST ${V1}/moves/:id/reverse`]: move,
    },
    bodies: {},
    lists: [`${V1}/moves`, `${V1}/reservations`],
  };
}
