import { adminClient, useTestDatabase } from '@nexo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, login, type TestAccount } from './helpers/accounts.js';
import { caller, createItem, seedMasters, type Caller } from './helpers/catalog.js';
import { useTestApp } from './helpers/test-app.js';

const V1 = '/api/v1/inventory';
type Doc = Record<string, unknown> & { id: string; version: number };

/**
 * Inventory's master data through the HTTP API on a real PostgreSQL (issue 26): warehouses
 * with their root and the virtual locations, the negative-stock setting and its refusals as
 * problems with their codes, locations, lots and their trace, settings, reorder suggestions.
 */
describe('inventory master data', () => {
  const db = useTestDatabase();
  const t = useTestApp(db);
  let admin: TestAccount;
  let api: Caller;
  let other: Caller;
  let item: string;
  let tracked: string;

  const made = async (url: string, body: object): Promise<Doc> => {
    const res = await api('POST', url, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as Doc;
  };
  const patch = (url: string, doc: Doc, body: object) =>
    api('PATCH', `${url}/${doc.id}`, body, { 'if-match': `"${doc.version}"` });
  const post = async (doc: Doc) => {
    const res = await api('POST', `${V1}/operations/${doc.id}/post`, undefined, {
      'if-match': `"${doc.version}"`,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };

  beforeAll(async () => {
    admin = await createAccount(t.app, db.current, { roles: ['admin'] });
    api = caller(t.app, (await login(t.app, admin)).accessToken);
    other = caller(
      t.app,
      (await login(t.app, await createAccount(t.app, db.current, { roles: ['admin'] })))
        .accessToken,
    );
    const m = await seedMasters(api);
    item = (
      await createItem(api, {
        kind: 'stockable',
        name: 'Perno',
        sku: 'PER-1',
        unitId: m.u,
        cost: '3',
      })
    ).id as string;
    tracked = (
      await createItem(api, {
        kind: 'stockable',
        name: 'Yogur',
        sku: 'YOG-1',
        unitId: m.u,
        cost: '1',
        tracking: 'lot',
      })
    ).id as string;
  });

  it('creates a warehouse with its root, lists the virtual locations, renames its paths', async () => {
    const w = await made(`${V1}/warehouses`, { code: 'CEN', name: 'Central', address: 'Av. 1' });
    expect(w).toMatchObject({ code: 'CEN', allowNegative: false, active: true, address: 'Av. 1' });
    const zone = await made(`${V1}/locations`, { warehouseId: w.id, code: 'A', name: 'Zona A' });
    expect(zone).toMatchObject({ path: 'CEN/A', kind: 'internal' });
    const list = await api('GET', `${V1}/locations?limit=50`);
    expect((list.body as { items: { path: string }[] }).items.map((l) => l.path)).toEqual([
      'CEN',
      'CEN/A',
      '~adjustment',
      '~customer',
      '~production',
      '~scrap',
      '~supplier',
      '~transit',
    ]);
    const renamed = await patch(`${V1}/warehouses`, w, { code: 'CTR' });
    expect(renamed.status).toBe(200);
    expect((await api('GET', `${V1}/locations/${zone.id}`)).body).toMatchObject({
      path: 'CTR/A',
    });
    const virtual = (list.body as { items: Doc[] }).items.find((l) => l.path === '~scrap') as Doc;
    const refused = await patch(`${V1}/locations`, virtual, { name: 'x' });
    expect(refused.status).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'location_not_editable' });
  });

  it('refuses to forbid negative stock below zero, and to delete a warehouse with moves', async () => {
    const w = await made(`${V1}/warehouses`, {
      code: 'NEG',
      name: 'Negativo',
      allowNegative: true,
    });
    const zone = await made(`${V1}/locations`, { warehouseId: w.id, code: 'Z', name: 'Z' });
    const lost = await made(`${V1}/operations`, {
      kind: 'adjustment',
      warehouseId: w.id,
      locationId: zone.id,
      reason: 'damage',
      lines: [{ itemId: item, quantity: '-3' }],
    });
    await post(lost);
    const refused = await patch(`${V1}/warehouses`, w, { allowNegative: false });
    expect(refused.status).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'negative_stock_exists' });
    const removed = await api('DELETE', `${V1}/warehouses/${w.id}`, undefined, {
      'if-match': `"${w.version}"`,
    });
    expect(removed.status).toBe(409);
    expect(removed.body).toMatchObject({ code: 'warehouse_in_use' });
    // An empty one goes, with its root.
    const empty = await made(`${V1}/warehouses`, { code: 'EMP', name: 'Vacío' });
    expect(
      (await api('DELETE', `${V1}/warehouses/${empty.id}`, undefined, { 'if-match': '"1"' }))
        .status,
    ).toBe(204);
  });

  // The company has moves by now (the adjustments above).
  it('locks the valuation method once a move exists; the lock date stays free', async () => {
    expect((await api('GET', `${V1}/settings`)).body).toMatchObject({ valuationMethod: 'average' });
    const locked = await api('PUT', `${V1}/settings`, { valuationMethod: 'fifo' });
    expect(locked.status).toBe(409);
    expect(locked.body).toMatchObject({ code: 'valuation_method_locked' });
    const dated = await api('PUT', `${V1}/settings`, { stockLockDate: '2026-01-31' });
    expect(dated.status).toBe(200);
    expect(dated.body).toMatchObject({ valuationMethod: 'average', stockLockDate: '2026-01-31' });
  });

  it('traces a lot, and hides it from another company', async () => {
    const w = await made(`${V1}/warehouses`, { code: 'FRI', name: 'Frío' });
    const zone = await made(`${V1}/locations`, { warehouseId: w.id, code: 'C1', name: 'Cámara 1' });
    const lot = await made(`${V1}/lots`, {
      itemId: tracked,
      code: 'L-2026-12',
      expiresOn: '2027-01-15',
    });
    expect(lot).toMatchObject({ tracking: 'lot', expiresOn: '2027-01-15' });
    const untracked = await api('POST', `${V1}/lots`, { itemId: item, code: 'X-1' });
    expect(untracked.status).toBe(422);
    expect(untracked.body).toMatchObject({ code: 'item_not_tracked' });
    const found = await made(`${V1}/operations`, {
      kind: 'adjustment',
      warehouseId: w.id,
      locationId: zone.id,
      reason: 'found',
      lines: [{ itemId: tracked, lotId: lot.id, quantity: '6', unitCost: '1' }],
    });
    await post(found);
    const trace = await api('GET', `${V1}/lots/${lot.id}/trace`);
    expect(trace.status).toBe(200);
    expect(trace.body).toMatchObject({
      lot: { id: lot.id, code: 'L-2026-12' },
      moves: [{ fromPath: '~adjustment', toPath: 'FRI/C1', quantity: '6', sourceId: found.id }],
    });
    const expiring = await api('GET', `${V1}/lots?expiresOn.lt=2027-02-01`);
    expect((expiring.body as { items: Doc[] }).items.map((l) => l.id)).toEqual([lot.id]);
    expect((await other('GET', `${V1}/lots/${lot.id}/trace`)).status).toBe(404);
  });

  it('suggests what to reorder from on hand less reserved', async () => {
    const w = await made(`${V1}/warehouses`, { code: 'REP', name: 'Reposición' });
    const rule = await made(`${V1}/reorder-rules`, {
      itemId: item,
      warehouseId: w.id,
      minimum: '5',
      maximum: '30',
      multiple: '12',
    });
    expect(rule).toMatchObject({ minimum: '5', maximum: '30', multiple: '12' });
    const res = await api('GET', `${V1}/reorder-suggestions?warehouseId=${w.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [
        expect.objectContaining({
          ruleId: rule.id,
          itemId: item,
          warehouseId: w.id,
          onHand: '0',
          projected: '0',
          quantity: '36',
        }),
      ],
    });
    // The rule's write queued the company's daily run, once.
    const client = await adminClient(db.current);
    try {
      const { rows } = await client.query(
        `select state from pgboss.job where name = 'inventory.reorder.suggest'
            and data->>'tenantId' = $1`,
        [admin.tenantId],
      );
      expect(rows).toEqual([{ state: 'created' }]);
    } finally {
      await client.end();
    }
    expect((await other('GET', `${V1}/reorder-suggestions`)).body).toEqual({ items: [] });
  });
});
