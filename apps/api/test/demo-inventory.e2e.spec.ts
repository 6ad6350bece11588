import { useTestDatabase } from '@nexo/testing';
import { describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_TENANT_ID, seedDemo } from '../src/seed/demo-seed.js';
import { login } from './helpers/accounts.js';
import { caller } from './helpers/catalog.js';
import { useTestApp } from './helpers/test-app.js';

type Row = Record<string, unknown>;

/**
 * The demo company's stock (issue 26): two warehouses with their locations, lots with an
 * expiry for the dairy, opening stock posted as a numbered adjustment and a transfer to the
 * branch, all read back through the API, seeded once.
 */
describe('the demo company’s stock', () => {
  const db = useTestDatabase();
  const t = useTestApp(db);

  it('has warehouses, lots for perishables and a kardex with history, seeded once', async () => {
    expect(await seedDemo(t.app)).toEqual({ seeded: true });
    expect(await seedDemo(t.app)).toEqual({ seeded: false });
    const [admin] = DEMO_LOGINS;
    const api = caller(t.app, (await login(t.app, admin, DEMO_TENANT_ID)).accessToken);

    const warehouses = (await api('GET', '/api/v1/inventory/warehouses')).body.items as Row[];
    expect(warehouses.map((w) => w.code).sort()).toEqual(['CEN', 'NOR']);
    const central = warehouses.find((w) => w.code === 'CEN')!;
    const locations = await api('GET', `/api/v1/inventory/locations?limit=100`);
    expect(locations.status).toBe(200);
    const paths = (locations.body.items as Row[]).map((l) => l.path);
    expect(paths).toEqual(expect.arrayContaining(['CEN', 'CEN/A/R1/B01', 'CEN/F', 'NOR/SAL']));

    const lots = (await api('GET', '/api/v1/inventory/lots?limit=100')).body.items as Row[];
    expect(lots.length).toBeGreaterThan(0);
    for (const lot of lots) expect(lot.expiresOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const ops = (await api('GET', '/api/v1/inventory/operations')).body.items as Row[];
    expect(ops.map((o) => [o.kind, o.number, o.state].join(' ')).sort()).toEqual([
      'adjustment AJ-00000001 posted',
      'transfer TR-00000001 posted',
    ]);
    const transfer = ops.find((o) => o.kind === 'transfer')!;
    const moved = (await api('GET', `/api/v1/inventory/moves?sourceId=${String(transfer.id)}`)).body
      .items as Row[];
    expect(moved.length).toBe(8);
    const itemId = moved[0]!.itemId as string;
    const kardex = await api(
      'GET',
      `/api/v1/inventory/reports/kardex?itemId=${itemId}&warehouseId=${String(central.id)}`,
    );
    expect(kardex.status, JSON.stringify(kardex.body)).toBe(200);
    // Into the central warehouse as opening stock; the transfer stays inside it (root → branch
    // is another warehouse), so it shows as a move out.
    const lines = kardex.body.items as Row[];
    expect(lines.map((l) => l.sourceType)).toEqual(['inventory.adjustment', 'inventory.transfer']);
    const availability = await api('GET', `/api/v1/inventory/availability?itemId=${itemId}`);
    expect((availability.body.items as Row[]).map((a) => a.warehouseId).sort()).toEqual(
      warehouses.map((w) => w.id).sort(),
    );
  });
});
