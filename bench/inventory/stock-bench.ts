/**
 * Inventory at a million moves (issue 26; erp.md §4, "reports stay fast at a million rows").
 *
 *   npm run bench:inventory               1,000,000 moves: 10 companies × 1,000 items × 100
 *   npm run bench:inventory -- --quick    100,000 moves: 10 companies × 100 items × 100
 *
 * On a scratch database (BENCH_DATABASE_URL or TEST_DATABASE_URL: a superuser URL of a server,
 * or an embedded PostgreSQL in a temporary folder), migrated as deployed. The ledger is made
 * with bulk SQL as the owner role (company by company, under its RLS): each item receives,
 * delivers, moves between bins and between the company's two warehouses over two years, with
 * no balance ever below zero; balances, daily changes, stock levels, item costs and FIFO layers
 * are then aggregated from those moves, so they equal the ledger.
 *
 * Measured as the app role under RLS, in the company's request transaction exactly as the API
 * runs it (read-only for GETs), with the routes' own service code: stock on hand at a past date
 * for one warehouse, the valuation report, a 20-line delivery posted through StockPosting with
 * FIFO, and a back-dated correction (60 days ago), with the EXPLAIN of what reposting that
 * item's later moves would have read. Results: bench/results/inventory.json.
 */
import 'reflect-metadata';
import { AuditLog } from '@nexo/audit';
import { StockItemFacts } from '@nexo/catalog';
import { Database, appRoleUrl, migrate } from '@nexo/db';
import { InventoryModule, InventorySettings, StockLocations, StockPosting } from '@nexo/inventory';
import { PermissionService, RoleRepository } from '@nexo/permissions';
import { requestContext, type Principal } from '@nexo/platform';
import { TenantDirectory } from '@nexo/tenancy';
import { newId } from '@nexo/utils';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { StockReportRepository } from '../../libs/server/inventory/src/reports/stock-report.repository.ts';
import type { StockReportService } from '../../libs/server/inventory/src/reports/stock-report.service.ts';
import { explain } from '../lib/explain.ts';
import { scratchDatabase } from '../lib/scratch-database.ts';
import { elapsed, summary } from '../lib/timings.ts';

const QUICK = process.argv.includes('--quick');
const COMPANIES = 10;
const ITEMS = QUICK ? 100 : 1000;
/** Moves per item: ten cycles of ten. */
const MOVES_PER_ITEM = 100;
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 40);
const LINES = 20;
const PAST_DAY = '2026-06-30';

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (days: number) => {
  const at = new Date();
  at.setUTCDate(at.getUTCDate() - days);
  return at.toISOString().slice(0, 10);
};

// The scratch database: a server of the machine's, or an embedded one without durability.
const scratch = await scratchDatabase('inventory');
const { adminUrl } = scratch;
const appPassword = randomBytes(16).toString('hex');

/** The providers of InventoryModule by class name: the routes' own classes, built by hand. */
const providers = new Map(
  (Reflect.getMetadata('providers', InventoryModule) as { name: string }[]).map((p) => [p.name, p]),
);
type Constructor<T> = new (...args: never[]) => T;
const providerClass = <T>(className: string): Constructor<T> => {
  const found = providers.get(className);
  if (!found) throw new Error(`InventoryModule has no provider ${className}`);
  return found as unknown as Constructor<T>;
};

const report: Record<string, unknown> = {
  quick: QUICK,
  companies: COMPANIES,
  itemsPerCompany: ITEMS,
};
let database: Database | undefined;
try {
  let started = performance.now();
  await migrate(adminUrl, { appPassword });
  const migrateMs = elapsed(started);

  // ---- Generation: company by company, as the owner role under the company's RLS.
  const admin = new pg.Client({ connectionString: adminUrl });
  // Dropping the scratch database at the end ends this connection if a failure left it open.
  admin.on('error', () => undefined);
  await admin.connect();
  const companies: {
    id: string;
    warehouses: [string, string];
    bins: string[];
    supplier: string;
    customer: string;
    adjustment: string;
  }[] = [];
  started = performance.now();
  for (let n = 1; n <= COMPANIES; n++) {
    const tenantId = newId();
    const warehouses: [string, string] = [newId(), newId()];
    const roots = [newId(), newId()];
    const bins = Array.from({ length: 6 }, () => newId());
    const [supplier, customer, adjustment, transit, unit] = [
      newId(),
      newId(),
      newId(),
      newId(),
      newId(),
    ];
    await admin.query('begin');
    await admin.query('set local role nexo_owner');
    await admin.query('set local synchronous_commit = off');
    await admin.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
    await admin.query(`insert into tenancy.tenants (id, slug, name) values ($1, $2, $3)`, [
      tenantId,
      `bench-${n}-${tenantId.slice(-6)}`,
      `Empresa ${n}`,
    ]);
    await admin.query(
      `insert into inventory.settings (tenant_id, valuation_method) values ($1, 'fifo')`,
      [tenantId],
    );
    await admin.query(
      `insert into catalog.units (tenant_id, id, code, name) values ($1, $2, 'u', 'Unidad')`,
      [tenantId, unit],
    );
    // Item ids and move ids are made from numbers (valid UUIDs of version 8), so the generated
    // rows are reproducible.
    await admin.query(
      `insert into catalog.items (tenant_id, id, kind, name, sku, unit_id, cost)
       select $1::uuid, (lpad(to_hex($2::int), 8, '0') || '-a000-8000-8000-' || lpad(to_hex(i), 12, '0'))::uuid,
              'stockable', 'Artículo ' || i, 'B-' || i, $3::uuid, (i % 50) + 1.25
         from generate_series(0, $4::int - 1) i`,
      [tenantId, n, unit, ITEMS],
    );
    await admin.query(
      `insert into inventory.warehouses (tenant_id, id, code, name) values
         ($1, $2, 'W1', 'Central'), ($1, $3, 'W2', 'Norte')`,
      [tenantId, ...warehouses],
    );
    await admin.query(
      `insert into inventory.locations (tenant_id, id, warehouse_id, parent_id, kind, code, name, path)
       values ($1, $2, $4, null, 'internal', 'W1', 'W1', 'W1'),
              ($1, $3, $5, null, 'internal', 'W2', 'W2', 'W2'),
              ($1, $6, null, null, 'supplier', 'SUP', 'Proveedores', '~supplier'),
              ($1, $7, null, null, 'customer', 'CUS', 'Clientes', '~customer'),
              ($1, $8, null, null, 'adjustment', 'ADJ', 'Ajustes', '~adjustment'),
              ($1, $9, null, null, 'transit', 'TRA', 'En tránsito', '~transit')`,
      [tenantId, roots[0], roots[1], ...warehouses, supplier, customer, adjustment, transit],
    );
    await admin.query(
      `insert into inventory.locations (tenant_id, id, warehouse_id, parent_id, kind, code, name, path)
       select $1::uuid, b.id, ($2::uuid[])[w + 1], ($3::uuid[])[w + 1], 'internal', code, code,
              (array['W1', 'W2'])[w + 1] || '/' || code
         from unnest($4::uuid[]) with ordinality as b(id, n),
              lateral (select (b.n - 1)::int / 3 as w, (array['A', 'B', 'C'])[(b.n - 1)::int % 3 + 1] as code) x`,
      [tenantId, warehouses, roots, bins],
    );
    // Each item, ten cycles of ten moves one week apart, in warehouse w and bin b of the cycle:
    // receive 20 and 10, deliver 4 and 3, move 5 to the next bin (which delivers 2), deliver
    // 6, send 3 to the other warehouse, find 1, deliver 5. Balances never go below zero.
    await admin.query(
      `insert into inventory.moves (tenant_id, id, item_id, from_location_id, to_location_id,
         quantity, unit_cost, value, effective_date, posted_at, source_type, source_id)
       select $1::uuid, g.id, g.item_id, g.src, g.dst, g.q, g.c, g.q * g.c, g.day,
              g.day + time '12:00', 'bench.move', g.id
         from (
           select (lpad(to_hex($2::int), 8, '0') || '-0000-8000-8000-' || lpad(to_hex(i * 100 + k), 12, '0'))::uuid as id,
                  (lpad(to_hex($2::int), 8, '0') || '-a000-8000-8000-' || lpad(to_hex(i), 12, '0'))::uuid as item_id,
                  case st.src when 'S' then $4::uuid when 'A' then $6::uuid
                              when 'B' then bins[w * 3 + b + 1]
                              else bins[w * 3 + (b + 1) % 3 + 1] end as src,
                  case st.dst when 'C' then $5::uuid when 'B' then bins[w * 3 + b + 1]
                              when 'O' then bins[w * 3 + (b + 1) % 3 + 1]
                              else bins[(1 - w) * 3 + b + 1] end as dst,
                  st.q::numeric as q, (i % 50) + 1.25 as c,
                  date '2025-01-01' + k * 7 + i % 7 as day
             from generate_series(0, $7::int - 1) i,
                  generate_series(0, ${MOVES_PER_ITEM - 1}) k,
                  lateral (select (k / 10 + i) % 2 as w, (k / 10 + i) % 3 as b, $3::uuid[] as bins) p,
                  (values (0, 'S', 'B', 20), (1, 'S', 'B', 10), (2, 'B', 'C', 4), (3, 'B', 'C', 3),
                          (4, 'B', 'O', 5), (5, 'O', 'C', 2), (6, 'B', 'C', 6), (7, 'B', 'X', 3),
                          (8, 'A', 'B', 1), (9, 'B', 'C', 5)) as st(step, src, dst, q)
            where st.step = k % 10
         ) g`,
      [tenantId, n, bins, supplier, customer, adjustment, ITEMS],
    );
    await summarize(admin, tenantId);
    await admin.query('commit');
    companies.push({ id: tenantId, warehouses, bins, supplier, customer, adjustment });
    process.stdout.write(`company ${n}/${COMPANIES} generated (${elapsed(started)} ms)\n`);
  }
  await admin.query('analyze');
  const generateMs = elapsed(started);
  const counts = (
    await admin.query<Record<string, string>>(
      `select (select count(*) from inventory.moves)::text as moves,
              (select count(*) from inventory.daily_changes)::text as daily_changes,
              (select count(*) from inventory.balances)::text as balances,
              (select count(*) from inventory.stock_levels)::text as stock_levels,
              (select count(*) from inventory.cost_layers)::text as cost_layers`,
    )
  ).rows[0];
  Object.assign(report, { migrateMs, generateMs, rows: counts });
  console.log(`generated in ${generateMs} ms:`, counts);

  // ---- The app: the routes' classes on a pool of the app role, one request per call.
  database = new Database(appRoleUrl(adminUrl, appPassword), { max: 4, applicationName: 'bench' });
  const db = database;
  const Reports = providerClass<StockReportService>('StockReportService');
  const ReportQueries = providerClass<StockReportRepository>('StockReportRepository');
  const reports = new Reports(
    ...([
      new ReportQueries(...([db] as never[])),
      new PermissionService(new RoleRepository(db)),
      new AuditLog(db),
    ] as never[]),
  );
  const [LedgerQueries] = Reflect.getMetadata('design:paramtypes', StockPosting) as [
    new (database: Database) => ConstructorParameters<typeof StockPosting>[0],
  ];
  const posting = new StockPosting(
    new LedgerQueries(db),
    new StockItemFacts(db),
    new TenantDirectory(db),
    new StockLocations(db),
    new InventorySettings(db),
  );
  const company = companies[0]!;
  const principal: Principal = {
    userId: newId(),
    tenantId: company.id,
    actor: 'employee',
    membershipId: newId(),
    roles: ['owner'],
    issuedAt: 0,
  };
  /** One API request: GETs read-only (no transaction block), writes in one transaction. */
  const request = <T>(fn: () => Promise<T>, readOnly: boolean) =>
    requestContext.run({ requestId: newId(), principal }, () =>
      db.withContext({ tenantId: company.id, userId: principal.userId }, fn, { readOnly }),
    );
  const measure = async (runs: number, fn: () => Promise<unknown>) => {
    for (let i = 0; i < 3; i++) await fn();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await fn();
      times.push(performance.now() - t);
    }
    return summary(times);
  };

  /** Stock of the company's first warehouse at the end of `day`: the route's first page. */
  const stockOn = (day: string) => () =>
    request(
      () => reports.stock({ warehouseId: company.warehouses[0], date: day, limit: '200' }),
      true,
    );
  const pastStock = await stockOn(PAST_DAY)();
  const stockAt = await measure(RUNS, stockOn(PAST_DAY));
  // The latest day reads the warehouse's whole history of summaries: the worst case.
  const LATEST_DAY = daysAgo(1);
  const stockAtLatest = await measure(RUNS, stockOn(LATEST_DAY));
  const valuationAnswer = await request(() => reports.valuation({ limit: '200' }), true);
  const valuation = await measure(RUNS, () =>
    request(() => reports.valuation({ limit: '200' }), true),
  );
  const [companyValue] = (
    await admin.query<{ value: string }>(
      `select sum(value)::numeric(20, 2)::text as value from inventory.item_costs where tenant_id = $1`,
      [company.id],
    )
  ).rows;
  if (valuationAnswer.totals.value !== companyValue?.value)
    throw new Error(`valuation ${valuationAnswer.totals.value} ≠ ${companyValue?.value}`);
  // The kardex of one item in one warehouse: its second page of 20 (the opening from the
  // daily summaries before the cursor's day, the running totals over the page).
  const kardexItem = (
    await admin.query<{ item_id: string }>(
      `select item_id from inventory.stock_levels where tenant_id = $1 and warehouse_id = $2
        order by item_id limit 1`,
      [company.id, company.warehouses[0]],
    )
  ).rows[0]!.item_id;
  const kardexQuery = { itemId: kardexItem, warehouseId: company.warehouses[0], limit: '20' };
  const firstKardex = await request(() => reports.kardex(kardexQuery), true);
  const kardexCursor = firstKardex.nextCursor ?? undefined;
  const kardex = await measure(RUNS, () =>
    request(() => reports.kardex({ ...kardexQuery, cursor: kardexCursor }), true),
  );
  Object.assign(report, { kardexSecondPage: kardex });

  /** The plan of the report's aggregate (its statement without the page's join and sort). */
  const stockPlan = (day: string) =>
    explain(
      admin,
      company.id,
      `select d.location_id, d.item_id, d.variant_id, d.lot_id, sum(d.quantity), sum(d.value)
         from inventory.daily_changes d
        where d.tenant_id = $1 and d.warehouse_id = $2 and d.day <= $3::date
        group by 1, 2, 3, 4 having sum(d.quantity) <> 0`,
      [company.id, company.warehouses[0], day],
    );
  const plan = await stockPlan(PAST_DAY);
  const latestPlan = await stockPlan(LATEST_DAY);
  Object.assign(report, {
    stockAtPastDate: { ...stockAt, day: PAST_DAY, firstPageRows: pastStock.items.length },
    stockAtLatestDay: { ...stockAtLatest, day: LATEST_DAY },
    stockAtLatestDayPlan: latestPlan,
    valuation: {
      ...valuation,
      lines: valuationAnswer.items.length,
      value: valuationAnswer.totals.value,
    },
    stockAtPastDatePlan: plan,
  });

  // ---- Posting: 20-line deliveries (bin → customer), FIFO, as one request each.
  const { rows: stocked } = await admin.query<{ item_id: string; location_id: string }>(
    `select distinct on (item_id) item_id, location_id from inventory.balances
      where tenant_id = $1 and warehouse_id = $2 and on_hand >= 10
      order by item_id, on_hand desc`,
    [company.id, company.warehouses[0]],
  );
  if (stocked.length < LINES) throw new Error('Too few stocked items for a delivery');
  let next = 0;
  const delivery = () => {
    const moves = Array.from({ length: LINES }, () => {
      const s = stocked[next++ % stocked.length]!;
      return {
        itemId: s.item_id,
        fromLocationId: s.location_id,
        toLocationId: company.customer,
        quantity: '1',
      };
    });
    return request(
      () => posting.post({ sourceType: 'bench.delivery', sourceId: newId(), moves }),
      false,
    );
  };
  const posted = await delivery();
  if (posted.length !== LINES) throw new Error('A delivery did not post its lines');
  const deliveries = await measure(DELIVERIES, delivery);

  // ---- A correction dated 60 days ago: one move, nothing after it recomputed.
  const day = daysAgo(60);
  const corrections: number[] = [];
  for (let i = 0; i < 13; i++) {
    const s = stocked[(i * 37) % stocked.length]!;
    const t = performance.now();
    await request(
      () =>
        posting.post({
          sourceType: 'bench.adjustment',
          sourceId: newId(),
          effectiveDate: day,
          moves: [
            {
              itemId: s.item_id,
              fromLocationId: company.adjustment,
              toLocationId: s.location_id,
              quantity: '1',
            },
          ],
        }),
      false,
    );
    if (i >= 3) corrections.push(performance.now() - t);
  }
  const corrected = stocked[0]!;
  const repostPlan = await explain(
    admin,
    company.id,
    `select m.* from inventory.moves m
      where m.tenant_id = $1 and m.item_id = $2 and m.effective_date > $3::date
      order by m.effective_date, m.id`,
    [company.id, corrected.item_id, day],
  );
  const companyRepostPlan = await explain(
    admin,
    company.id,
    `select m.* from inventory.moves m
      where m.tenant_id = $1 and m.effective_date > $2::date
      order by m.item_id, m.effective_date, m.id`,
    [company.id, day],
  );
  Object.assign(report, {
    delivery: {
      ...deliveries,
      lines: LINES,
      /** One after the other on one connection: 1000 / the mean. */
      deliveriesPerSecond: Number((1000 / deliveries.meanMs).toFixed(1)),
    },
    backDatedCorrection: { ...summary(corrections), day },
    repostOfItemPlan: repostPlan,
    repostOfCompanyPlan: companyRepostPlan,
  });

  // ---- Not in the migrations: what a covering index would change (erp.md §4's summaries read
  // without visiting the table). Made on this scratch database only, after every other figure.
  await admin.query(
    `create index daily_changes_warehouse_day_covering_idx on inventory.daily_changes
       (tenant_id, warehouse_id, day) include (location_id, item_id, variant_id, lot_id, quantity, value)`,
  );
  await admin.query('vacuum (analyze) inventory.daily_changes');
  const covered = {
    pastDay: await measure(RUNS, stockOn(PAST_DAY)),
    latestDay: await measure(RUNS, stockOn(LATEST_DAY)),
    pastDayPlan: await stockPlan(PAST_DAY),
    latestDayPlan: await stockPlan(LATEST_DAY),
  };
  Object.assign(report, { withCoveringIndex: covered });
  await admin.end();

  Object.assign(report, {
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
    at: new Date().toISOString(),
    today: today(),
  });
  const rows = [
    {
      what: `stock at ${PAST_DAY}, one warehouse (first 200 lines)`,
      'median ms': stockAt.medianMs,
      'p95 ms': stockAt.p95Ms,
      runs: stockAt.runs,
    },
    {
      what: `stock at ${LATEST_DAY} (all history), one warehouse`,
      'median ms': stockAtLatest.medianMs,
      'p95 ms': stockAtLatest.p95Ms,
      runs: stockAtLatest.runs,
    },
    {
      what: `  same, ${PAST_DAY}, with a covering index (not migrated)`,
      'median ms': covered.pastDay.medianMs,
      'p95 ms': covered.pastDay.p95Ms,
      runs: covered.pastDay.runs,
    },
    {
      what: `  same, ${LATEST_DAY}, with a covering index (not migrated)`,
      'median ms': covered.latestDay.medianMs,
      'p95 ms': covered.latestDay.p95Ms,
      runs: covered.latestDay.runs,
    },
    {
      what: `valuation, company of ${ITEMS} items (a page of 200 lines, totals)`,
      'median ms': valuation.medianMs,
      'p95 ms': valuation.p95Ms,
      runs: valuation.runs,
    },
    {
      what: 'kardex of an item in a warehouse, second page of 20',
      'median ms': kardex.medianMs,
      'p95 ms': kardex.p95Ms,
      runs: kardex.runs,
    },
    {
      what: `delivery, ${LINES} lines, FIFO (${(report.delivery as { deliveriesPerSecond: number }).deliveriesPerSecond}/s)`,
      'median ms': deliveries.medianMs,
      'p95 ms': deliveries.p95Ms,
      runs: deliveries.runs,
    },
    {
      what: `back-dated correction (${day})`,
      'median ms': summary(corrections).medianMs,
      'p95 ms': summary(corrections).p95Ms,
      runs: corrections.length,
    },
  ];
  console.table(rows);
  console.log(
    `moves ${counts?.moves} │ generated in ${(generateMs / 1000).toFixed(1)} s │ repost of one item would read: ${repostPlan.summary} │ of the company: ${companyRepostPlan.summary} │ load ${(report.loadAverage as number[]).join(' ')}`,
  );
  console.log(
    `stock at ${PAST_DAY} reads ${plan.summary} (${latestPlan.summary} at ${LATEST_DAY}); with a covering index ${covered.pastDayPlan.summary} (${covered.latestDayPlan.summary})`,
  );
  const out = path.resolve(import.meta.dirname, '../results');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    path.join(out, QUICK ? 'inventory-quick.json' : 'inventory.json'),
    `${JSON.stringify({ ...report, table: rows }, null, 2)}\n`,
  );
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await database?.close();
  await scratch.drop();
}

/**
 * The summaries a posting keeps, aggregated from the company's ledger: daily changes and
 * balances of internal and transit locations, stock levels per warehouse with the day of the
 * last move, the company's quantity and value per item, and the FIFO layers still open (each
 * receipt's remainder once everything delivered is taken oldest first).
 */
async function summarize(admin: pg.Client, tenantId: string) {
  const sides = `
    select m.tenant_id, m.item_id, m.variant_id, m.lot_id, l.id as location_id, l.warehouse_id,
           m.effective_date as day, m.quantity * s.sign as quantity, m.value * s.sign as value
      from inventory.moves m
      cross join (values (1), (-1)) as s(sign)
      join inventory.locations l on l.tenant_id = m.tenant_id
       and l.id = case when s.sign = 1 then m.to_location_id else m.from_location_id end
     where m.tenant_id = $1 and l.kind in ('internal', 'transit')`;
  await admin.query(`create temporary table sides on commit drop as ${sides}`, [tenantId]);
  await admin.query(
    `insert into inventory.daily_changes
       (tenant_id, location_id, warehouse_id, item_id, variant_id, lot_id, day, quantity, value)
     select tenant_id, location_id, warehouse_id, item_id, variant_id, lot_id, day, sum(quantity), sum(value)
       from sides group by 1, 2, 3, 4, 5, 6, 7`,
  );
  await admin.query(
    `insert into inventory.balances (tenant_id, item_id, variant_id, location_id, lot_id, warehouse_id, on_hand)
     select tenant_id, item_id, variant_id, location_id, lot_id, warehouse_id, sum(quantity)
       from sides group by 1, 2, 3, 4, 5, 6`,
  );
  await admin.query(
    `insert into inventory.stock_levels (tenant_id, item_id, variant_id, warehouse_id, on_hand, last_move_on)
     select tenant_id, item_id, variant_id, warehouse_id, sum(quantity), max(day)
       from sides where warehouse_id is not null group by 1, 2, 3, 4`,
  );
  await admin.query(
    `insert into inventory.item_costs (tenant_id, item_id, variant_id, quantity, value, unit_cost)
     select tenant_id, item_id, variant_id, sum(quantity), sum(value),
            case when sum(quantity) = 0 then 0 else round(sum(value) / sum(quantity), 6) end
       from sides group by 1, 2, 3`,
  );
  await admin.query(
    `insert into inventory.cost_layers (tenant_id, id, item_id, variant_id, move_id, quantity,
       unit_cost, value, remaining_quantity, remaining_value)
     select tenant_id, id, item_id, variant_id, id, quantity, unit_cost, value, rest, rest * unit_cost
       from (
         select m.*, greatest(0, least(m.quantity,
                  sum(m.quantity) over (partition by m.item_id order by m.effective_date, m.id)
                  - coalesce(o.issued, 0))) as rest
           from inventory.moves m
           join inventory.locations f on f.tenant_id = m.tenant_id and f.id = m.from_location_id
            and f.kind in ('supplier', 'adjustment')
           left join (select m2.item_id, sum(m2.quantity) as issued
                        from inventory.moves m2
                        join inventory.locations t on t.tenant_id = m2.tenant_id
                         and t.id = m2.to_location_id and t.kind = 'customer'
                       where m2.tenant_id = $1 group by m2.item_id) o on o.item_id = m.item_id
          where m.tenant_id = $1
       ) x`,
    [tenantId],
  );
}
