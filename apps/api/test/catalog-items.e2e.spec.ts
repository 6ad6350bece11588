import { adminClient, useTestDatabase } from '@nexo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, login, type TestAccount } from './helpers/accounts.js';
import {
  caller,
  createItem,
  seedMasters,
  tinyPng,
  type Caller,
  type Masters,
} from './helpers/catalog.js';
import { useTestApp } from './helpers/test-app.js';

const ITEMS = '/api/v1/catalog/items';
const issuePaths = (body: unknown): string[] =>
  ((body as { issues?: { path: string }[] }).issues ?? []).map((i) => i.path).sort();

/** Items: CRUD, validation, codes, variants, units, taxes, categories, images, lists. */
describe('catalog items', () => {
  const db = useTestDatabase();
  const t = useTestApp(db);
  let admin: TestAccount;
  let api: Caller;
  let other: Caller;
  let m: Masters;
  let theirs: Masters;
  let seq = 0;
  const sku = (prefix = 'SKU') => `${prefix}-${++seq}`;

  beforeAll(async () => {
    admin = await createAccount(t.app, db.current, { roles: ['admin'] });
    api = caller(t.app, (await login(t.app, admin)).accessToken);
    const b = await createAccount(t.app, db.current, { roles: ['admin'] });
    other = caller(t.app, (await login(t.app, b)).accessToken);
    m = await seedMasters(api);
    theirs = await seedMasters(other);
  });

  it('creates, reads, changes and deletes an item, with ETags, If-Match, audit and events', async () => {
    const category = await api('POST', '/api/v1/catalog/categories', { name: 'Almacén' });
    const created = await api('POST', ITEMS, {
      kind: 'stockable',
      name: 'Aceite de girasol 1,5 L',
      sku: 'ACE-GIR-15',
      barcode: '7790001000019',
      categoryId: category.body.id,
      unitId: m.u,
      purchaseUnitId: m.caja12,
      conversions: [{ unitId: m.caja12, factor: '12' }],
      cost: '1500.50',
      listPrice: '2300',
      salesTaxId: m.iva21,
      purchaseTaxId: m.iva21,
    });
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    const id = created.body.id as string;
    expect(created.body).toMatchObject({
      kind: 'stockable',
      sku: 'ACE-GIR-15',
      barcode: '7790001000019',
      // Unit prices are numeric(20,6), read as their shortest exact string.
      cost: '1500.5',
      listPrice: '2300',
      margin: '799.5',
      currency: 'ARS',
      salesUnitId: null,
      purchaseUnitId: m.caja12,
      salesTaxId: m.iva21,
      variantAttributes: [],
      status: 'active',
      conversions: [{ unitId: m.caja12, factor: '12' }],
      version: 1,
    });
    expect(created.body).not.toHaveProperty('tenantId');

    const read = await api('GET', `${ITEMS}/${id}`);
    expect(read.status).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.body).toEqual(created.body);

    const noMatch = await api('PATCH', `${ITEMS}/${id}`, { listPrice: '2500' });
    expect(noMatch.status).toBe(428);
    expect(noMatch.headers['content-type']).toContain('application/problem+json');
    expect(noMatch.body.code).toBe('precondition_required');
    const staleMatch = await api(
      'PATCH',
      `${ITEMS}/${id}`,
      { listPrice: '2500' },
      { 'if-match': '"7"' },
    );
    expect(staleMatch.status).toBe(412);
    expect(staleMatch.body.code).toBe('precondition_failed');

    const changed = await api(
      'PATCH',
      `${ITEMS}/${id}`,
      { listPrice: '2500', status: 'archived' },
      { 'if-match': '"1"' },
    );
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).toBe('"2"');
    expect(changed.body).toMatchObject({ listPrice: '2500', margin: '999.5', status: 'archived' });

    expect((await api('DELETE', `${ITEMS}/${id}`)).status).toBe(428);
    expect((await api('DELETE', `${ITEMS}/${id}`, undefined, { 'if-match': '"1"' })).status).toBe(
      412,
    );
    expect((await api('DELETE', `${ITEMS}/${id}`, undefined, { 'if-match': '"2"' })).status).toBe(
      204,
    );
    expect((await api('GET', `${ITEMS}/${id}`)).status).toBe(404);

    const history = await api('GET', `/api/v1/audit/records/catalog.item/${id}`);
    expect(history.body.map((e: { action: string }) => e.action)).toEqual([
      'delete',
      'update',
      'create',
    ]);
    const update = history.body[1];
    expect(update.before).toEqual({
      listPrice: '2300',
      margin: '799.5',
      status: 'active',
    });
    expect(update.after).toEqual({ listPrice: '2500', margin: '999.5', status: 'archived' });
    expect(history.body[2].after).toMatchObject({ sku: 'ACE-GIR-15', cost: '1500.5' });

    const client = await adminClient(db.current);
    const { rows } = await client.query<{ type: string; payload: { changed?: string[] } }>(
      `select type, payload from events.outbox where tenant_id = $1 and aggregate_id = $2 order by position`,
      [admin.tenantId, id],
    );
    await client.end();
    expect(rows.map((r) => r.type)).toEqual([
      'catalog.item.created',
      'catalog.item.updated',
      'catalog.item.deleted',
    ]);
    expect(rows[1]?.payload.changed?.sort()).toEqual(['listPrice', 'margin', 'status']);
  });

  it('reads several items by id in one request, and none of another company', async () => {
    const make = async (company: Caller, units: Masters) =>
      (
        await createItem(company, {
          kind: 'stockable',
          name: 'Por id',
          sku: sku('ID'),
          unitId: units.u,
        })
      ).id as string;
    const [a, b] = [await make(api, m), await make(api, m)];
    const theirsId = await make(other, theirs);
    const res = await api('GET', `${ITEMS}?id.in=${a},${b},${theirsId}&sort=sku`);
    expect(res.status).toBe(200);
    expect((res.body.items as { id: string }[]).map((i) => i.id).sort()).toEqual([a, b].sort());
    expect((await api('GET', `${ITEMS}?id.in=${a},nope`)).status).toBe(400);
  });

  it('answers invalid input with problem details naming each field', async () => {
    const empty = await api('POST', ITEMS, {});
    expect(empty.status).toBe(400);
    expect(empty.headers['content-type']).toContain('application/problem+json');
    expect(empty.body.code).toBe('validation_failed');
    expect(issuePaths(empty.body)).toEqual(['kind', 'name', 'sku', 'unitId']);

    const bad = await api('POST', ITEMS, {
      kind: 'gadget',
      name: ' ',
      sku: 'con espacios',
      barcode: '7790001000010', // wrong check digit
      unitId: m.u,
      cost: '-1',
      listPrice: '12,50',
      colour: 'red',
    });
    expect(bad.status).toBe(400);
    expect(issuePaths(bad.body)).toEqual([
      '',
      'barcode',
      'cost',
      'kind',
      'listPrice',
      'name',
      'sku',
    ]);

    const base = { kind: 'stockable', name: 'Yerba 1 kg', unitId: m.u };
    const unknownUnit = await api('POST', ITEMS, {
      ...base,
      sku: sku(),
      unitId: '01936b2c-5a00-7000-8000-000000000099',
    });
    expect(unknownUnit.status).toBe(422);
    expect(unknownUnit.body.issues).toEqual([
      { path: 'unitId', code: 'not_found', message: 'No such unit' },
    ]);
    const noConversion = await api('POST', ITEMS, { ...base, sku: sku(), salesUnitId: m.kg });
    expect(noConversion.status).toBe(400);
    expect(noConversion.body.issues[0]).toMatchObject({
      path: 'salesUnitId',
      code: 'no_conversion',
    });
    const baseConversion = await api('POST', ITEMS, {
      ...base,
      sku: sku(),
      conversions: [{ unitId: m.u, factor: '1' }],
    });
    expect(baseConversion.body.issues[0]).toMatchObject({ path: 'conversions', code: 'base_unit' });
    const zeroFactor = await api('POST', ITEMS, {
      ...base,
      sku: sku(),
      conversions: [{ unitId: m.caja12, factor: '0' }],
    });
    expect(issuePaths(zeroFactor.body)).toEqual(['conversions.0.factor']);

    // A unit price has at most 6 decimals (numeric(20,6)): more is refused, never rounded.
    const tooPrecise = await api('POST', ITEMS, {
      ...base,
      sku: sku(),
      listPrice: '10.1234567',
      conversions: [{ unitId: m.caja12, factor: '12.0000001' }],
    });
    expect(tooPrecise.status).toBe(400);
    const sixDecimals =
      'A non-negative decimal with at most 14 digits before the point and 6 after it';
    expect(tooPrecise.body.issues).toEqual([
      { path: 'listPrice', code: 'invalid_format', message: sixDecimals },
      { path: 'conversions.0.factor', code: 'invalid_format', message: sixDecimals },
    ]);
    const precise = await api('POST', ITEMS, { ...base, sku: sku(), listPrice: '10.123456' });
    expect(precise.body).toMatchObject({ listPrice: '10.123456', currency: 'ARS' });

    const exemptWithRate = await api('POST', '/api/v1/catalog/tax-rates', {
      code: 'raro',
      name: 'Exento raro',
      kind: 'exempt',
      rate: '21',
    });
    expect(exemptWithRate.status).toBe(400);
    expect(issuePaths(exemptWithRate.body)).toEqual(['rate']);
  });

  it('keeps SKUs and barcodes unique in a company, items and variants together', async () => {
    const first = await createItem(api, {
      kind: 'stockable',
      name: 'Lavandina 1 L',
      sku: 'LAV-1',
      barcode: '7790002000018',
      unitId: m.u,
      variantAttributes: ['aroma'],
    });
    const again = await api('POST', ITEMS, {
      kind: 'stockable',
      name: 'Otra',
      sku: 'LAV-1',
      unitId: m.u,
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'conflict',
      issues: [{ path: 'sku', code: 'taken' }],
    });
    const sameBarcode = await api('POST', ITEMS, {
      kind: 'stockable',
      name: 'Otra',
      sku: sku(),
      barcode: '7790002000018',
      unitId: m.u,
    });
    expect(sameBarcode.status).toBe(409);
    expect(sameBarcode.body.issues[0].path).toBe('barcode');

    const variants = `${ITEMS}/${first.id as string}/variants`;
    const clash = await api('POST', variants, { sku: 'LAV-1', attributes: { aroma: 'lavanda' } });
    expect(clash.status).toBe(409);
    expect(clash.body.issues[0].path).toBe('sku');
    const barcodeClash = await api('POST', variants, {
      sku: 'LAV-1-LAV',
      barcode: '7790002000018',
      attributes: { aroma: 'lavanda' },
    });
    expect(barcodeClash.status).toBe(409);
    expect(barcodeClash.body.issues[0].path).toBe('barcode');
    const variant = await api('POST', variants, {
      sku: 'LAV-1-LAV',
      barcode: '7790002000025',
      attributes: { aroma: 'lavanda' },
    });
    expect(variant.status).toBe(201);

    // A variant's codes are taken for items too, on create and on change.
    const takenByVariant = await api('POST', ITEMS, {
      kind: 'stockable',
      name: 'Otra',
      sku: 'LAV-1-LAV',
      unitId: m.u,
    });
    expect(takenByVariant.status).toBe(409);
    expect(takenByVariant.body.issues[0].path).toBe('sku');
    const renamed = await api(
      'PATCH',
      `${ITEMS}/${first.id as string}`,
      { barcode: '7790002000025' },
      { 'if-match': '"1"' },
    );
    expect(renamed.status).toBe(409);
    expect(renamed.body.issues[0].path).toBe('barcode');

    // Another company has its own space of codes.
    const theirItem = await other('POST', ITEMS, {
      kind: 'stockable',
      name: 'Lavandina de otra empresa',
      sku: 'LAV-1',
      barcode: '7790002000018',
      unitId: theirs.u,
    });
    expect(theirItem.status).toBe(201);

    // A deleted variant frees its codes.
    expect(
      (
        await api(
          'DELETE',
          `/api/v1/catalog/item-variants/${variant.body.id as string}`,
          undefined,
          {
            'if-match': '"1"',
          },
        )
      ).status,
    ).toBe(204);
    expect(
      (
        await api('POST', ITEMS, {
          kind: 'stockable',
          name: 'Ahora sí',
          sku: 'LAV-1-LAV',
          barcode: '7790002000025',
          unitId: m.u,
        })
      ).status,
    ).toBe(201);
  });

  it('makes variants by the item’s attributes, each with its own SKU and prices', async () => {
    const item = await createItem(api, {
      kind: 'stockable',
      name: 'Guantes de látex',
      sku: 'GUA-LAT',
      unitId: m.u,
      cost: '800',
      listPrice: '1200',
      variantAttributes: ['talle', 'color'],
    });
    const url = `${ITEMS}/${item.id as string}/variants`;
    const created = await api('POST', url, {
      sku: 'GUA-LAT-M-AZ',
      attributes: { talle: 'M', color: 'azul' },
      listPrice: '1300',
    });
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    expect(created.body).toMatchObject({
      itemId: item.id,
      sku: 'GUA-LAT-M-AZ',
      attributes: { talle: 'M', color: 'azul' },
      cost: null,
      listPrice: '1300',
      margin: '500', // its own list price less the item's cost
      currency: 'ARS',
      status: 'active',
    });
    const second = await api('POST', url, {
      sku: 'GUA-LAT-L-AZ',
      attributes: { color: 'azul', talle: 'L' },
    });
    expect(second.status).toBe(201);
    expect(second.body.margin).toBe('400');

    const missing = await api('POST', url, { sku: sku(), attributes: { talle: 'S' } });
    expect(missing.status).toBe(400);
    expect(missing.body.issues[0]).toMatchObject({
      path: 'attributes',
      code: 'attributes_mismatch',
    });
    const duplicate = await api('POST', url, {
      sku: sku(),
      attributes: { color: 'azul', talle: 'M' },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.issues[0].path).toBe('attributes');
    const plain = await createItem(api, {
      kind: 'stockable',
      name: 'Sin variantes',
      sku: sku(),
      unitId: m.u,
    });
    const noAxes = await api('POST', `${ITEMS}/${plain.id as string}/variants`, {
      sku: sku(),
      attributes: { talle: 'M' },
    });
    expect(noAxes.body.issues[0].code).toBe('no_variant_attributes');

    const list = await api('GET', `${url}?sort=sku`);
    expect(list.body.items.map((v: { sku: string }) => v.sku)).toEqual([
      'GUA-LAT-L-AZ',
      'GUA-LAT-M-AZ',
    ]);
    const variantUrl = `/api/v1/catalog/item-variants/${created.body.id as string}`;
    expect((await api('GET', variantUrl)).headers.etag).toBe('"1"');
    expect((await api('PATCH', variantUrl, { cost: '900' })).status).toBe(428);
    const patched = await api('PATCH', variantUrl, { cost: '900' }, { 'if-match': '"1"' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ cost: '900', margin: '400', version: 2 });

    const axesChange = await api(
      'PATCH',
      `${ITEMS}/${item.id as string}`,
      { variantAttributes: ['talle'] },
      { 'if-match': '"1"' },
    );
    expect(axesChange.status).toBe(409);
  });

  it('converts units: sells by the unit, buys by the box, and keeps the sell and buy units convertible', async () => {
    const item = await createItem(api, {
      kind: 'stockable',
      name: 'Gaseosa cola 2,25 L',
      sku: sku('GAS'),
      unitId: m.u,
      salesUnitId: m.u,
      purchaseUnitId: m.caja12,
      conversions: [{ unitId: m.caja12, factor: '12' }],
    });
    const url = `${ITEMS}/${item.id as string}`;
    const dropping = await api('PATCH', url, { conversions: [] }, { 'if-match': '"1"' });
    expect(dropping.status).toBe(400);
    expect(dropping.body.issues[0]).toMatchObject({
      path: 'purchaseUnitId',
      code: 'no_conversion',
    });
    const replaced = await api(
      'PATCH',
      url,
      {
        purchaseUnitId: m.kg,
        conversions: [
          { unitId: m.kg, factor: '0.444' },
          { unitId: m.caja12, factor: '12' },
        ],
      },
      { 'if-match': '"1"' },
    );
    expect(replaced.status).toBe(200);
    expect(replaced.body.conversions).toEqual([
      { unitId: m.kg, factor: '0.444' },
      { unitId: m.caja12, factor: '12' },
    ]);
    const cleared = await api(
      'PATCH',
      url,
      { purchaseUnitId: null, conversions: [] },
      { 'if-match': '"2"' },
    );
    expect(cleared.body).toMatchObject({ purchaseUnitId: null, conversions: [] });
    const unitInUse = await api('DELETE', `/api/v1/catalog/units/${m.u}`, undefined, {
      'if-match': '"1"',
    });
    expect(unitInUse.status).toBe(409);
  });

  it('assigns sales and purchase taxes from the company’s tax table', async () => {
    const item = await createItem(api, {
      kind: 'stockable',
      name: 'Harina 000 1 kg',
      sku: sku('HAR'),
      unitId: m.u,
      salesTaxId: m.iva105,
      purchaseTaxId: m.iva105,
    });
    expect(item).toMatchObject({ salesTaxId: m.iva105, purchaseTaxId: m.iva105 });
    const foreign = await api(
      'PATCH',
      `${ITEMS}/${item.id as string}`,
      { salesTaxId: theirs.iva21 },
      { 'if-match': '"1"' },
    );
    expect(foreign.status).toBe(422);
    expect(foreign.body.issues).toEqual([
      { path: 'salesTaxId', code: 'not_found', message: 'No such tax rate' },
    ]);
    const exempt = await api(
      'PATCH',
      `${ITEMS}/${item.id as string}`,
      { salesTaxId: m.exento },
      { 'if-match': '"1"' },
    );
    expect(exempt.body.salesTaxId).toBe(m.exento);
    const byTax = await api('GET', `${ITEMS}?salesTaxId=${m.exento}`);
    expect(byTax.body.items.map((i: { id: string }) => i.id)).toEqual([item.id]);
    const inUse = await api('DELETE', `/api/v1/catalog/tax-rates/${m.exento}`, undefined, {
      'if-match': '"1"',
    });
    expect(inUse.status).toBe(409);
    const vat = await api('GET', '/api/v1/catalog/tax-rates?kind=vat');
    expect(vat.body.items.map((x: { code: string; rate: string }) => [x.code, x.rate])).toEqual([
      ['iva105', '10.5'],
      ['iva21', '21'],
    ]);
    const renamed = await api(
      'PATCH',
      `/api/v1/catalog/tax-rates/${m.iva105}`,
      { name: 'IVA reducido' },
      { 'if-match': '"1"' },
    );
    expect(renamed.body).toMatchObject({ name: 'IVA reducido', rate: '10.5', version: 2 });
  });

  it('keeps categories a tree: no cycles, unique names among siblings', async () => {
    const post = (body: object) => api('POST', '/api/v1/catalog/categories', body);
    const bebidas = (await post({ name: 'Bebidas' })).body;
    const gaseosas = (await post({ name: 'Gaseosas', parentId: bebidas.id })).body;
    const colas = (await post({ name: 'Colas', parentId: gaseosas.id })).body;
    expect(colas.parentId).toBe(gaseosas.id);
    expect((await post({ name: 'Gaseosas', parentId: bebidas.id })).status).toBe(409);
    expect((await post({ name: 'Bebidas' })).status).toBe(409);
    expect((await post({ name: 'Gaseosas' })).status).toBe(201); // another level

    const url = `/api/v1/catalog/categories/${bebidas.id as string}`;
    const cycle = await api('PATCH', url, { parentId: colas.id }, { 'if-match': '"1"' });
    expect(cycle.status).toBe(400);
    expect(cycle.body.issues[0]).toMatchObject({ path: 'parentId', code: 'cycle' });
    const self = await api('PATCH', url, { parentId: bebidas.id }, { 'if-match': '"1"' });
    expect(self.body.issues[0].code).toBe('cycle');

    const children = await api(
      'GET',
      `/api/v1/catalog/categories?parentId=${gaseosas.id as string}`,
    );
    expect(children.body.items.map((c: { name: string }) => c.name)).toEqual(['Colas']);
    const moved = await api(
      'PATCH',
      `/api/v1/catalog/categories/${colas.id as string}`,
      { parentId: bebidas.id },
      { 'if-match': '"1"' },
    );
    expect(moved.body.parentId).toBe(bebidas.id);
    const inUse = await api('DELETE', url, undefined, { 'if-match': '"1"' });
    expect(inUse.status).toBe(409);
  });

  it('lists items with search, filters, sorting, pages and a count', async () => {
    const cat = (await api('POST', '/api/v1/catalog/categories', { name: 'Limpieza' })).body
      .id as string;
    for (const [name, code, kind] of [
      ['Detergente limón 750 ml', 'DET-750', 'stockable'],
      ['Detergente marina 500 ml', 'DET-500', 'stockable'],
      ['Esponja doble faz', 'ESP-01', 'consumable'],
      ['Flete a domicilio', 'SRV-FLETE', 'service'],
    ] as const) {
      await createItem(api, { kind, name, sku: code, unitId: m.u, categoryId: cat });
    }
    const names = (body: { items: { name: string }[] }) => body.items.map((i) => i.name);
    expect(names((await api('GET', `${ITEMS}?q=detergente&categoryId=${cat}`)).body)).toEqual([
      'Detergente limón 750 ml',
      'Detergente marina 500 ml',
    ]);
    expect(names((await api('GET', `${ITEMS}?q=det-5`)).body)).toEqual([
      'Detergente marina 500 ml',
    ]);
    expect(names((await api('GET', `${ITEMS}?kind=service&categoryId=${cat}`)).body)).toEqual([
      'Flete a domicilio',
    ]);
    const sorted = await api('GET', `${ITEMS}?categoryId=${cat}&sort=-sku&limit=3&count=true`);
    expect(sorted.body.items.map((i: { sku: string }) => i.sku)).toEqual([
      'SRV-FLETE',
      'ESP-01',
      'DET-750',
    ]);
    expect(sorted.body.count).toEqual({ value: 4, capped: false });
    const next = await api(
      'GET',
      `${ITEMS}?categoryId=${cat}&sort=-sku&limit=3&cursor=${sorted.body.nextCursor as string}`,
    );
    expect(next.body.items.map((i: { sku: string }) => i.sku)).toEqual(['DET-500']);
    expect(next.body.nextCursor).toBeNull();
    const bad = await api('GET', `${ITEMS}?sort=cost&colour=red`);
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { code: string }) => i.code).sort()).toEqual([
      'not_sortable',
      'unknown_filter',
    ]);
  });

  it('stores images: PNG, JPEG or WebP that are what they claim, up to 5 MB', async () => {
    const item = await createItem(api, {
      kind: 'stockable',
      name: 'Trapo de piso',
      sku: sku('TRA'),
      unitId: m.u,
    });
    const images = `${ITEMS}/${item.id as string}/images`;
    const upload = (payload: Buffer, type: string) =>
      api('POST', images, payload, { 'content-type': type });
    const png = tinyPng();
    const created = await upload(png, 'image/png');
    expect(created.status).toBe(201);
    const image = created.body;
    expect(image).toMatchObject({
      itemId: item.id,
      contentType: 'image/png',
      byteSize: png.length,
    });

    const file = await api('GET', `/api/v1/catalog/item-images/${image.id as string}`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(file.raw, png)).toBe(0);
    expect((await api('GET', images)).body).toEqual([image]);

    expect((await upload(Buffer.from('<svg onload=alert(1)>'), 'image/png')).status).toBe(415);
    expect((await upload(png, 'image/gif')).status).toBe(415);
    const asJson = await api('POST', images, { data: png.toString('base64') });
    expect(asJson.status).toBe(415);
    expect(asJson.body.code).toBe('unsupported_media_type');
    const huge = Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]);
    const tooLarge = await upload(huge, 'image/png');
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.code).toBe('payload_too_large');
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64)]);
    expect((await upload(jpeg, 'image/jpeg')).status).toBe(201);

    for (let i = 0; i < 8; i++) expect((await upload(png, 'image/png')).status).toBe(201);
    const eleventh = await upload(png, 'image/png');
    expect(eleventh.status).toBe(409);

    const url = `/api/v1/catalog/item-images/${image.id as string}`;
    expect((await api('DELETE', url)).status).toBe(204);
    expect((await api('GET', url)).status).toBe(404);
    const history = await api(
      'GET',
      `/api/v1/audit/records/catalog.item-image/${image.id as string}`,
    );
    expect(history.body.map((e: { action: string }) => e.action)).toEqual(['delete', 'create']);
  });

  it('finds items in the global search by name, SKU or a scanned barcode, only for readers', async () => {
    const item = await createItem(api, {
      kind: 'stockable',
      name: 'Yerba mate suave 500 g',
      sku: 'YER-SUA-500',
      barcode: '7790001000026',
      unitId: m.u,
      variantAttributes: ['molienda'],
    });
    await api('POST', `${ITEMS}/${item.id as string}/variants`, {
      sku: 'YER-SUA-500-FINA',
      barcode: '7790001000033',
      attributes: { molienda: 'fina' },
    });
    type Hit = { kind: string; id: string; score: number };
    const search = async (who: Caller, q: string): Promise<Hit[]> => {
      const hits: Hit[] = (await who('GET', `/api/v1/search?q=${encodeURIComponent(q)}`)).body.hits;
      return hits.filter((h) => h.kind === 'item');
    };
    const byName = await search(api, 'mate suave');
    expect(byName[0]).toMatchObject({
      kind: 'item',
      id: item.id,
      title: 'Yerba mate suave 500 g',
      subtitle: 'YER-SUA-500',
      partyId: null,
    });
    expect((await search(api, 'YER-SUA-500'))[0]).toMatchObject({ id: item.id, score: 1 });
    expect((await search(api, '7790001000026'))[0]).toMatchObject({ id: item.id, score: 1 });
    // A variant's barcode finds its item.
    expect((await search(api, '7790001000033'))[0]).toMatchObject({ id: item.id, score: 1 });
    expect(await search(other, 'mate suave')).toEqual([]);
    const portal = await createAccount(t.app, db.current, {
      tenantId: admin.tenantId,
      roles: ['professional-contractor'],
    });
    const contractor = caller(t.app, (await login(t.app, portal)).accessToken);
    expect(await search(contractor, 'mate suave')).toEqual([]);
  });

  it('answers 404 to another company for its items, variants and images', async () => {
    const item = await createItem(api, {
      kind: 'stockable',
      name: 'Solo de A',
      sku: sku('A'),
      unitId: m.u,
      variantAttributes: ['color'],
    });
    const url = `${ITEMS}/${item.id as string}`;
    expect((await other('GET', url)).status).toBe(404);
    expect((await other('PATCH', url, { name: 'Robado' }, { 'if-match': '"1"' })).status).toBe(404);
    expect((await other('DELETE', url, undefined, { 'if-match': '"1"' })).status).toBe(404);
    expect((await other('GET', `${url}/variants`)).status).toBe(404);
    expect((await api('GET', url)).body.name).toBe('Solo de A');
    const search = await other('GET', `${ITEMS}?q=Solo de A`);
    expect(search.body.items).toEqual([]);
  });
});
