import type { KitCall, KitRecordsOfB } from '@nexo/contracts';

const V1 = '/api/v1/inventory';

/**
 * Company B's operation and count for the tenant-isolation sweep (through B's API): a draft
 * adjustment and a count being counted, so that every id route of theirs has an id of B's.
 */
export async function operationRecordsOfB(call: KitCall): Promise<KitRecordsOfB> {
  const made = async (url: string, body?: object, headers?: Record<string, string>) => {
    const res = await call('POST', url, body ?? {}, headers);
    if (res.status !== 201 && res.status !== 200)
      throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; version: number; locationId: string };
  };
  const unit = await made('/api/v1/catalog/units', { code: 'u-inv', name: 'Unidad de stock de B' });
  const item = await made('/api/v1/catalog/items', {
    kind: 'stockable',
    name: 'Artículo de stock de B',
    sku: 'B-INV-1',
    unitId: unit.id,
    cost: '1',
  });
  const warehouse = await made(`${V1}/warehouses`, { code: 'WB-OPS', name: 'Depósito de B' });
  const count = await made(`${V1}/counts`, { warehouseId: warehouse.id, notes: 'Recuento de B' });
  await made(`${V1}/counts/${count.id}/start`, undefined, { 'if-match': `"${count.version}"` });
  const operation = await made(`${V1}/operations`, {
    kind: 'adjustment',
    warehouseId: warehouse.id,
    locationId: count.locationId,
    reason: 'found',
    notes: 'Ajuste de B',
    lines: [{ itemId: item.id, quantity: '1' }],
  });
  const ops = `${V1}/operations/:id`;
  const counts = `${V1}/counts/:id`;
  return {
    ids: {
      [`GET ${ops}`]: operation.id,
      [`PATCH ${ops}`]: operation.id,
      [`DELETE ${ops}`]: operation.id,
      [`POST ${ops}/post`]: operation.id,
      [`POST ${ops}/ship`]: operation.id,
      [`POST ${ops}/receive`]: operation.id,
      [`POST ${ops}/cancel`]: operation.id,
      [`GET ${counts}`]: count.id,
      [`PATCH ${counts}`]: count.id,
      [`DELETE ${counts}`]: count.id,
      [`POST ${counts}/start`]: count.id,
      [`POST ${counts}/post`]: count.id,
      [`POST ${counts}/cancel`]: count.id,
      [`PATCH ${counts}/lines`]: count.id,
      [`POST ${counts}/scan`]: count.id,
    },
    bodies: {
      [`PATCH ${ops}`]: { notes: 'x' },
      [`PATCH ${counts}`]: { notes: 'x' },
      [`PATCH ${counts}/lines`]: { lines: [{ id: operation.id, counted: '1' }] },
      [`POST ${counts}/scan`]: { code: 'B-INV-1' },
    },
    lists: [`${V1}/operations`, `${V1}/counts`],
  };
}
