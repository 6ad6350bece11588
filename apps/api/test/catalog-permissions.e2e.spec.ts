import { useTestDatabase } from '@nexo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, login, type TestAccount } from './helpers/accounts.js';
import { caller, createItem, seedMasters, type Caller } from './helpers/catalog.js';
import { useTestApp } from './helpers/test-app.js';

/** Distinctive values: if one appears anywhere in a body, the price leaked. */
const COST = '4321.987';
const LIST_PRICE = '7654.5';
const MARGIN = '3332.513';
const VARIANT_COST = '4400.111';

/** The system roles' catalog rules, seen from outside: what each role receives over HTTP. */
describe('catalog permissions', () => {
  const db = useTestDatabase();
  const t = useTestApp(db);
  let admin: TestAccount;
  let api: Caller;
  const as: Record<string, Caller> = {};
  let itemId: string;
  let variantId: string;
  let listId: string;

  beforeAll(async () => {
    admin = await createAccount(t.app, db.current, { roles: ['admin'] });
    api = caller(t.app, (await login(t.app, admin)).accessToken);
    for (const role of ['sales', 'warehouse', 'purchasing', 'production', 'accountant']) {
      const member = await createAccount(t.app, db.current, {
        tenantId: admin.tenantId,
        roles: [role],
      });
      as[role] = caller(t.app, (await login(t.app, member)).accessToken);
    }
    const m = await seedMasters(api);
    const item = await createItem(api, {
      kind: 'stockable',
      name: 'Vino tinto malbec 750 ml',
      sku: 'VIN-MAL-750',
      unitId: m.u,
      cost: COST,
      listPrice: LIST_PRICE,
      salesTaxId: m.iva21,
      variantAttributes: ['cosecha'],
    });
    itemId = item.id as string;
    expect(item).toMatchObject({ cost: COST, listPrice: LIST_PRICE, margin: MARGIN });
    const variant = await api('POST', `/api/v1/catalog/items/${itemId}/variants`, {
      sku: 'VIN-MAL-750-2024',
      attributes: { cosecha: '2024' },
      cost: VARIANT_COST,
    });
    variantId = variant.body.id as string;
    const list = await api('POST', '/api/v1/catalog/price-lists', {
      name: 'General',
      currency: 'ARS',
    });
    listId = list.body.id as string;
    await api('POST', `/api/v1/catalog/price-lists/${listId}/rules`, {
      itemId,
      kind: 'fixed',
      price: '7000',
    });
  });

  const reads = async (who: Caller) => {
    const bodies = [
      await who('GET', '/api/v1/catalog/items'),
      await who('GET', '/api/v1/catalog/items?q=malbec&count=true'),
      await who('GET', `/api/v1/catalog/items/${itemId}`),
      await who('GET', `/api/v1/catalog/items/${itemId}/variants`),
      await who('GET', `/api/v1/catalog/item-variants/${variantId}`),
    ];
    expect(bodies.map((b) => b.status)).toEqual([200, 200, 200, 200, 200]);
    return bodies;
  };

  it('never sends cost or margin to sales, in lists or in details, items or variants', async () => {
    const answers = await reads(as.sales as Caller);
    const [list, detail, variant] = [answers[0]?.body, answers[2]?.body, answers[4]?.body];
    for (const { body } of answers) {
      const text = JSON.stringify(body);
      expect(text).not.toContain(COST);
      expect(text).not.toContain(MARGIN);
      expect(text).not.toContain(VARIANT_COST);
      expect(text).not.toMatch(/"cost"|"margin"/);
    }
    expect(list.items[0]).toMatchObject({ id: itemId, sku: 'VIN-MAL-750', listPrice: LIST_PRICE });
    expect(detail).toMatchObject({ name: 'Vino tinto malbec 750 ml', listPrice: LIST_PRICE });
    expect(variant).toMatchObject({ sku: 'VIN-MAL-750-2024', listPrice: null });

    // Filtering on cost would reveal it, one comparison at a time.
    const probe = await (as.sales as Caller)('GET', '/api/v1/catalog/items?cost.gt=4000');
    expect(probe.status).toBe(400);
    expect(probe.body.issues[0]).toMatchObject({ path: 'cost.gt', code: 'unknown_filter' });
    const byPrice = await (as.sales as Caller)('GET', '/api/v1/catalog/items?listPrice.gt=7000');
    expect(byPrice.body.items.map((i: { id: string }) => i.id)).toEqual([itemId]);
  });

  it('exports items as CSV without the columns a role may not read', async () => {
    const csvOf = async (who: Caller): Promise<{ header: string[]; body: string }> => {
      const res = await who('GET', '/api/v1/catalog/items/export.csv?q=malbec');
      expect(res.status).toBe(200);
      const body = res.raw.toString('utf8').replace(/^\uFEFF/, '');
      return { header: (body.split('\n')[0] ?? '').split(','), body };
    };
    const full = await csvOf(api);
    expect(full.header).toEqual(
      expect.arrayContaining(['sku', 'name', 'cost', 'listPrice', 'margin']),
    );
    expect(full.body).toContain(COST);
    const sales = await csvOf(as.sales as Caller);
    expect(sales.header).toContain('listPrice');
    expect(sales.header).not.toContain('cost');
    expect(sales.header).not.toContain('margin');
    expect(sales.body).toContain('VIN-MAL-750');
    expect(sales.body).not.toContain(COST);
    expect(sales.body).not.toContain(MARGIN);
    const warehouse = await csvOf(as.warehouse as Caller);
    expect(warehouse.header).not.toContain('listPrice');
    expect(warehouse.body).not.toContain(LIST_PRICE);
  });

  it('lets sales read price lists and resolve prices, but change nothing', async () => {
    const sales = as.sales as Caller;
    expect((await sales('GET', '/api/v1/catalog/price-lists')).body.items).toHaveLength(1);
    expect((await sales('GET', `/api/v1/catalog/price-lists/${listId}/rules`)).status).toBe(200);
    const resolved = await sales(
      'GET',
      `/api/v1/catalog/prices/resolve?itemId=${itemId}&currency=ARS`,
    );
    expect(resolved.body).toMatchObject({ unitPrice: '7000', source: { priceListId: listId } });
    const create = await sales('POST', '/api/v1/catalog/items', {
      kind: 'service',
      name: 'x',
      sku: 'X',
      unitId: itemId,
    });
    expect(create.status).toBe(403);
    const change = await sales(
      'PATCH',
      `/api/v1/catalog/items/${itemId}`,
      { listPrice: '1' },
      { 'if-match': '"1"' },
    );
    expect(change.status).toBe(403);
    expect(
      (await sales('POST', '/api/v1/catalog/price-lists', { name: 'x', currency: 'ARS' })).status,
    ).toBe(403);
  });

  it('shows the warehouse items, units and codes but no price at all, and no price lists', async () => {
    const warehouse = as.warehouse as Caller;
    const bodies = await reads(warehouse);
    for (const { body } of bodies) {
      const text = JSON.stringify(body);
      for (const value of [COST, LIST_PRICE, MARGIN, VARIANT_COST])
        expect(text).not.toContain(value);
      expect(text).not.toMatch(/"cost"|"listPrice"|"margin"/);
    }
    expect(bodies[2]?.body).toMatchObject({ sku: 'VIN-MAL-750', unitId: expect.any(String) });
    const filter = await warehouse('GET', '/api/v1/catalog/items?listPrice.gt=1');
    expect(filter.status).toBe(400);
    expect((await warehouse('GET', '/api/v1/catalog/units')).status).toBe(200);
    expect((await warehouse('GET', '/api/v1/catalog/categories')).status).toBe(200);
    expect((await warehouse('GET', '/api/v1/catalog/price-lists')).status).toBe(403);
    expect(
      (await warehouse('GET', `/api/v1/catalog/prices/resolve?itemId=${itemId}&currency=ARS`))
        .status,
    ).toBe(403);
  });

  it('shows purchasing, production and accounting the cost; sale price lists only to accounting', async () => {
    for (const role of ['purchasing', 'production', 'accountant']) {
      const [list, , detail, , variant] = await reads(as[role] as Caller);
      expect(list?.body.items[0]).toMatchObject({ cost: COST, margin: MARGIN });
      expect(detail?.body).toMatchObject({ cost: COST, listPrice: LIST_PRICE, margin: MARGIN });
      expect(variant?.body).toMatchObject({ cost: VARIANT_COST });
    }
    expect((await (as.purchasing as Caller)('GET', '/api/v1/catalog/price-lists')).status).toBe(
      403,
    );
    expect((await (as.accountant as Caller)('GET', '/api/v1/catalog/price-lists')).status).toBe(
      200,
    );
  });

  it('applies a company’s own role with a field rule the same way', async () => {
    const role = await api('POST', '/api/v1/permissions/roles', {
      key: 'catalogo-sin-precio',
      name: 'Catálogo sin precio de lista',
      rules: [
        { action: ['read', 'update'], subject: 'catalog.item' },
        { action: 'read', subject: 'catalog.item', fields: ['list_price'], inverted: true },
        { action: 'update', subject: 'catalog.item', fields: ['cost'], inverted: true },
      ],
    });
    expect(role.status).toBe(201);
    const member = await createAccount(t.app, db.current, {
      tenantId: admin.tenantId,
      roles: ['catalogo-sin-precio'],
    });
    const own = caller(t.app, (await login(t.app, member)).accessToken);
    const detail = await own('GET', `/api/v1/catalog/items/${itemId}`);
    expect(detail.body).toMatchObject({ cost: COST });
    expect(detail.body).not.toHaveProperty('listPrice');
    const renamed = await own(
      'PATCH',
      `/api/v1/catalog/items/${itemId}`,
      { name: 'Vino tinto malbec 750 cc' },
      { 'if-match': detail.headers.etag as string },
    );
    expect(renamed.status).toBe(200);
    const costChange = await own(
      'PATCH',
      `/api/v1/catalog/items/${itemId}`,
      { cost: '1' },
      { 'if-match': renamed.headers.etag as string },
    );
    expect(costChange.status).toBe(403);
    expect(costChange.body.issues[0]).toMatchObject({ path: 'cost', code: 'forbidden_field' });
  });
});
