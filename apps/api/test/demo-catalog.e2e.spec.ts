import { ItemSchema, gtinCheckDigitOk } from '@nexo/contracts';
import { useTestDatabase } from '@nexo/testing';
import { describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_TENANT_ID, seedDemo } from '../src/seed/demo-seed.js';
import { login } from './helpers/accounts.js';
import { caller } from './helpers/catalog.js';
import { useTestApp } from './helpers/test-app.js';

/** The demo company's catalog: seeded once, whole, fast, and usable through the API as seeded. */
describe('the demo company’s catalog', () => {
  const db = useTestDatabase();
  const t = useTestApp(db);

  it('seeds the company and its catalog once, and the catalog reads well through the API', async () => {
    const started = Date.now();
    expect(await seedDemo(t.app)).toEqual({ seeded: true });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await seedDemo(t.app)).toEqual({ seeded: false });

    const [admin, seller] = DEMO_LOGINS;
    const api = caller(t.app, (await login(t.app, admin, DEMO_TENANT_ID)).accessToken);
    const all: Record<string, unknown>[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await api(
        'GET',
        `/api/v1/catalog/items?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      all.push(...(page.body.items as Record<string, unknown>[]));
      cursor = page.body.nextCursor as string | null;
    }
    expect(all.length).toBeGreaterThanOrEqual(100);
    for (const item of all) {
      // What the seed wrote is what the API would have accepted.
      expect(
        ItemSchema.safeParse({ ...item, createdAt: new Date(), updatedAt: new Date() }).success,
      ).toBe(true);
      if (item.barcode) expect(gtinCheckDigitOk(item.barcode as string)).toBe(true);
    }
    const kinds = new Set(all.map((i) => i.kind));
    expect([...kinds].sort()).toEqual(['consumable', 'service', 'stockable']);
    const units = await api('GET', '/api/v1/catalog/units');
    expect(units.body.items.map((u: { code: string }) => u.code)).toEqual(
      expect.arrayContaining(['u', 'caja12', 'kg']),
    );
    // The Argentine pack's taxes; the items use iva21, iva105 and exento.
    const taxes = await api('GET', '/api/v1/catalog/tax-rates');
    expect(taxes.body.items.map((x: { code: string }) => x.code).sort()).toEqual([
      'exento',
      'iibb_percepcion',
      'iva0',
      'iva105',
      'iva21',
      'iva27',
      'no_gravado',
    ]);
    expect(taxes.body.items.find((x: { code: string }) => x.code === 'iva105')).toMatchObject({
      name: 'IVA 10,5%',
      active: true,
    });
    const gloves = all.find((i) => i.sku === 'LIM-GUA-LAT') as { id: string };
    const sizes = await api('GET', `/api/v1/catalog/items/${gloves.id}/variants`);
    expect(
      sizes.body.items.map((v: { attributes: { talle: string } }) => v.attributes.talle).sort(),
    ).toEqual(['L', 'M', 'S']);

    // The seller of the demo sees no costs, and the wholesale breaks price by the box.
    const sales = caller(t.app, (await login(t.app, seller, DEMO_TENANT_ID)).accessToken);
    const wine = await sales('GET', '/api/v1/catalog/items?sku=BEB-VIN-MAL-750');
    expect(wine.body.items[0]).toMatchObject({ listPrice: '5790' });
    expect(wine.body.items[0]).not.toHaveProperty('cost');
    const id = wine.body.items[0].id as string;
    const resolve = (qs: string) =>
      sales('GET', `/api/v1/catalog/prices/resolve?itemId=${id}&currency=ARS&${qs}`);
    expect((await resolve('quantity=1')).body.unitPrice).toBe('5790');
    expect((await resolve('quantity=12')).body.unitPrice).toBe('5501');
    expect((await resolve('customerGroup=mayorista&quantity=2')).body.unitPrice).toBe('5326.8');
    expect((await resolve('customerGroup=mayorista&quantity=12')).body.unitPrice).toBe('5095.2');
  });
});
