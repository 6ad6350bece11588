import { AuditLog } from '@nexo/audit';
import { PermissionService, RoleRepository } from '@nexo/permissions';
import { requestContext, type Principal } from '@nexo/platform';
import { adminClient, createTenant, useTestDatabase } from '@nexo/testing';
import { Money, newId } from '@nexo/utils';
import { sql } from 'drizzle-orm';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { stockCompany } from '../testing/stock-ledger.fixture.js';
import { StockReportRepository } from './stock-report.repository.js';
import { StockReportService } from './stock-report.service.js';

/**
 * The reports on a real PostgreSQL, as the app role under RLS in the company's request
 * transaction. The ledger is written directly (as the superuser) with its summaries built by
 * aggregating it, so what each report reads can be compared with the ledger itself.
 */
describe('inventory reports', () => {
  const db = useTestDatabase();
  let service: StockReportService;
  let tenantId: string;
  let other: string;
  const w1 = newId();
  const w2 = newId();
  const w3 = newId();
  const loc = {
    w1: newId(),
    w1a: newId(),
    w1ab: newId(),
    w2: newId(),
    w3: newId(),
    supplier: newId(),
    customer: newId(),
    transit: newId(),
  };
  const itemX = newId();
  const itemY = newId();
  const lot = newId();
  const moveIds: string[] = [];

  const as = <T>(roles: string[], fn: () => Promise<T>, tenant = tenantId): Promise<T> => {
    const principal: Principal = {
      userId: newId(),
      tenantId: tenant,
      actor: 'employee',
      membershipId: newId(),
      roles,
      issuedAt: 0,
    };
    return requestContext.run({ requestId: newId(), principal }, () =>
      db.current.database.withContext({ tenantId: tenant, userId: principal.userId }, fn),
    );
  };
  const owner = <T>(fn: () => Promise<T>) => as(['owner'], fn);

  async function admin<T>(statement: string, params: unknown[] = []): Promise<T[]> {
    const client = await adminClient(db.current);
    try {
      return (await client.query(statement, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    const { database } = db.current;
    service = new StockReportService(
      new StockReportRepository(database),
      new PermissionService(new RoleRepository(database)),
      new AuditLog(database),
    );
    tenantId = (await createTenant(database, 'Empresa A')).id;
    other = (await createTenant(database, 'Empresa B')).id;
    const t = tenantId;
    // The items, in catalog (the ledger's rows name them), in both companies.
    for (const [tenant, ids] of [
      [t, [itemX, itemY]],
      [other, [itemX]],
    ] as const) {
      const unit = newId();
      await admin(
        `insert into catalog.units (tenant_id, id, code, name) values ($1, $2, 'u', 'Unidad')`,
        [tenant, unit],
      );
      for (const [n, id] of ids.entries())
        await admin(
          `insert into catalog.items (tenant_id, id, kind, name, sku, unit_id)
           values ($1, $2, 'stockable', $3, $3, $4)`,
          [tenant, id, `IT-${n}`, unit],
        );
    }
    await admin(
      `insert into inventory.warehouses (tenant_id, id, code, name) values
         ($1, $2, 'W1', 'Uno'), ($1, $3, 'W2', 'Dos'), ($1, $4, 'W3', 'Tres')`,
      [t, w1, w2, w3],
    );
    await admin(
      `insert into inventory.locations (tenant_id, id, warehouse_id, parent_id, kind, code, name, path)
       values ($1, $2, $9, null, 'internal', 'W1', 'W1', 'W1'),
              ($1, $3, $9, $2, 'internal', 'A', 'A', 'W1/A'),
              ($1, $4, $9, $3, 'internal', 'B', 'B', 'W1/A/B'),
              ($1, $5, $10, null, 'internal', 'W2', 'W2', 'W2'),
              ($1, $6, $11, null, 'internal', 'W3', 'W3', 'W3'),
              ($1, $7, null, null, 'supplier', 'sup', 'sup', '~supplier'),
              ($1, $8, null, null, 'customer', 'cus', 'cus', '~customer'),
              ($1, $12, null, null, 'transit', 'tra', 'tra', '~transit')`,
      [
        t,
        loc.w1,
        loc.w1a,
        loc.w1ab,
        loc.w2,
        loc.w3,
        loc.supplier,
        loc.customer,
        w1,
        w2,
        w3,
        loc.transit,
      ],
    );
    await admin(
      `insert into inventory.lots (tenant_id, id, item_id, code, tracking) values ($1, $2, $3, 'L1', 'lot')`,
      [t, lot, itemY],
    );
    const moves: [string, string, string, string, string, string, string | null][] = [
      // item, from, to, quantity, value, day, lot
      [itemX, loc.supplier, loc.w1a, '10', '30.00', '2026-01-10', null],
      [itemX, loc.supplier, loc.w1ab, '5', '20.00', '2026-01-15', null],
      [itemX, loc.w1a, loc.customer, '4', '10.00', '2026-02-01', null],
      [itemX, loc.w1a, loc.w2, '3', '7.50', '2026-02-10', null],
      [itemX, loc.w1ab, loc.transit, '1', '2.50', '2026-03-01', null],
      [itemX, loc.supplier, loc.w3, '1', '1.00', '2026-03-05', null],
      [itemX, loc.w1ab, loc.w1a, '1', '2.50', '2026-03-06', null],
      [itemY, loc.supplier, loc.w2, '7', '70.00', '2026-01-20', lot],
      [itemY, loc.w2, loc.customer, '2', '20.00', '2026-02-20', lot],
    ];
    for (const [item, from, to, quantity, value, day, lotId] of moves) {
      const id = newId();
      moveIds.push(id);
      await admin(
        `insert into inventory.moves (tenant_id, id, item_id, lot_id, from_location_id,
           to_location_id, quantity, unit_cost, value, effective_date, source_type, source_id)
         values ($1, $2, $3, $4, $5, $6, $7, round($8::numeric / $7::numeric, 6), $8, $9,
                 'test.move', $2)`,
        [t, id, item, lotId, from, to, quantity, value, day],
      );
    }
    await summarize(admin, t);
    // Another company's stock, which no report of the first shows.
    await admin(
      `insert into inventory.item_costs (tenant_id, item_id, quantity, value, unit_cost)
       values ($1, $2, 1, 99, 99)`,
      [other, itemX],
    );
  });

  /** The ledger summed to the end of `day` per location, item, lot, in a warehouse. */
  async function ledgerAt(warehouseId: string, day: string) {
    return admin<{
      location_id: string;
      item_id: string;
      lot_id: string | null;
      q: string;
      v: string;
    }>(
      `select l.id as location_id, m.item_id, m.lot_id,
              trim_scale(sum(case when m.to_location_id = l.id then m.quantity else -m.quantity end))::text as q,
              round(sum(case when m.to_location_id = l.id then m.value else -m.value end), 2)::text as v
         from inventory.moves m
         join inventory.locations l on l.tenant_id = m.tenant_id
          and l.id in (m.to_location_id, m.from_location_id)
        where m.tenant_id = $1 and l.warehouse_id = $2 and m.effective_date <= $3
        group by l.id, l.path, m.item_id, m.lot_id
       having sum(case when m.to_location_id = l.id then m.quantity else -m.quantity end) <> 0
        order by l.path, m.item_id`,
      [tenantId, warehouseId, day],
    );
  }

  it('stock at a past date equals the ledger summed to that date', async () => {
    for (const [warehouseId, day] of [
      [w1, '2026-01-31'],
      [w1, '2026-02-15'],
      [w1, '2026-03-05'],
      [w2, '2026-02-20'],
      [w2, '2026-12-31'],
    ] as const) {
      const report = await owner(() => service.stock({ warehouseId, date: day, limit: '200' }));
      const ledger = await ledgerAt(warehouseId, day);
      expect(
        report.items.map((r) => [r.locationId, r.itemId, r.lotId, r.quantity, r.value]),
      ).toEqual(ledger.map((r) => [r.location_id, r.item_id, r.lot_id, r.q, r.v]));
    }
    const early = await owner(() => service.stock({ warehouseId: w1, date: '2026-02-15' }));
    expect(early.items.map((r) => [r.locationPath, r.quantity])).toEqual([
      ['W1/A', '3'],
      ['W1/A/B', '5'],
    ]);
  });

  it('stock now reads the balances; a location filter takes the locations under it', async () => {
    const now = await owner(() => service.stock({}));
    expect(now.date).toBeNull();
    expect(now.currency).toBe('ARS');
    expect(now.items.map((r) => [r.locationPath, r.itemId, r.quantity])).toEqual([
      ['W1/A', itemX, '4'],
      ['W1/A/B', itemX, '3'],
      ['W2', itemX, '3'],
      ['W2', itemY, '5'],
      ['W3', itemX, '1'],
      ['~transit', itemX, '1'],
    ]);
    const underA = await owner(() => service.stock({ locationId: loc.w1a }));
    expect(underA.items.map((r) => r.locationPath)).toEqual(['W1/A', 'W1/A/B']);
    const ofLot = await owner(() => service.stock({ lotId: lot, date: '2026-02-01' }));
    expect(ofLot.items.map((r) => [r.locationPath, r.quantity, r.value])).toEqual([
      ['W2', '7', '70.00'],
    ]);
    // Pages of two, keyset: the same rows in the same order.
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await owner(() => service.stock({ limit: '2', cursor }));
      seen.push(...page.items.map((r) => `${r.locationPath} ${r.itemId}`));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(now.items.map((r) => `${r.locationPath} ${r.itemId}`));
    expect(await as(['owner'], () => service.stock({}), other)).toMatchObject({ items: [] });
  });

  it('the kardex runs the quantity and value of a warehouse, page after page', async () => {
    const all = await owner(() => service.kardex({ itemId: itemX, warehouseId: w1 }));
    expect(
      all.items.map((r) => [
        r.effectiveDate,
        r.quantity,
        r.value,
        r.balanceQuantity,
        r.balanceValue,
      ]),
    ).toEqual([
      ['2026-01-10', '10', '30.00', '10', '30.00'],
      ['2026-01-15', '5', '20.00', '15', '50.00'],
      ['2026-02-01', '-4', '-10.00', '11', '40.00'],
      ['2026-02-10', '-3', '-7.50', '8', '32.50'],
      ['2026-03-01', '-1', '-2.50', '7', '30.00'],
    ]);
    expect(all.openingQuantity).toBe('0');
    const balances: string[] = [];
    let cursor: string | undefined;
    const openings: string[] = [];
    do {
      const page = await owner(() =>
        service.kardex({ itemId: itemX, warehouseId: w1, limit: '2', cursor }),
      );
      openings.push(`${page.openingQuantity}/${page.openingValue}`);
      balances.push(...page.items.map((r) => `${r.balanceQuantity}/${r.balanceValue}`));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(balances).toEqual(all.items.map((r) => `${r.balanceQuantity}/${r.balanceValue}`));
    expect(openings).toEqual(['0/0.00', '15/50.00', '8/32.50']);
    // From a date, the opening comes from the daily summaries.
    const fromFeb = await owner(() =>
      service.kardex({ itemId: itemX, warehouseId: w1, from: '2026-02-01' }),
    );
    expect([fromFeb.openingQuantity, fromFeb.openingValue]).toEqual(['15', '50.00']);
    expect(fromFeb.items.map((r) => r.balanceQuantity)).toEqual(['11', '8', '7']);
    // Over every internal and transit location: transfers between them do not count.
    const company = await owner(() => service.kardex({ itemId: itemX }));
    expect(company.items.map((r) => r.balanceQuantity)).toEqual(['10', '15', '11', '12']);
  });

  it('the valuation splits each item over its warehouses and sums to the company, to the cent', async () => {
    const report = await owner(() => service.valuation({}));
    const x = report.items.filter((r) => r.itemId === itemX);
    const inWarehouses = [w1, w2, w3].sort();
    const quantities: Record<string, string> = { [w1]: '7', [w2]: '3', [w3]: '1' };
    expect(x.map((r) => [r.warehouseId, r.quantity])).toEqual([
      ...inWarehouses.map((w) => [w, quantities[w]]),
      [null, '1'],
    ]);
    const cents = (v: string) => BigInt(v.replace('.', ''));
    const [costX] = await admin<{ value: string }>(
      `select round(value, 2)::text as value from inventory.item_costs where tenant_id = $1 and item_id = $2`,
      [tenantId, itemX],
    );
    expect(costX?.value).toBe('41.00');
    expect(x.reduce((s, r) => s + cents(r.value), 0n)).toBe(cents('41.00'));
    // 41.00 over 7, 3, 1, 1 of 12: 23.91⅔, 10.25, 3.41⅔, 3.41⅔; the two cents left go to the
    // first two largest remainders.
    expect(x.find((r) => r.warehouseId === w2)?.value).toBe('10.25');
    expect(x.find((r) => r.warehouseId === w1)?.value).toBe('23.92');
    const warehouses = report.totals.warehouses.reduce((s, w) => s + cents(w.value), 0n);
    expect(warehouses).toBe(cents(report.totals.value));
    expect(report.totals.value).toBe('91.00');
    expect(report.totals.quantity).toBe('17');
    // A page of two and then the rest: the same lines.
    const first = await owner(() => service.valuation({ limit: '2' }));
    const rest = await owner(() =>
      service.valuation({ limit: '200', cursor: first.nextCursor ?? undefined }),
    );
    expect([...first.items, ...rest.items]).toEqual(report.items);
    const onlyW2 = await owner(() => service.valuation({ warehouseId: w2 }));
    expect(onlyW2.items.map((r) => r.itemId).sort()).toEqual([itemX, itemY].sort());
  });

  it('slow movers: stock whose last move is older than the days asked', async () => {
    const report = await owner(() => service.slowMovers({ days: '90' }, '2026-06-15'));
    expect(report.before).toBe('2026-03-17');
    expect(report.items.map((r) => [r.warehouseId, r.itemId, r.quantity, r.lastMoveOn])).toEqual(
      expect.arrayContaining([
        [w1, itemX, '7', '2026-03-06'],
        [w3, itemX, '1', '2026-03-05'],
      ]),
    );
    // Oldest first: what came into W2 on 10 February and never moved since.
    expect(report.items[0]?.lastMoveOn).toBe('2026-02-10');
    const none = await owner(() => service.slowMovers({ days: '200' }, '2026-06-15'));
    expect(none.items).toEqual([]);
  });

  it('hides unit costs and values from roles without costs', async () => {
    const stock = await as(['sales'], () => service.stock({}));
    expect(stock.items.length).toBeGreaterThan(0);
    for (const line of stock.items) {
      expect(line).not.toHaveProperty('unitCost');
      expect(line).not.toHaveProperty('value');
    }
    const past = await as(['warehouse'], () => service.stock({ date: '2026-02-15' }));
    expect(past.items.every((l) => !('value' in l))).toBe(true);
    const kardex = await as(['sales'], () => service.kardex({ itemId: itemX, warehouseId: w1 }));
    expect(kardex).not.toHaveProperty('openingValue');
    for (const line of kardex.items) {
      expect(Object.keys(line)).not.toEqual(expect.arrayContaining(['unitCost']));
      expect(line).not.toHaveProperty('value');
      expect(line).not.toHaveProperty('balanceValue');
    }
    const slow = await as(['sales'], () => service.slowMovers({}, '2026-12-31'));
    expect(slow.items.length).toBeGreaterThan(0);
    expect(slow.items.every((l) => !('value' in l) && !('unitCost' in l))).toBe(true);
    const accountant = await as(['accountant'], () => service.stock({}));
    expect(accountant.items[0]).toHaveProperty('value');
  });

  it('exports the stock as CSV without the columns the reader may not read', async () => {
    const csv = async (roles: string[]) => {
      const chunks: Buffer[] = [];
      const out = new PassThrough();
      out.on('data', (chunk: Buffer) => chunks.push(chunk));
      const rows = await as(roles, () =>
        service.exportStockCsv({ warehouseId: w1, date: '2026-02-15' }, () => out),
      );
      return {
        rows,
        lines: Buffer.concat(chunks)
          .toString('utf8')
          .replace(/^\uFEFF/, '')
          .trim()
          .split('\n'),
      };
    };
    const warehouse = await csv(['warehouse']);
    expect(warehouse.rows).toBe(2);
    expect(warehouse.lines[0]).toBe(
      'locationPath,locationId,warehouseId,itemId,variantId,lotId,quantity',
    );
    const owned = await csv(['owner']);
    expect(owned.lines[0]).toMatch(/,quantity,unitCost,value$/);
    expect(owned.lines[1]).toMatch(/^W1\/A,.*,3,,12\.50$/);
  });

  it('refuses a cursor it did not make', async () => {
    await expect(owner(() => service.stock({ cursor: 'bm90IGEgY3Vyc29y' }))).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(owner(() => service.stock({ date: '0000-01-01' }))).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(owner(() => service.kardex({ itemId: itemX, limit: '0' }))).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });
});

/**
 * The summaries a posting keeps, built from the ledger of one company: balances and daily
 * changes of internal and transit locations, stock levels per warehouse (with the day of the
 * last move), and the company's quantity and value per item.
 */
async function summarize(
  admin: (statement: string, params?: unknown[]) => Promise<unknown[]>,
  tenantId: string,
) {
  const sides = `
    select m.tenant_id, m.item_id, m.variant_id, m.lot_id, l.id as location_id, l.warehouse_id,
           m.effective_date as day, m.quantity * s.sign as quantity, m.value * s.sign as value
      from inventory.moves m
      cross join (values (1), (-1)) as s(sign)
      join inventory.locations l on l.tenant_id = m.tenant_id
       and l.id = case when s.sign = 1 then m.to_location_id else m.from_location_id end
     where m.tenant_id = $1 and l.kind in ('internal', 'transit')`;
  await admin(
    `insert into inventory.daily_changes
       (tenant_id, location_id, warehouse_id, item_id, variant_id, lot_id, day, quantity, value)
     select tenant_id, location_id, warehouse_id, item_id, variant_id, lot_id, day, sum(quantity), sum(value)
       from (${sides}) x group by 1, 2, 3, 4, 5, 6, 7`,
    [tenantId],
  );
  await admin(
    `insert into inventory.balances (tenant_id, item_id, variant_id, location_id, lot_id, warehouse_id, on_hand)
     select tenant_id, item_id, variant_id, location_id, lot_id, warehouse_id, sum(quantity)
       from (${sides}) x group by 1, 2, 3, 4, 5, 6`,
    [tenantId],
  );
  await admin(
    `insert into inventory.stock_levels (tenant_id, item_id, variant_id, warehouse_id, on_hand, last_move_on)
     select tenant_id, item_id, variant_id, warehouse_id, sum(quantity), max(day)
       from (${sides}) x where warehouse_id is not null group by 1, 2, 3, 4`,
    [tenantId],
  );
  await admin(
    `insert into inventory.item_costs (tenant_id, item_id, variant_id, quantity, value, unit_cost)
     select tenant_id, item_id, variant_id, sum(quantity), sum(value),
            case when sum(quantity) = 0 then 0 else round(sum(value) / sum(quantity), 6) end
       from (${sides}) x group by 1, 2, 3`,
    [tenantId],
  );
}

/** The reports over what StockPosting itself writes: the summaries agree with its ledger. */
describe('inventory reports over posted moves', () => {
  const db = useTestDatabase();

  it('past stock, kardex and valuation agree with the ledger StockPosting wrote', async () => {
    const { database } = db.current;
    const c = await stockCompany(database, { valuation: 'fifo' });
    const service = new StockReportService(
      new StockReportRepository(database),
      new PermissionService(new RoleRepository(database)),
      new AuditLog(database),
    );
    const item = await c.item({ cost: '1' });
    const other = await c.item({ cost: '1' });
    const receive = (itemId: string, to: string, quantity: string, unitCost: string, day: string) =>
      c.post([{ itemId, fromLocationId: c.place.supplier, toLocationId: to, quantity, unitCost }], {
        effectiveDate: day,
      });
    await receive(item.id, c.stock.a, '3', '10.01', '2026-03-01');
    await receive(item.id, c.stock.b, '4', '10.02', '2026-03-02');
    await receive(other.id, c.stock.b, '7', '3.33', '2026-03-02');
    await c.post(
      [
        {
          itemId: item.id,
          fromLocationId: c.stock.a,
          toLocationId: c.place.customer,
          quantity: '2',
        },
        { itemId: item.id, fromLocationId: c.stock.b, toLocationId: c.stock.a, quantity: '1' },
      ],
      { effectiveDate: '2026-03-10' },
    );
    await c.post(
      [
        {
          itemId: item.id,
          fromLocationId: c.stock.b,
          toLocationId: c.place.transit,
          quantity: '2',
        },
      ],
      { effectiveDate: '2026-03-20' },
    );

    // Two deliveries on one day: a page may end between them.
    for (const quantity of ['1', '1'])
      await c.post(
        [{ itemId: other.id, fromLocationId: c.stock.b, toLocationId: c.place.customer, quantity }],
        { effectiveDate: '2026-03-12' },
      );
    const whole = await c.request(() => service.kardex({ itemId: other.id }));
    expect(whole.items.map((r) => r.balanceQuantity)).toEqual(['7', '6', '5']);
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await c.request(() => service.kardex({ itemId: other.id, limit: '1', cursor }));
      paged.push(`${page.openingQuantity}→${page.items.map((r) => r.balanceQuantity).join()}`);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(['0→7', '7→6', '6→5']);

    const at = await c.request(() => service.stock({ date: '2026-03-05' }));
    expect(at.items.map((r) => [r.locationPath, r.itemId, r.quantity, r.value])).toEqual(
      [
        ['CEN/A', item.id, '3', '30.03'],
        ['CEN/B', item.id, '4', '40.08'],
        ['CEN/B', other.id, '7', '23.31'],
      ].sort((x, y) => `${x[0]}${x[1]}`.localeCompare(`${y[0]}${y[1]}`)),
    );
    const now = await c.request(() => service.stock({ itemId: item.id }));
    expect(now.items.map((r) => [r.locationPath, r.quantity])).toEqual([
      ['CEN/A', '2'],
      ['CEN/B', '1'],
      ['~transit', '2'],
    ]);

    const kardex = await c.request(() =>
      service.kardex({ itemId: item.id, warehouseId: c.warehouseId }),
    );
    const moved = await c.rows<{ n: string; v: string }>(sql`
      select count(*)::text as n, sum(value)::numeric(20, 2)::text as v from inventory.moves
       where item_id = ${item.id} and from_location_id = ${c.place.supplier}`);
    expect(moved[0]).toEqual({ n: '2', v: '70.11' });
    // In 3, in 4, out 2 to the customer, out 2 to transit (the move between bins is inside).
    expect(kardex.items.map((r) => r.balanceQuantity)).toEqual(['3', '7', '5', '3']);
    const last = kardex.items[kardex.items.length - 1];
    const [cost] = await c.rows<{ value: string }>(sql`
      select value::numeric(20, 2)::text as value from inventory.item_costs where item_id = ${item.id}`);
    const [inTransit] = await c.rows<{ value: string }>(sql`
      select (-sum(value))::numeric(20, 2)::text as value from inventory.moves
       where item_id = ${item.id} and to_location_id = ${c.place.transit}`);
    // What the warehouse holds, plus what left it for transit, is the company's value.
    expect(
      Money.of(last?.balanceValue ?? '0', 'ARS')
        .minus(Money.of(inTransit?.value ?? '0', 'ARS'))
        .toString(),
    ).toBe(cost?.value);

    const valuation = await c.request(() => service.valuation({}));
    const values = await c.rows<{ value: string }>(sql`
      select sum(value)::numeric(20, 2)::text as value from inventory.item_costs`);
    expect(valuation.totals.value).toBe(values[0]?.value);
    expect(
      Money.sum(
        valuation.items.map((l) => Money.of(l.value, 'ARS')),
        'ARS',
      ).toString(),
    ).toBe(valuation.totals.value);
    expect(
      valuation.items.filter((l) => l.itemId === item.id).map((l) => [l.warehouseId, l.quantity]),
    ).toEqual([
      [c.warehouseId, '3'],
      [null, '2'],
    ]);
  });
});
