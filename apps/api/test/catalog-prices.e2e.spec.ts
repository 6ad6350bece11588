import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@nexo/testing';
import { createAccount, login, type TestAccount } from './helpers/accounts.js';
import { caller, createItem, seedMasters, type Caller, type Masters } from './helpers/catalog.js';
import { useTestApp } from './helpers/test-app.js';

const LISTS = '/api/v1/catalog/price-lists';
/** A customer of the company with a list of its own: created in beforeAll (a key since 0030). */
let PARTY = '';
const OTHER_PARTY = '01936b2c-5a00-7000-8000-0000000000f2';
const DAY = '2026-11-15';

/** Price lists and the resolution route: every precedence rule, by HTTP. */
describe('catalog price lists and price resolution', () => {
  const db = useTestDatabase();
  const t = useTestApp(db);
  let admin: TestAccount;
  let api: Caller;
  let m: Masters;
  let cola: string;
  const lists: Record<string, string> = {};
  const rules: Record<string, string> = {};

  const list = async (key: string, body: object) => {
    const res = await api('POST', LISTS, body);
    expect(res.status).toBe(201);
    lists[key] = res.body.id as string;
  };
  const rule = async (key: string, listKey: string, body: object) => {
    const res = await api('POST', `${LISTS}/${lists[listKey] as string}/rules`, body);
    if (res.status !== 201) throw new Error(`${key}: ${res.status} ${JSON.stringify(res.body)}`);
    rules[key] = res.body.id as string;
  };
  const resolve = async (query: Record<string, string>) => {
    const res = await api(
      'GET',
      `/api/v1/catalog/prices/resolve?${new URLSearchParams(query).toString()}`,
    );
    return res;
  };
  /** unit price and the rule that gave it, for the common case */
  const price = async (query: Record<string, string>) => {
    const res = await resolve({ currency: 'ARS', date: DAY, ...query });
    if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    const source = res.body.source as { kind: string; ruleId: string | null };
    const rule = Object.entries(rules).find(([, id]) => id === source.ruleId)?.[0] ?? null;
    return [res.body.unitPrice as string, source.kind, rule];
  };

  beforeAll(async () => {
    admin = await createAccount(t.app, db.current, { roles: ['admin'] });
    api = caller(t.app, (await login(t.app, admin)).accessToken);
    const party = await api('POST', '/api/v1/crm/parties', {
      kind: 'organization',
      name: 'Almacén Don Pepe',
    });
    expect(party.status).toBe(201);
    PARTY = party.body.id as string;
    m = await seedMasters(api);
    cola = (
      await createItem(api, {
        kind: 'stockable',
        name: 'Gaseosa cola 2,25 L',
        sku: 'GAS-COLA-225',
        unitId: m.u,
        purchaseUnitId: m.caja12,
        conversions: [{ unitId: m.caja12, factor: '12' }],
        cost: '600',
        listPrice: '1000.00',
        salesTaxId: m.iva21,
      })
    ).id as string;

    await list('general', { name: 'Lista general', currency: 'ARS' });
    await rule('general-1', 'general', { itemId: cola, kind: 'fixed', price: '950' });
    await rule('general-12', 'general', {
      itemId: cola,
      minQuantity: '12',
      kind: 'fixed',
      price: '900',
    });
    await rule('general-120', 'general', {
      itemId: cola,
      minQuantity: '120',
      kind: 'fixed',
      price: '850',
    });
    await list('mayorista', { name: 'Mayoristas', currency: 'ARS', customerGroup: 'mayorista' });
    await rule('mayorista-1', 'mayorista', {
      itemId: cola,
      kind: 'discount',
      discountPercent: '20',
    });
    await rule('mayorista-48', 'mayorista', {
      itemId: cola,
      minQuantity: '48',
      kind: 'discount',
      discountPercent: '25',
    });
    await list('party', { name: 'Almacén Don Pepe', currency: 'ARS', partyId: PARTY });
    await rule('party-1', 'party', { itemId: cola, kind: 'fixed', price: '700' });
    await list('promo', {
      name: 'Promo diciembre',
      currency: 'ARS',
      validFrom: '2026-12-01',
      validTo: '2026-12-31',
    });
    await rule('promo-1', 'promo', { itemId: cola, kind: 'fixed', price: '880' });
    await list('verano', { name: 'Desde el verano', currency: 'ARS', validFrom: '2026-12-21' });
    await rule('verano-1', 'verano', { itemId: cola, kind: 'fixed', price: '990' });
    await list('usd', { name: 'Exportación', currency: 'USD' });
    await rule('usd-1', 'usd', { itemId: cola, kind: 'fixed', price: '1.20' });
    await list('inactive', { name: 'Vieja', currency: 'ARS', active: false });
    await rule('inactive-1', 'inactive', { itemId: cola, kind: 'fixed', price: '1' });
    await list('expired', {
      name: 'Vencida',
      currency: 'ARS',
      validFrom: '2020-01-01',
      validTo: '2020-12-31',
    });
    await rule('expired-1', 'expired', { itemId: cola, kind: 'fixed', price: '2' });
  });

  it('takes the highest quantity break not above the quantity', async () => {
    expect(await price({ itemId: cola })).toEqual(['950', 'fixed', 'general-1']);
    expect(await price({ itemId: cola, quantity: '11.5' })).toEqual(['950', 'fixed', 'general-1']);
    expect(await price({ itemId: cola, quantity: '12' })).toEqual(['900', 'fixed', 'general-12']);
    expect(await price({ itemId: cola, quantity: '500' })).toEqual(['850', 'fixed', 'general-120']);
  });

  it('counts breaks in the base unit and prices the unit asked for', async () => {
    const box = await resolve({ itemId: cola, unitId: m.caja12, currency: 'ARS', date: DAY });
    expect(box.body).toMatchObject({
      itemId: cola,
      variantId: null,
      unitPrice: '10800', // 12 u at the 12-unit break of 900
      currency: 'ARS',
      unitId: m.caja12,
      quantity: '1',
      date: DAY,
      source: { kind: 'fixed', priceListId: lists.general, ruleId: rules['general-12'] },
    });
    expect(await price({ itemId: cola, unitId: m.caja12, quantity: '10' })).toEqual([
      '10200',
      'fixed',
      'general-120',
    ]);
    const noConversion = await resolve({ itemId: cola, unitId: m.kg, currency: 'ARS' });
    expect(noConversion.status).toBe(400);
    expect(noConversion.body.issues[0]).toMatchObject({
      path: 'query.unitId',
      code: 'no_conversion',
    });
  });

  it('prefers the party’s list, then its group’s, then the general one', async () => {
    expect(await price({ itemId: cola, partyId: PARTY, customerGroup: 'mayorista' })).toEqual([
      '700',
      'fixed',
      'party-1',
    ]);
    expect(await price({ itemId: cola, partyId: OTHER_PARTY, customerGroup: 'mayorista' })).toEqual(
      ['800', 'discount', 'mayorista-1'],
    );
    expect(await price({ itemId: cola, customerGroup: 'mayorista', quantity: '48' })).toEqual([
      '750',
      'discount',
      'mayorista-48',
    ]);
    expect(await price({ itemId: cola, customerGroup: 'minorista' })).toEqual([
      '950',
      'fixed',
      'general-1',
    ]);
    expect(await price({ itemId: cola, partyId: OTHER_PARTY })).toEqual([
      '950',
      'fixed',
      'general-1',
    ]);
  });

  it('prefers the narrower validity, and ignores inactive and out-of-date lists', async () => {
    expect(await price({ itemId: cola, date: '2026-12-10' })).toEqual(['880', 'fixed', 'promo-1']);
    // The list decides before the quantity break does.
    expect(await price({ itemId: cola, date: '2026-12-10', quantity: '500' })).toEqual([
      '880',
      'fixed',
      'promo-1',
    ]);
    // Both dated lists apply: the one with both ends is narrower than the open-ended one.
    expect(await price({ itemId: cola, date: '2026-12-24' })).toEqual(['880', 'fixed', 'promo-1']);
    // Only the open-ended one: it started, so it beats the list without dates.
    expect(await price({ itemId: cola, date: '2027-01-10' })).toEqual(['990', 'fixed', 'verano-1']);
    // A past date finds the lists valid then (the 2020 one, out of date on every other test's
    // day); the inactive list never answers.
    expect(await price({ itemId: cola, date: '2020-06-01' })).toEqual(['2', 'fixed', 'expired-1']);
    const today = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'America/Argentina/Buenos_Aires',
    }).format(new Date());
    const undated = await resolve({ itemId: cola, currency: 'ARS' });
    expect(undated.body.date).toBe(today);
  });

  it('resolves in the currency asked for, and falls back to the list price in the company’s', async () => {
    expect(await price({ itemId: cola, currency: 'USD' })).toEqual(['1.2', 'fixed', 'usd-1']);
    const euros = await resolve({ itemId: cola, currency: 'EUR', date: DAY });
    expect(euros.status).toBe(422);
    expect(euros.body.code).toBe('no_price');
    const water = await createItem(api, {
      kind: 'stockable',
      name: 'Agua mineral 2 L',
      sku: 'AGUA-2L',
      unitId: m.u,
      listPrice: '650.5',
    });
    const base = await resolve({ itemId: water.id as string, currency: 'ARS', quantity: '3' });
    expect(base.body).toMatchObject({
      unitPrice: '650.5',
      source: { kind: 'base', priceListId: null, ruleId: null },
    });
    const unpriced = await createItem(api, {
      kind: 'service',
      name: 'Armado de góndola',
      sku: 'SRV-GONDOLA',
      unitId: m.u,
    });
    const none = await resolve({ itemId: unpriced.id as string, currency: 'ARS' });
    expect(none.status).toBe(422);
    expect(none.body.code).toBe('no_price');
  });

  it('prefers a variant’s own rule, and its own list price as the base', async () => {
    const item = await createItem(api, {
      kind: 'stockable',
      name: 'Jabón líquido',
      sku: 'JAB-LIQ',
      unitId: m.u,
      listPrice: '2000',
      variantAttributes: ['tamaño'],
    });
    const variant = async (size: string, body: object = {}) => {
      const res = await api('POST', `/api/v1/catalog/items/${item.id as string}/variants`, {
        sku: `JAB-LIQ-${size}`,
        attributes: { tamaño: size },
        ...body,
      });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const small = await variant('500');
    const large = await variant('3000', { listPrice: '9000' });
    await rule('jabon-item', 'general', { itemId: item.id, kind: 'fixed', price: '1900' });
    await rule('jabon-small', 'general', {
      itemId: item.id,
      variantId: small,
      kind: 'fixed',
      price: '1500',
    });
    await rule('jabon-group', 'mayorista', {
      itemId: item.id,
      kind: 'discount',
      discountPercent: '10',
    });
    expect(await price({ variantId: small })).toEqual(['1500', 'fixed', 'jabon-small']);
    expect(await price({ variantId: large })).toEqual(['1900', 'fixed', 'jabon-item']);
    expect(await price({ itemId: item.id as string })).toEqual(['1900', 'fixed', 'jabon-item']);
    // A discount is off the variant's own list price.
    expect(await price({ variantId: large, customerGroup: 'mayorista' })).toEqual([
      '8100',
      'discount',
      'jabon-group',
    ]);
    const both = await resolve({ itemId: item.id as string, variantId: small, currency: 'ARS' });
    expect(both.status).toBe(400);
    const neither = await resolve({ currency: 'ARS' });
    expect(neither.status).toBe(400);
    expect(neither.body.issues[0].path).toBe('query.itemId');
    const nowhere = await resolve({
      itemId: '01936b2c-5a00-7000-8000-000000000077',
      currency: 'ARS',
    });
    expect(nowhere.status).toBe(404);
  });

  it('validates rules: amounts by kind, one rule per break, discounts in the company currency', async () => {
    const url = `${LISTS}/${lists.general as string}/rules`;
    const noPrice = await api('POST', url, { itemId: cola, kind: 'fixed', discountPercent: '5' });
    expect(noPrice.status).toBe(400);
    expect(noPrice.body.issues[0].path).toBe('kind');
    const tooMuch = await api('POST', url, {
      itemId: cola,
      kind: 'discount',
      discountPercent: '120',
    });
    expect(tooMuch.body.issues[0].path).toBe('discountPercent');
    // numeric(9,6): a 7th decimal is refused, not rounded away.
    const tooPrecise = await api('POST', url, {
      itemId: cola,
      kind: 'discount',
      discountPercent: '12.3456789',
    });
    expect(tooPrecise.status).toBe(400);
    expect(tooPrecise.body.issues[0].path).toBe('discountPercent');
    const twice = await api('POST', url, {
      itemId: cola,
      minQuantity: '12.000',
      kind: 'fixed',
      price: '1',
    });
    expect(twice.status).toBe(409);
    expect(twice.body.issues[0].path).toBe('minQuantity');
    const unknownItem = await api('POST', url, {
      itemId: '01936b2c-5a00-7000-8000-000000000078',
      kind: 'fixed',
      price: '1',
    });
    expect(unknownItem.status).toBe(422);
    expect(unknownItem.body.issues[0]).toMatchObject({ path: 'itemId', code: 'not_found' });
    const foreignVariant = await api('POST', url, {
      itemId: cola,
      variantId: '01936b2c-5a00-7000-8000-000000000079',
      kind: 'fixed',
      price: '1',
    });
    expect(foreignVariant.body.issues[0]).toMatchObject({ path: 'variantId', code: 'not_found' });
    const usdDiscount = await api('POST', `${LISTS}/${lists.usd as string}/rules`, {
      itemId: cola,
      kind: 'discount',
      discountPercent: '5',
    });
    expect(usdDiscount.status).toBe(400);
    expect(usdDiscount.body.issues[0].code).toBe('discount_currency');
    const bothTargets = await api('POST', LISTS, {
      name: 'Mal',
      currency: 'ARS',
      partyId: PARTY,
      customerGroup: 'mayorista',
    });
    expect(bothTargets.status).toBe(400);
    const backwards = await api('POST', LISTS, {
      name: 'Mal',
      currency: 'ARS',
      validFrom: '2026-12-31',
      validTo: '2026-12-01',
    });
    expect(backwards.body.issues[0].path).toBe('validTo');
    const toUsd = await api(
      'PATCH',
      `${LISTS}/${lists.mayorista as string}`,
      { currency: 'USD' },
      { 'if-match': '"1"' },
    );
    expect(toUsd.status).toBe(409);
  });

  it('manages lists and rules with If-Match, audit and events', async () => {
    await list('temp', { name: 'Temporal', currency: 'ARS', customerGroup: 'kioscos' });
    const id = lists.temp as string;
    const got = await api('GET', `${LISTS}/${id}`);
    expect(got.headers.etag).toBe('"1"');
    expect(got.body).toMatchObject({
      name: 'Temporal',
      currency: 'ARS',
      partyId: null,
      customerGroup: 'kioscos',
      validFrom: null,
      validTo: null,
      active: true,
    });
    const renamed = await api(
      'PATCH',
      `${LISTS}/${id}`,
      { name: 'Kioscos', validFrom: '2026-01-01' },
      { 'if-match': '"1"' },
    );
    expect(renamed.body).toMatchObject({ name: 'Kioscos', validFrom: '2026-01-01', version: 2 });
    await rule('temp-1', 'temp', { itemId: cola, kind: 'fixed', price: '990' });
    const ruleUrl = `/api/v1/catalog/price-list-rules/${rules['temp-1'] as string}`;
    expect((await api('PATCH', ruleUrl, { price: '1' })).status).toBe(428);
    const toDiscount = await api(
      'PATCH',
      ruleUrl,
      { kind: 'discount', discountPercent: '7.654321' },
      { 'if-match': '"1"' },
    );
    expect(toDiscount.body).toMatchObject({
      kind: 'discount',
      price: null,
      discountPercent: '7.654321',
      currency: 'ARS',
      version: 2,
    });
    // 1000 less 7.654321 %: the unit price keeps its 6 decimals, no rounding to cents.
    expect(await price({ itemId: cola, customerGroup: 'kioscos' })).toEqual([
      '923.45679',
      'discount',
      'temp-1',
    ]);
    const backToFixed = await api('PATCH', ruleUrl, { kind: 'fixed' }, { 'if-match': '"2"' });
    expect(backToFixed.status).toBe(400);
    const page = await api('GET', `${LISTS}/${id}/rules?itemId=${cola}`);
    expect(page.body.items.map((r: { id: string }) => r.id)).toEqual([rules['temp-1']]);
    expect((await api('DELETE', ruleUrl, undefined, { 'if-match': '"2"' })).status).toBe(204);
    expect((await api('DELETE', `${LISTS}/${id}`, undefined, { 'if-match': '"2"' })).status).toBe(
      204,
    );
    expect((await api('GET', `${LISTS}/${id}`)).status).toBe(404);
    const history = await api('GET', `/api/v1/audit/records/catalog.price-list/${id}`);
    expect(history.body.map((e: { action: string }) => e.action)).toEqual([
      'delete',
      'update',
      'create',
    ]);
    const byGroup = await api('GET', `${LISTS}?customerGroup=mayorista`);
    expect(byGroup.body.items.map((l: { name: string }) => l.name)).toEqual(['Mayoristas']);
    // A list that names an item keeps it from being deleted: archive it instead.
    const gone = await api('DELETE', `/api/v1/catalog/items/${cola}`, undefined, {
      'if-match': '"1"',
    });
    expect(gone.status).toBe(409);
  });

  it('resolves only through the price lists the reader may read', async () => {
    const role = await api('POST', '/api/v1/permissions/roles', {
      key: 'solo-usd',
      name: 'Solo dólares',
      rules: [
        { action: 'read', subject: 'catalog.item' },
        { action: 'read', subject: 'catalog.price-list', conditions: { currency: 'USD' } },
      ],
    });
    expect(role.status).toBe(201);
    const member = await createAccount(t.app, db.current, {
      tenantId: admin.tenantId,
      roles: ['solo-usd'],
    });
    const limited = caller(t.app, (await login(t.app, member)).accessToken);
    const ars = await limited(
      'GET',
      `/api/v1/catalog/prices/resolve?itemId=${cola}&currency=ARS&date=${DAY}`,
    );
    expect(ars.body).toMatchObject({ unitPrice: '1000', source: { kind: 'base' } });
    const usd = await limited(
      'GET',
      `/api/v1/catalog/prices/resolve?itemId=${cola}&currency=USD&date=${DAY}`,
    );
    expect(usd.body).toMatchObject({ unitPrice: '1.2', source: { priceListId: lists.usd } });
    const visible = await limited('GET', LISTS);
    expect(visible.body.items.map((l: { currency: string }) => l.currency)).toEqual(['USD']);
    expect((await limited('GET', `${LISTS}/${lists.general as string}`)).status).toBe(404);
  });
});
