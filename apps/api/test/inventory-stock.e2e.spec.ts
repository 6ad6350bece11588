import { adminClient, useTestDatabase } from '@nexo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, login, type TestAccount } from './helpers/accounts.js';
import { caller, createItem, seedMasters, type Caller } from './helpers/catalog.js';
import { useTestApp } from './helpers/test-app.js';

const V1 = '/api/v1/inventory';
type Move = Record<string, unknown> & { id: string };

/**
 * The stock ledger through the HTTP API (issue 26): the moves a posted adjustment made, their
 * costs hidden from a role that may not read costs, a reversal that restores the stock and is
 * refused the second time, availability per warehouse and FEFO lot suggestions.
 */
describe('inventory stock ledger API', () => {
  const db = useTestDatabase();
  const t = useTestApp(db);
  let admin: TestAccount;
  let api: Caller;
  let sales: Caller;
  let warehouse: string;
  let root: string;
  let bolt: string;
  let yogurt: string;

  const made = async (url: string, body: object) => {
    const res = await api('POST', url, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as Record<string, unknown> & { id: string; version: number };
  };
  const post = async (body: object) => {
    const draft = await made(`${V1}/operations`, body);
    const res = await api('POST', `${V1}/operations/${draft.id}/post`, undefined, {
      'if-match': `"${draft.version}"`,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return draft.id;
  };

  beforeAll(async () => {
    admin = await createAccount(t.app, db.current, { roles: ['admin'] });
    api = caller(t.app, (await login(t.app, admin)).accessToken);
    const seller = await createAccount(t.app, db.current, {
      roles: ['sales'],
      tenantId: admin.tenantId,
    });
    sales = caller(t.app, (await login(t.app, seller)).accessToken);
    const m = await seedMasters(api);
    bolt = (await createItem(api, { kind: 'stockable', name: 'Bulón', sku: 'BUL-1', unitId: m.u }))
      .id as string;
    yogurt = (
      await createItem(api, {
        kind: 'stockable',
        tracking: 'lot',
        name: 'Yogur',
        sku: 'YOG-1',
        unitId: m.u,
      })
    ).id as string;
    warehouse = (await made(`${V1}/warehouses`, { code: 'CEN', name: 'Central' })).id;
    const client = await adminClient(db.current);
    try {
      const { rows } = await client.query<{ id: string }>(
        'select id from inventory.locations where tenant_id = $1 and warehouse_id = $2 and parent_id is null',
        [admin.tenantId, warehouse],
      );
      root = rows[0]!.id;
    } finally {
      await client.end();
    }
  });

  it('lists the moves a posting made, with costs only for who may read them', async () => {
    const source = await post({
      kind: 'adjustment',
      warehouseId: warehouse,
      locationId: root,
      reason: 'initial_stock',
      lines: [{ itemId: bolt, quantity: '12', unitCost: '3.25' }],
    });
    const list = await api('GET', `${V1}/moves?sourceId=${source}`);
    expect(list.status).toBe(200);
    const [move] = (list.body as { items: Move[] }).items;
    expect(move).toMatchObject({
      itemId: bolt,
      toLocationId: root,
      quantity: '12',
      unitCost: '3.25',
      value: '39',
      sourceType: 'inventory.adjustment',
      sourceId: source,
    });
    const one = await api('GET', `${V1}/moves/${move!.id}`);
    expect(one.body).toMatchObject({ id: move!.id, value: '39' });
    // Sales reads stock, never what it cost.
    const seen = await sales('GET', `${V1}/moves/${move!.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ id: move!.id, quantity: '12' });
    expect(seen.body).not.toHaveProperty('unitCost');
    expect(seen.body).not.toHaveProperty('value');
    const csv = await sales('GET', `${V1}/moves/export.csv?sourceId=${source}`);
    expect(csv.status).toBe(200);
    const header = csv.raw.toString('utf8').split('\n')[0] ?? '';
    expect(header).toContain('quantity');
    expect(header).not.toContain('value');
    expect((await sales('POST', `${V1}/moves/${move!.id}/reverse`)).status).toBe(403);
  });

  it('reverses a move once, restoring what is available', async () => {
    const source = await post({
      kind: 'adjustment',
      warehouseId: warehouse,
      locationId: root,
      reason: 'found',
      lines: [{ itemId: bolt, quantity: '5', unitCost: '3.25' }],
    });
    const before = await api('GET', `${V1}/availability?itemId=${bolt}&warehouseId=${warehouse}`);
    const onHand = (before.body as { items: { onHand: string }[] }).items[0]!.onHand;
    const list = await api('GET', `${V1}/moves?sourceId=${source}`);
    const id = (list.body as { items: Move[] }).items[0]!.id;
    const reversed = await api('POST', `${V1}/moves/${id}/reverse`);
    expect(reversed.status, JSON.stringify(reversed.body)).toBe(201);
    expect(reversed.body).toMatchObject({
      moves: [{ reversesMoveId: id, fromLocationId: root, quantity: '5', value: '16.25' }],
    });
    const after = await api('GET', `${V1}/availability?itemId=${bolt}&warehouseId=${warehouse}`);
    expect((after.body as { items: { onHand: string; available: string }[] }).items[0]).toEqual(
      expect.objectContaining({
        onHand: String(BigInt(onHand) - 5n),
        available: String(BigInt(onHand) - 5n),
      }),
    );
    const again = await api('POST', `${V1}/moves/${id}/reverse`);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'already_reversed' });
  });

  it('suggests the first-expiring lots for a quantity', async () => {
    const lots: Record<string, string> = {};
    for (const [code, expiresOn] of [
      ['Y-MAR', '2027-03-10'],
      ['Y-JAN', '2027-01-20'],
    ] as const)
      lots[code] = (await made(`${V1}/lots`, { itemId: yogurt, code, expiresOn })).id;
    await post({
      kind: 'adjustment',
      warehouseId: warehouse,
      locationId: root,
      reason: 'initial_stock',
      lines: [
        { itemId: yogurt, lotId: lots['Y-MAR'], quantity: '10', unitCost: '1' },
        { itemId: yogurt, lotId: lots['Y-JAN'], quantity: '4', unitCost: '1' },
      ],
    });
    const res = await api(
      'GET',
      `${V1}/lot-suggestions?itemId=${yogurt}&warehouseId=${warehouse}&quantity=6`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      items: [
        expect.objectContaining({ code: 'Y-JAN', take: '4', expiresOn: '2027-01-20' }),
        expect.objectContaining({ code: 'Y-MAR', take: '2' }),
      ],
      missing: '0',
    });
    const bad = await api('GET', `${V1}/lot-suggestions?itemId=${yogurt}&warehouseId=${warehouse}`);
    expect(bad.status).toBe(400);
  });
});
