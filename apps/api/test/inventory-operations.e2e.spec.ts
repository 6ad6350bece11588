import { adminClient, useTestDatabase } from '@nexo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, login, type TestAccount } from './helpers/accounts.js';
import { caller, createItem, seedMasters, type Caller } from './helpers/catalog.js';
import { useTestApp } from './helpers/test-app.js';

const V1 = '/api/v1/inventory';
const OPS = `${V1}/operations`;
const COUNTS = `${V1}/counts`;
type Doc = Record<string, unknown> & { id: string; version: number };

/**
 * Stock operations and counts (issue 26) through the HTTP API on a real PostgreSQL: the moves
 * they post in their own transaction, the balances that follow, the gapless number of each
 * kind, the guards on posted documents, and counts that move only what was counted.
 */
describe('inventory operations and counts', () => {
  const db = useTestDatabase();
  const t = useTestApp(db);
  let admin: TestAccount;
  let api: Caller;
  let other: Caller;
  const item: Record<'bolt' | 'nut' | 'washer', string> = { bolt: '', nut: '', washer: '' };
  let w1: string;
  let w2: string;
  let root1: string;
  let zoneA: string;
  let root2: string;

  async function sql<T>(text: string, params: unknown[]): Promise<T[]> {
    const client = await adminClient(db.current);
    try {
      return (await client.query(text, params)).rows as T[];
    } finally {
      await client.end();
    }
  }
  /** On hand of an item at a location (all lots), as the balances say. */
  const onHand = async (itemId: string, locationId: string): Promise<string> => {
    const [row] = await sql<{ q: string }>(
      `select coalesce(sum(on_hand), 0)::text as q from inventory.balances
        where tenant_id = $1 and item_id = $2 and location_id = $3`,
      [admin.tenantId, itemId, locationId],
    );
    return String(Number(row?.q ?? '0'));
  };
  const virtual = async (kind: string): Promise<string> => {
    const [row] = await sql<{ id: string }>(
      `select id from inventory.locations where tenant_id = $1 and kind = $2 and warehouse_id is null`,
      [admin.tenantId, kind],
    );
    return row?.id ?? '';
  };
  const rootOf = async (warehouseId: string): Promise<string> => {
    const [row] = await sql<{ id: string }>(
      `select id from inventory.locations where tenant_id = $1 and warehouse_id = $2 and parent_id is null`,
      [admin.tenantId, warehouseId],
    );
    return row?.id ?? '';
  };
  const made = async (url: string, body: object): Promise<Doc> => {
    const res = await api('POST', url, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as Doc;
  };
  const act = (url: string, doc: Doc, action: string) =>
    api('POST', `${url}/${doc.id}/${action}`, undefined, { 'if-match': `"${doc.version}"` });
  const acted = async (url: string, doc: Doc, action: string): Promise<Doc> => {
    const res = await act(url, doc, action);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as Doc;
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
    const stockable = (sku: string, over: object = {}) =>
      createItem(api, { kind: 'stockable', name: sku, sku, unitId: m.u, cost: '2', ...over });
    item.bolt = (await stockable('BOLT-1', { barcode: 'BOLT-BAR' })).id as string;
    item.nut = (await stockable('NUT-1')).id as string;
    item.washer = (await stockable('WASH-1')).id as string;
    w1 = (await made(`${V1}/warehouses`, { code: 'W1', name: 'Central' })).id;
    w2 = (await made(`${V1}/warehouses`, { code: 'W2', name: 'Sucursal' })).id;
    root1 = await rootOf(w1);
    root2 = await rootOf(w2);
    zoneA = (await made(`${V1}/locations`, { parentId: root1, code: 'A', name: 'Zona A' })).id;
  });

  it('posts an adjustment: its number, its moves from the adjustment location, the balances', async () => {
    const draft = await made(OPS, {
      kind: 'adjustment',
      warehouseId: w1,
      locationId: zoneA,
      reason: 'initial_stock',
      notes: 'Stock inicial',
      lines: [
        { itemId: item.bolt, quantity: '10', unitCost: '5' },
        { itemId: item.nut, quantity: '4' },
      ],
    });
    expect(draft).toMatchObject({ state: 'draft', number: null, locationId: zoneA });
    expect(draft.lines).toMatchObject([
      { itemId: item.bolt, quantity: '10', unitCost: '5', lotId: null },
      { itemId: item.nut, quantity: '4' },
    ]);
    const posted = await acted(OPS, draft, 'post');
    expect(posted).toMatchObject({ state: 'posted', number: 'AJ-00000001' });
    expect(posted.issuedAt).toBeTruthy();
    expect(await onHand(item.bolt, zoneA)).toBe('10');
    expect(await onHand(item.nut, zoneA)).toBe('4');
    const moves = await sql<{ from_location_id: string; unit_cost: string }>(
      `select from_location_id, unit_cost::text from inventory.moves
        where tenant_id = $1 and source_type = 'inventory.adjustment' and source_id = $2
        order by quantity desc`,
      [admin.tenantId, draft.id],
    );
    expect(moves).toHaveLength(2);
    expect(moves[0]?.from_location_id).toBe(await virtual('adjustment'));
    expect(Number(moves[0]?.unit_cost)).toBe(5);

    // A loss goes out to the adjustment location.
    const lost = await made(OPS, {
      kind: 'adjustment',
      warehouseId: w1,
      locationId: zoneA,
      reason: 'damage',
      lines: [{ itemId: item.bolt, quantity: '-3' }],
    });
    expect(await acted(OPS, lost, 'post')).toMatchObject({ number: 'AJ-00000002' });
    expect(await onHand(item.bolt, zoneA)).toBe('7');
  });

  it('never changes a posted operation, and keeps each kind’s numbers without gaps', async () => {
    const draft = await made(OPS, {
      kind: 'scrap',
      warehouseId: w1,
      locationId: zoneA,
      reason: 'damage',
      lines: [{ itemId: item.nut, quantity: '1' }],
    });
    const posted = await acted(OPS, draft, 'post');
    expect(posted.number).toBe('BA-00000001');
    expect(await onHand(item.nut, zoneA)).toBe('3');
    const ifMatch = { 'if-match': `"${posted.version}"` };
    const edit = await api('PATCH', `${OPS}/${posted.id}`, { notes: 'x' }, ifMatch);
    expect(edit.status).toBe(409);
    expect(edit.body).toMatchObject({ code: 'document_issued' });
    expect((await api('DELETE', `${OPS}/${posted.id}`, undefined, ifMatch)).status).toBe(409);
    const again = await act(OPS, posted, 'post');
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'transition_not_allowed' });

    // A post the ledger refuses gives its number back: the next one takes it.
    const tooMuch = await made(OPS, {
      kind: 'scrap',
      warehouseId: w1,
      locationId: zoneA,
      reason: 'theft',
      lines: [{ itemId: item.nut, quantity: '1000' }],
    });
    const refused = await act(OPS, tooMuch, 'post');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'insufficient_stock' });
    expect(await api('GET', `${OPS}/${tooMuch.id}`)).toMatchObject({
      body: { state: 'draft', number: null },
    });
    const next = await made(OPS, {
      kind: 'scrap',
      warehouseId: w1,
      locationId: zoneA,
      reason: 'other',
      lines: [{ itemId: item.nut, quantity: '1' }],
    });
    expect(await acted(OPS, next, 'post')).toMatchObject({ number: 'BA-00000002' });
  });

  it('numbers operations posted at once without gaps, and posts one only once', async () => {
    const draft = (quantity: string) =>
      made(OPS, {
        kind: 'adjustment',
        warehouseId: w1,
        locationId: root1,
        reason: 'found',
        lines: [{ itemId: item.washer, quantity }],
      });
    const drafts = await Promise.all(['1', '1', '-500', '1', '1', '1'].map((q) => draft(q)));
    const answers = await Promise.all(drafts.map((d) => act(OPS, d, 'post')));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 409]);
    const numbers = answers.flatMap((a) => (a.status === 200 ? [a.body.number as string] : []));
    const [last] = await sql<{ n: string }>(
      `select max(number) as n from inventory.operations
        where tenant_id = $1 and kind = 'adjustment'`,
      [admin.tenantId],
    );
    const top = Number(last?.n.slice(3));
    expect(numbers.map((n) => Number(n.slice(3))).sort((a, b) => a - b)).toEqual(
      [4, 3, 2, 1, 0].map((back) => top - back),
    );
    // The same draft posted twice at once moves its stock once.
    const once = await draft('2');
    const twice = await Promise.all([act(OPS, once, 'post'), act(OPS, once, 'post')]);
    expect(twice.map((a) => a.status).sort()).toEqual([200, 412]);
    const [moved] = await sql<{ n: string }>(
      `select count(*)::text as n from inventory.moves where tenant_id = $1 and source_id = $2`,
      [admin.tenantId, once.id],
    );
    expect(moved?.n).toBe('1');
    // Put the washers back as they were for the count below.
    const back = await made(OPS, {
      kind: 'adjustment',
      warehouseId: w1,
      locationId: root1,
      reason: 'other',
      lines: [{ itemId: item.washer, quantity: '-7' }],
    });
    await acted(OPS, back, 'post');
    expect(await onHand(item.washer, root1)).toBe('0');
  });

  it('refuses a location of another warehouse, an empty post and a wrong step', async () => {
    const foreign = await api('POST', OPS, {
      kind: 'adjustment',
      warehouseId: w1,
      locationId: root2,
      reason: 'found',
      lines: [{ itemId: item.bolt, quantity: '1' }],
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body).toMatchObject({ code: 'location_not_in_warehouse' });
    const noReason = await api('POST', OPS, {
      kind: 'adjustment',
      warehouseId: w1,
      locationId: zoneA,
      lines: [],
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body).toMatchObject({ issues: [{ path: 'reason' }] });
    const empty = await made(OPS, {
      kind: 'adjustment',
      warehouseId: w1,
      locationId: zoneA,
      reason: 'other',
      lines: [],
    });
    const posted = await act(OPS, empty, 'post');
    expect(posted.status).toBe(422);
    expect(posted.body).toMatchObject({ code: 'document_empty' });
    const shipped = await act(OPS, empty, 'ship');
    expect(shipped.status).toBe(409);
    expect(shipped.body).toMatchObject({ code: 'transition_not_allowed' });
    // Another company sees none of it.
    expect((await other('GET', `${OPS}/${empty.id}`)).status).toBe(404);
    const cancelled = await acted(OPS, empty, 'cancel');
    expect(cancelled.state).toBe('cancelled');
  });

  it('moves a transfer through transit: in transit once shipped, at its destination once received', async () => {
    const draft = await made(OPS, {
      kind: 'transfer',
      warehouseId: w1,
      fromLocationId: zoneA,
      toLocationId: root2,
      viaTransit: true,
      lines: [{ itemId: item.bolt, quantity: '2' }],
    });
    expect((await act(OPS, draft, 'post')).status).toBe(409);
    const shipped = await acted(OPS, draft, 'ship');
    expect(shipped).toMatchObject({ state: 'shipped', number: 'TR-00000001', receivedAt: null });
    const transit = await virtual('transit');
    expect(await onHand(item.bolt, zoneA)).toBe('5');
    expect(await onHand(item.bolt, transit)).toBe('2');
    expect(await onHand(item.bolt, root2)).toBe('0');
    const received = await acted(OPS, shipped, 'receive');
    expect(received).toMatchObject({ state: 'received', number: 'TR-00000001' });
    expect(received.receivedAt).toBeTruthy();
    expect(await onHand(item.bolt, transit)).toBe('0');
    expect(await onHand(item.bolt, root2)).toBe('2');

    // A direct one posts in one step.
    const direct = await made(OPS, {
      kind: 'transfer',
      warehouseId: w1,
      fromLocationId: zoneA,
      toLocationId: root1,
      lines: [{ itemId: item.bolt, quantity: '1' }],
    });
    expect(await acted(OPS, direct, 'post')).toMatchObject({ number: 'TR-00000002' });
    expect(await onHand(item.bolt, root1)).toBe('1');
    expect(await onHand(item.bolt, zoneA)).toBe('4');

    const csv = await api('GET', `${OPS}/export.csv?kind=transfer`);
    expect(csv.status).toBe(200);
    const text = csv.raw.toString();
    expect(text).toContain('TR-00000001');
    expect(text).not.toContain('AJ-00000001');
  });

  it('counts: freezes on hand, takes scans, posts only the differences of what was counted', async () => {
    // Before: bolt 4 in A and 1 in the root; nut 2 in A.
    const draft = await made(COUNTS, { warehouseId: w1 });
    expect(draft).toMatchObject({ state: 'draft', locationId: root1, lines: [] });
    const notYet = await api('POST', `${COUNTS}/${draft.id}/scan`, { code: 'BOLT-1' });
    expect(notYet.status).toBe(409);
    const started = await acted(COUNTS, draft, 'start');
    expect(started.frozenAt).toBeTruthy();
    const lines = started.lines as { id: string; itemId: string; locationId: string }[];
    expect(started.lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          itemId: item.bolt,
          locationId: zoneA,
          expected: '4',
          counted: null,
        }),
        expect.objectContaining({ itemId: item.bolt, locationId: root1, expected: '1' }),
        expect.objectContaining({ itemId: item.nut, locationId: zoneA, expected: '2' }),
      ]),
    );
    expect(lines).toHaveLength(3);

    // Barcode, then SKU with a quantity: 3 bolts in A (one missing).
    const scan = (body: object) => api('POST', `${COUNTS}/${draft.id}/scan`, body);
    expect((await scan({ code: 'BOLT-BAR', locationId: zoneA })).body).toMatchObject({
      counted: '1',
      expected: '4',
    });
    expect((await scan({ code: 'BOLT-1', quantity: '2', locationId: zoneA })).body).toMatchObject({
      counted: '3',
      difference: '-1',
    });
    // A washer nobody expected, in the root.
    const found = await scan({ code: 'WASH-1' });
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    expect(found.body).toMatchObject({ itemId: item.washer, expected: '0', counted: '1' });
    expect((await scan({ code: 'NOPE-9' })).body).toMatchObject({ code: 'unknown_code' });
    expect((await scan({ code: 'BOLT-1', locationId: root2 })).body).toMatchObject({
      code: 'location_not_in_warehouse',
    });
    // The root's bolt counted by hand, as expected: it moves nothing.
    const rootBolt = lines.find((l) => l.itemId === item.bolt && l.locationId === root1);
    const patched = await api('PATCH', `${COUNTS}/${draft.id}/lines`, {
      lines: [{ id: rootBolt?.id, counted: '1' }],
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toMatchObject([{ counted: '1', difference: '0' }]);

    const current = (await api('GET', `${COUNTS}/${draft.id}`)).body as Doc;
    const posted = await acted(COUNTS, current, 'post');
    expect(posted).toMatchObject({ state: 'posted', number: 'RC-00000001' });
    const moves = await sql<{ item_id: string; quantity: string }>(
      `select item_id, quantity::text from inventory.moves
        where tenant_id = $1 and source_type = 'inventory.count' and source_id = $2`,
      [admin.tenantId, draft.id],
    );
    expect(moves).toHaveLength(2);
    expect(await onHand(item.bolt, zoneA)).toBe('3');
    expect(await onHand(item.bolt, root1)).toBe('1');
    expect(await onHand(item.washer, root1)).toBe('1');
    // The nuts nobody counted are left as they were.
    expect(await onHand(item.nut, zoneA)).toBe('2');
    const late = await api('PATCH', `${COUNTS}/${draft.id}/lines`, {
      lines: [{ id: rootBolt?.id, counted: '5' }],
    });
    expect(late.status).toBe(409);
  });

  it('names lots on tracked items: by code on the way in, required on the way out', async () => {
    const units = (await api('GET', '/api/v1/catalog/units')).body as { items: { id: string }[] };
    const lotted = (await createItem(api, {
      kind: 'stockable',
      name: 'Vacuna',
      sku: 'VAC-1',
      unitId: units.items[0]?.id,
      tracking: 'lot',
      cost: '7',
    })) as { id: string };
    const inbound = await made(OPS, {
      kind: 'adjustment',
      warehouseId: w1,
      locationId: zoneA,
      reason: 'initial_stock',
      lines: [{ itemId: lotted.id, lotCode: 'L-2026-01', quantity: '6' }],
    });
    const lotId = (inbound.lines as { lotId: string; lotCode: string }[])[0]?.lotId;
    expect(inbound.lines).toMatchObject([{ lotCode: 'L-2026-01', quantity: '6' }]);
    expect(lotId).toBeTruthy();
    await acted(OPS, inbound, 'post');
    const [balance] = await sql<{ lot_id: string; q: string }>(
      `select lot_id, on_hand::text as q from inventory.balances
        where tenant_id = $1 and item_id = $2 and location_id = $3`,
      [admin.tenantId, lotted.id, zoneA],
    );
    expect(balance).toMatchObject({ lot_id: lotId });
    expect(Number(balance?.q)).toBe(6);

    const noLot = await made(OPS, {
      kind: 'scrap',
      warehouseId: w1,
      locationId: zoneA,
      reason: 'damage',
      lines: [{ itemId: lotted.id, quantity: '1' }],
    });
    const refused = await act(OPS, noLot, 'post');
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'lot_required' });

    // A count reads the lot with the item; without it the scan is refused.
    const count = await acted(
      COUNTS,
      await made(COUNTS, { warehouseId: w1, locationId: zoneA }),
      'start',
    );
    const scan = (body: object) => api('POST', `${COUNTS}/${count.id}/scan`, body);
    expect((await scan({ code: 'VAC-1' })).body).toMatchObject({ code: 'lot_required' });
    expect((await scan({ code: 'VAC-1', lotCode: 'L-2026-01', quantity: '5' })).body).toMatchObject(
      { lotId, expected: '6', counted: '5', difference: '-1' },
    );
    const posted = await acted(COUNTS, count, 'post');
    expect(posted.number).toBe('RC-00000002');
    expect(await onHand(lotted.id, zoneA)).toBe('5');
  });

  it('does not post a count nobody counted', async () => {
    const started = await acted(
      COUNTS,
      await made(COUNTS, { warehouseId: w1, locationId: zoneA }),
      'start',
    );
    const posted = await act(COUNTS, started, 'post');
    expect(posted.status).toBe(422);
    expect(posted.body).toMatchObject({ code: 'document_empty' });
    expect((await acted(COUNTS, started, 'cancel')).state).toBe('cancelled');
    const foreign = await api('POST', COUNTS, { warehouseId: w1, locationId: root2 });
    expect(foreign.body).toMatchObject({ code: 'location_not_in_warehouse' });
  });
});
