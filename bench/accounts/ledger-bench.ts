/**
 * The ledger at a million lines (issue 27; erp.md §4, "reports stay fast at a million rows").
 *
 *   npm run bench:accounts               1,000,000 lines: 10 companies × 100,000
 *   npm run bench:accounts -- --quick    100,000 lines: 10 companies × 10,000
 *
 * On a scratch database (BENCH_DATABASE_URL or TEST_DATABASE_URL: a superuser URL of a server,
 * or an embedded PostgreSQL in a temporary folder), migrated as deployed. Each company's books
 * are opened by BooksInstaller (AR chart, default posting rules, journals, 2025 and 2026);
 * then, with bulk SQL as the owner role under the company's RLS, 200 customers, 9,000 sales
 * invoices of 10 lines (receivable with its party and due date +30 days, 8 sales lines, VAT)
 * and 5,000 payments of 2 lines (cash or bank against the receivable) from 2025-01-01 to
 * 2026-11-30 are written as drafts and posted in date order, month by month, one UPDATE per
 * entry, so the database's triggers chain them, sum the day's account balances and open the
 * party items as they would for the app. One customer of the 200 takes a tenth of the
 * invoices (the busy party). Half the payments are then allocated to the invoice they pay.
 *
 * Measured as the app role under RLS, in the company's request transaction as the API runs it
 * (read-only for reports), with the library's own classes: the trial balance of 2026's first
 * half, the busy party's statement over it (its opening and lines), AR aging at 2026-06-30 in
 * buckets of 30/60/90 days, and a 10-line invoice posted through Ledger.post by purpose; with
 * the EXPLAIN of the aging and of the statement's lines. Last, the aging again with JIT off
 * for the app role in the scratch database only (not a setting of the app's). Results:
 * bench/results/accounts.json.
 */
import 'reflect-metadata';
import { AccountsModule } from '@nexo/accounts';
import { Database, appRoleUrl, migrate } from '@nexo/db';
import { PermissionService, RoleRepository } from '@nexo/permissions';
import { requestContext, type Principal } from '@nexo/platform';
import { TenantDirectory } from '@nexo/tenancy';
import { decimal, newId } from '@nexo/utils';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { LedgerRepository } from '../../libs/server/accounts/src/ledger/ledger.repository.ts';
import type { Ledger } from '../../libs/server/accounts/src/ledger/ledger.service.ts';
import type { PostingRulesResolver } from '../../libs/server/accounts/src/posting-rules/posting-rules.resolver.ts';
import type { LedgerReportsRepository } from '../../libs/server/accounts/src/reports/ledger-reports.repository.ts';
import type { BooksInstaller } from '../../libs/server/accounts/src/setup/books-installer.ts';
import { explain } from '../lib/explain.ts';
import { scratchDatabase } from '../lib/scratch-database.ts';
import { elapsed, round, summary } from '../lib/timings.ts';

const QUICK = process.argv.includes('--quick');
const COMPANIES = 10;
const PARTIES = 200;
/** Invoices of 10 lines and payments of 2: 100,000 lines a company (10,000 with --quick). */
const INVOICES = QUICK ? 900 : 9000;
const PAYMENTS = QUICK ? 500 : 5000;
const LINES_PER_COMPANY = INVOICES * 10 + PAYMENTS * 2;
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 200);
const FROM = '2026-01-01';
const PAST_DAY = '2026-06-30';
const BUCKETS = [30, 60, 90] as const;
/** Days from 2025-01-01 to 2026-11-30, both included. */
const SPAN_DAYS = 699;

const today = () => new Date().toISOString().slice(0, 10);

/** A reproducible id (a UUID of version 8) from the company's number, a kind and a number. */
const idSql = (kind: string, n: string, company = '$1') =>
  `(lpad(to_hex(${company}::int), 8, '0') || '-${kind}-8000-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;
/**
 * The company's invoices ($1: its number): party (a tenth to party 0, the busy one), day, and
 * eight sales amounts of two decimals; VAT is 21 % of their sum.
 */
const invoicesSql = `
  select i, ${idSql('e000', 'i')} as id,
         ${idSql('c000', 'case when i % 10 = 0 then 0 else i % 199 + 1 end')} as party_id,
         date '2025-01-01' + (i::bigint * ${SPAN_DAYS} / ${INVOICES})::int as day,
         s.amounts, s.net, round(s.net * 0.21, 2) as tax, s.net + round(s.net * 0.21, 2) as total
    from generate_series(0, ${INVOICES - 1}) i,
         lateral (select array_agg(a order by k) as amounts, sum(a) as net
                    from (select k, (100 + (i * 7 + k * 13) % 900 + ((i + k) % 100) / 100.0)::numeric(20, 2) as a
                            from generate_series(1, 8) k) x) s`;
/**
 * The payments: payment j pays invoice ⌊j × INVOICES / PAYMENTS⌋ (each invoice at most once,
 * in date order), 20 to 59 days after it, in full or (one in four) half; even ones by cash.
 */
const paymentsSql = `
  select j, ${idSql('e100', 'j')} as id, inv.id as invoice_id, inv.i as invoice, inv.party_id,
         least(inv.day + 20 + j % 40, date '2026-11-30') as day,
         case when j % 4 = 0 then round(inv.total / 2, 2) else inv.total end as amount
    from generate_series(0, ${PAYMENTS - 1}) j
    join (${invoicesSql}) inv on inv.i = (j::bigint * ${INVOICES} / ${PAYMENTS})::int`;

// The scratch database: a server of the machine's, or an embedded one without durability.
const scratch = await scratchDatabase('accounts');
const { adminUrl, name } = scratch;
const appPassword = randomBytes(16).toString('hex');

/** The providers of AccountsModule by class name: the routes' own classes, built by hand. */
const providers = new Map(
  (Reflect.getMetadata('providers', AccountsModule) as { name: string }[]).map((p) => [p.name, p]),
);
type Constructor<T> = new (...args: never[]) => T;
const providerClass = <T>(className: string): Constructor<T> => {
  const found = providers.get(className);
  if (!found) throw new Error(`AccountsModule has no provider ${className}`);
  return found as unknown as Constructor<T>;
};
const build = <T>(className: string, ...args: unknown[]): T =>
  new (providerClass<T>(className))(...(args as never[]));

const report: Record<string, unknown> = {
  quick: QUICK,
  companies: COMPANIES,
  partiesPerCompany: PARTIES,
  invoicesPerCompany: INVOICES,
  paymentsPerCompany: PAYMENTS,
  linesPerCompany: LINES_PER_COMPANY,
};
let database: Database | undefined;
let withoutJit: Database | undefined;
try {
  let started = performance.now();
  await migrate(adminUrl, { appPassword });
  const migrateMs = elapsed(started);

  // ---- The app: the library's classes on a pool of the app role, one request per call.
  database = new Database(appRoleUrl(adminUrl, appPassword), { max: 4, applicationName: 'bench' });
  const db = database;
  const installer = build<BooksInstaller>('BooksInstaller', db);
  const reports = build<LedgerReportsRepository>('LedgerReportsRepository', db);
  const ledger = build<Ledger>(
    'Ledger',
    build<LedgerRepository>('LedgerRepository', db),
    build<PostingRulesResolver>('PostingRulesResolver', db),
    new TenantDirectory(db),
    new PermissionService(new RoleRepository(db)),
  );
  const principalOf = (tenantId: string): Principal => ({
    userId: newId(),
    tenantId,
    actor: 'employee',
    membershipId: newId(),
    roles: ['owner'],
    issuedAt: 0,
  });
  /** One API request: GETs read-only (no transaction block), writes in one transaction. */
  const request = <T>(principal: Principal, fn: () => Promise<T>, readOnly: boolean) =>
    requestContext.run({ requestId: newId(), principal }, () =>
      db.withContext({ tenantId: principal.tenantId, userId: principal.userId }, fn, {
        readOnly,
      }),
    );

  // ---- Generation: company by company, as the owner role under the company's RLS.
  const admin = new pg.Client({ connectionString: adminUrl });
  // Dropping the scratch database at the end ends this connection if a failure left it open.
  admin.on('error', () => undefined);
  await admin.connect();
  /** One transaction as the company's owner role. */
  const asOwner = async (tenantId: string, fn: () => Promise<unknown>) => {
    await admin.query('begin');
    try {
      await admin.query('set local role nexo_owner');
      await admin.query('set local synchronous_commit = off');
      await admin.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
      await fn();
      await admin.query('commit');
    } catch (error) {
      await admin.query('rollback');
      throw error;
    }
  };
  const companies: { id: string; n: number }[] = [];
  const phases = { books: 0, drafts: 0, posting: 0, allocations: 0 };
  started = performance.now();
  for (let n = 1; n <= COMPANIES; n++) {
    const tenantId = newId();
    let t = performance.now();
    await asOwner(tenantId, () =>
      admin.query(`insert into tenancy.tenants (id, slug, name) values ($1, $2, $3)`, [
        tenantId,
        `bench-${n}-${tenantId.slice(-6)}`,
        `Empresa ${n}`,
      ]),
    );
    const owner = principalOf(tenantId);
    await request(
      owner,
      async () => {
        await installer.install(tenantId, 'AR', 'es', 2026);
        await installer.openYear(tenantId, 2025);
      },
      false,
    );
    phases.books += performance.now() - t;

    t = performance.now();
    await asOwner(tenantId, async () => {
      const { rows } = await admin.query<{ purpose: string; account_id: string }>(
        `select purpose, account_id from accounts.posting_rules
          where tenant_id = $1 and match_kind = 'default'
            and purpose in ('receivable', 'sales', 'tax_output', 'cash', 'bank')`,
        [tenantId],
      );
      const account = Object.fromEntries(rows.map((r) => [r.purpose, r.account_id]));
      const { rows: journalRows } = await admin.query<{ code: string; id: string }>(
        `select code, id from accounts.journals where tenant_id = $1`,
        [tenantId],
      );
      const journal = Object.fromEntries(journalRows.map((r) => [r.code, r.id]));
      await admin.query(
        `insert into crm.parties (tenant_id, id, kind, name, is_customer)
         select $2::uuid, ${idSql('c000', 'p')}, 'organization', 'Cliente ' || p, true
           from generate_series(0, ${PARTIES - 1}) p`,
        [n, tenantId],
      );
      await admin.query(`create temporary table inv on commit drop as ${invoicesSql}`, [n]);
      await admin.query(`create temporary table pay on commit drop as ${paymentsSql}`, [n]);
      await admin.query(
        `insert into accounts.entries (tenant_id, id, journal_id, state, entry_date, description,
           source_type, source_id)
         select $1::uuid, id, $2::uuid, 'draft', day, 'Factura ' || i, 'bench.invoice', id from inv
         union all
         select $1::uuid, id, case when j % 2 = 0 then $3::uuid else $4::uuid end, 'draft', day,
                'Cobro ' || j, 'bench.payment', id from pay`,
        [tenantId, journal.VEN, journal.CAJ, journal.BAN],
      );
      // Invoice i: receivable (position 0), eight sales (1–8), VAT (9); line k of entry i has
      // the number i × 10 + k. Payment j: cash or bank (0), receivable (1), numbers j × 2 + k.
      await admin.query(
        `insert into accounts.entry_lines (tenant_id, id, entry_id, position, account_id, party_id,
           debit, credit, currency, amount_currency, rate, due_date, description)
         select $1::uuid, ${idSql('1000', 'inv.i * 10 + l.k', '$2')}, inv.id, l.k,
                case when l.k = 0 then $3::uuid when l.k = 9 then $5::uuid else $4::uuid end,
                case when l.k = 0 then inv.party_id end,
                case when l.k = 0 then inv.total else 0 end,
                case when l.k = 0 then 0 when l.k = 9 then inv.tax else inv.amounts[l.k] end,
                'ARS',
                case when l.k = 0 then inv.total when l.k = 9 then -inv.tax else -inv.amounts[l.k] end,
                1, case when l.k = 0 then inv.day + 30 end, null
           from inv cross join generate_series(0, 9) as l(k)
         union all
         select $1::uuid, ${idSql('1100', 'pay.j * 2 + l.k', '$2')}, pay.id, l.k,
                case when l.k = 1 then $3::uuid when pay.j % 2 = 0 then $6::uuid else $7::uuid end,
                case when l.k = 1 then pay.party_id end,
                case when l.k = 0 then pay.amount else 0 end,
                case when l.k = 1 then pay.amount else 0 end,
                'ARS', case when l.k = 0 then pay.amount else -pay.amount end, 1, null, null
           from pay cross join generate_series(0, 1) as l(k)`,
        [
          tenantId,
          n,
          account.receivable,
          account.sales,
          account.tax_output,
          account.cash,
          account.bank,
        ],
      );
    });
    phases.drafts += performance.now() - t;

    // Posting, month by month in date order: one UPDATE per entry (its triggers chain it, sum
    // its day's balances and open its party items), numbered per journal and year as Ledger
    // numbers them (VEN-2026-000001).
    t = performance.now();
    for (let month = 0; month < 23; month++) {
      const first = new Date(Date.UTC(2025, month, 1)).toISOString().slice(0, 10);
      const next = new Date(Date.UTC(2025, month + 1, 1)).toISOString().slice(0, 10);
      await asOwner(tenantId, () =>
        admin.query(`
          do $$
          declare r record;
          begin
            for r in
              select x.id, x.number from (
                select e.id, e.entry_date,
                       j.code || '-' || extract(year from e.entry_date)::int || '-' ||
                       lpad((row_number() over (partition by e.journal_id, extract(year from e.entry_date)
                                                order by e.entry_date, e.id))::text, 6, '0') as number
                  from accounts.entries e
                  join accounts.journals j on j.tenant_id = e.tenant_id and j.id = e.journal_id
                 where e.tenant_id = '${tenantId}') x
               where x.entry_date >= date '${first}' and x.entry_date < date '${next}'
               order by x.entry_date, x.id
            loop
              update accounts.entries
                 set state = 'posted', number = r.number, posted_at = now(),
                     updated_at = now(), version = version + 1
               where tenant_id = '${tenantId}' and id = r.id and state = 'draft';
            end loop;
          end $$`),
      );
    }
    await asOwner(tenantId, () =>
      admin.query(
        `insert into accounts.journal_sequences (tenant_id, journal_id, year, last_number)
         select tenant_id, journal_id, extract(year from entry_date)::int, count(*)
           from accounts.entries where tenant_id = $1 and state = 'posted'
          group by 1, 2, 3`,
        [tenantId],
      ),
    );
    phases.posting += performance.now() - t;

    // Half the payments (the even ones) settle the invoice they pay, on the payment's day.
    t = performance.now();
    await asOwner(tenantId, async () => {
      await admin.query(`create temporary table pay on commit drop as ${paymentsSql}`, [n]);
      await admin.query(
        `insert into accounts.allocations (tenant_id, id, party_id, debit_item_id, credit_item_id,
           currency, amount_currency, amount_debit, amount_credit, allocated_on)
         select $1::uuid, gen_random_uuid(), pay.party_id, d.id, c.id, 'ARS', pay.amount,
                pay.amount, pay.amount, pay.day
           from pay
           join accounts.open_items d on d.tenant_id = $1::uuid
            and d.entry_line_id = ${idSql('1000', 'pay.invoice * 10', '$2')}
           join accounts.open_items c on c.tenant_id = $1::uuid
            and c.entry_line_id = ${idSql('1100', 'pay.j * 2 + 1', '$2')}
          where pay.j % 2 = 0
          order by pay.day, pay.j`,
        [tenantId, n],
      );
    });
    phases.allocations += performance.now() - t;
    companies.push({ id: tenantId, n });
    process.stdout.write(`company ${n}/${COMPANIES} generated (${elapsed(started)} ms)\n`);
  }
  await admin.query('analyze');
  const generateMs = elapsed(started);
  const counts = (
    await admin.query<Record<string, string>>(
      `select (select count(*) from accounts.entries)::text as entries,
              (select count(*) from accounts.entries where state = 'posted')::text as posted,
              (select count(*) from accounts.entry_lines)::text as entry_lines,
              (select count(*) from accounts.account_balances)::text as account_balances,
              (select count(*) from accounts.open_items)::text as open_items,
              (select count(*) from accounts.allocations)::text as allocations`,
    )
  ).rows[0]!;
  if (Number(counts.entry_lines) !== COMPANIES * LINES_PER_COMPANY)
    throw new Error(`${counts.entry_lines} lines, not ${COMPANIES * LINES_PER_COMPANY}`);
  if (counts.posted !== counts.entries) throw new Error('Some entries are still drafts');
  // Every company's balances sum to zero, and equal its lines.
  const { rows: unbalanced } = await admin.query<{ tenant_id: string }>(
    `select b.tenant_id from accounts.account_balances b
      group by b.tenant_id having sum(b.debit) <> sum(b.credit)
     union all
     select x.tenant_id from (
       select tenant_id, account_id, sum(debit) as d, sum(credit) as c
         from accounts.account_balances group by 1, 2) x
       full join (select tenant_id, account_id, sum(debit) as d, sum(credit) as c
                    from accounts.entry_lines group by 1, 2) y
         on y.tenant_id = x.tenant_id and y.account_id = x.account_id
      where x.d is distinct from y.d or x.c is distinct from y.c`,
  );
  if (unbalanced.length)
    throw new Error(`Balances do not sum to zero or to the lines: ${unbalanced.length}`);
  const phaseMs = Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, round(v)]));
  Object.assign(report, { migrateMs, generateMs, phaseMs, rows: counts });
  console.log(`generated in ${generateMs} ms (${JSON.stringify(phaseMs)}):`, counts);

  // ---- The reports, in the first company, as the app role.
  const company = companies[0]!;
  const tenantId = company.id;
  const owner = principalOf(tenantId);
  const read = <T>(fn: () => Promise<T>) => request(owner, fn, true);
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

  const trialBalanceOf = () => read(() => reports.trialBalance(tenantId, FROM, PAST_DAY));
  const trial = await trialBalanceOf();
  const closing = trial.reduce((sum, r) => sum.plus(r.closing), decimal('0'));
  if (!closing.isZero())
    throw new Error(`The trial balance closes at ${closing.toFixed()}, not zero`);
  const trialBalance = await measure(RUNS, trialBalanceOf);

  const busyParty = (
    await admin.query<{ id: string }>(`select ${idSql('c000', '0')}::text as id`, [company.n])
  ).rows[0]!.id;
  const statementOf = () =>
    read(async () => {
      const opening = await reports.openingOf(tenantId, { partyId: busyParty }, FROM);
      const lines = await reports.lines(tenantId, { partyId: busyParty }, FROM, PAST_DAY, opening);
      return { opening, lines };
    });
  const statementAnswer = await statementOf();
  const statement = await measure(RUNS, statementOf);

  const agingOf = () => read(() => reports.aging(tenantId, 'receivable', PAST_DAY, BUCKETS));
  const agingAnswer = await agingOf();
  const aging = await measure(RUNS, agingOf);
  const agingTotal = agingAnswer
    .flatMap((r) => r.buckets)
    .reduce((sum, b) => sum.plus(b), decimal('0'));

  /** The aging's statement as the repository sends it (bucket bounds spelled in). */
  const agingStatement = `select x.party_id, x.currency,
            case when x.due_date >= x.as_of then 0 when x.as_of - x.due_date <= 30 then 1
                 when x.as_of - x.due_date <= 60 then 2 when x.as_of - x.due_date <= 90 then 3
                 else 4 end as bucket, sum(x.signed)::text as amount
       from (
         select i.party_id, i.currency, i.due_date, $2::date as as_of,
                case when i.side = 'debit' then 1 else -1 end * (
                  i.amount_currency
                  - coalesce((select sum(a.amount_currency) from accounts.allocations a
                               where a.tenant_id = i.tenant_id and a.debit_item_id = i.id
                                 and a.allocated_on <= $2), 0)
                  - coalesce((select sum(a.amount_currency) from accounts.allocations a
                               where a.tenant_id = i.tenant_id and a.credit_item_id = i.id
                                 and a.allocated_on <= $2), 0)) as signed
           from accounts.open_items i
           join accounts.accounts a on a.tenant_id = i.tenant_id and a.id = i.account_id
          where i.tenant_id = $1 and a.type = 'receivable' and i.document_date <= $2) x
      where x.signed <> 0
      group by 1, 2, 3`;
  const agingPlan = await explain(admin, tenantId, agingStatement, [tenantId, PAST_DAY]);
  const statementPlan = await explain(
    admin,
    tenantId,
    `select e.id, l.id, e.number, e.entry_date, l.debit, l.credit,
            sum(l.debit - l.credit) over (order by e.entry_date, e.chain_seq, l.position
              rows between unbounded preceding and current row) as balance
       from accounts.entry_lines l
       join accounts.entries e on e.tenant_id = l.tenant_id and e.id = l.entry_id
      where l.tenant_id = $1 and e.state = 'posted' and e.entry_date between $3 and $4
        and l.party_id = $2
        and exists (select 1 from accounts.accounts a where a.tenant_id = l.tenant_id
                     and a.id = l.account_id and a.type in ('receivable', 'payable'))
      order by e.entry_date, e.chain_seq, l.position`,
    [tenantId, busyParty, FROM, PAST_DAY],
  );
  Object.assign(report, {
    trialBalance: { ...trialBalance, from: FROM, to: PAST_DAY, accounts: trial.length },
    partyStatement: {
      ...statement,
      from: FROM,
      to: PAST_DAY,
      opening: statementAnswer.opening,
      lines: statementAnswer.lines.length,
    },
    agingReceivable: {
      ...aging,
      asOf: PAST_DAY,
      buckets: BUCKETS,
      parties: agingAnswer.length,
      open: agingTotal.toFixed(2),
    },
    agingPlan,
    partyStatementPlan: statementPlan,
  });

  // ---- Posting: 10-line invoices through Ledger.post, by purpose, one request each.
  let next = 0;
  const postingDay = today();
  const invoice = () => {
    const k = next++;
    const amounts = Array.from({ length: 8 }, (_, i) => 100 + ((k * 7 + i * 13) % 900));
    const net = amounts.reduce((a, b) => a + b, 0);
    const tax = Math.round(net * 21) / 100;
    const partyId = busyParty.replace(
      /[0-9a-f]{12}$/,
      (k % PARTIES).toString(16).padStart(12, '0'),
    );
    return request(
      owner,
      () =>
        ledger.post({
          journal: 'sales',
          date: postingDay,
          description: `Factura bench ${k}`,
          sourceType: 'bench.invoice',
          sourceId: newId(),
          lines: [
            {
              purpose: 'receivable',
              partyId,
              debit: (net + tax).toFixed(2),
              dueDate: postingDay,
            },
            ...amounts.map((a) => ({ purpose: 'sales' as const, credit: a.toFixed(2) })),
            { purpose: 'tax_output', credit: tax.toFixed(2) },
          ],
        }),
      false,
    );
  };
  const posted = await invoice();
  if (posted.state !== 'posted' || !posted.number) throw new Error('The invoice did not post');
  const postings = await measure(DELIVERIES, invoice);
  const lastNumber = (
    await admin.query<{ number: string; lines: string }>(
      `select e.number, (select count(*) from accounts.entry_lines l
                          where l.tenant_id = e.tenant_id and l.entry_id = e.id)::text as lines
         from accounts.entries e where e.tenant_id = $1 and e.source_type = 'bench.invoice'
          and e.entry_date = $2 order by e.chain_seq desc limit 1`,
      [tenantId, postingDay],
    )
  ).rows[0];
  Object.assign(report, {
    invoicePosting: {
      ...postings,
      lines: 10,
      date: postingDay,
      firstNumber: posted.number,
      lastNumber: lastNumber?.number,
      /** One after the other on one connection: 1000 / the mean. */
      postingsPerSecond: Number((1000 / postings.meanMs).toFixed(1)),
    },
  });
  // ---- Not the app's setting: the aging again with JIT off for the app role in this scratch
  // database only (its plan's cost passes jit_above_cost, and compiling is most of its time).
  await admin.query(`alter role nexo_app in database "${name}" set jit = off`);
  withoutJit = new Database(appRoleUrl(adminUrl, appPassword), {
    max: 2,
    applicationName: 'bench-no-jit',
  });
  const noJitDb = withoutJit;
  const noJitReports = build<LedgerReportsRepository>('LedgerReportsRepository', noJitDb);
  const agingNoJit = await measure(RUNS, () =>
    requestContext.run({ requestId: newId(), principal: owner }, () =>
      noJitDb.withContext(
        { tenantId, userId: owner.userId },
        () => noJitReports.aging(tenantId, 'receivable', PAST_DAY, BUCKETS),
        { readOnly: true },
      ),
    ),
  );
  const agingNoJitPlan = await explain(admin, tenantId, agingStatement, [tenantId, PAST_DAY], {
    jit: false,
  });
  const { rows: jitSettings } = await admin.query<{ name: string; setting: string }>(
    `select name, setting from pg_settings
      where name in ('jit', 'jit_above_cost', 'jit_optimize_above_cost', 'jit_inline_above_cost')`,
  );
  Object.assign(report, {
    agingWithoutJit: {
      ...agingNoJit,
      serverSettings: Object.fromEntries(jitSettings.map((r) => [r.name, r.setting])),
    },
    agingWithoutJitPlan: agingNoJitPlan,
  });
  await admin.end();

  Object.assign(report, {
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
    at: new Date().toISOString(),
    today: today(),
  });
  const perSecond = (report.invoicePosting as { postingsPerSecond: number }).postingsPerSecond;
  const rows = [
    {
      what: `trial balance ${FROM}..${PAST_DAY} (${trial.length} accounts)`,
      'median ms': trialBalance.medianMs,
      'p95 ms': trialBalance.p95Ms,
      runs: trialBalance.runs,
    },
    {
      what: `statement of the busy party ${FROM}..${PAST_DAY} (${statementAnswer.lines.length} lines)`,
      'median ms': statement.medianMs,
      'p95 ms': statement.p95Ms,
      runs: statement.runs,
    },
    {
      what: `AR aging at ${PAST_DAY}, ${BUCKETS.join('/')} (${agingAnswer.length} parties)`,
      'median ms': aging.medianMs,
      'p95 ms': aging.p95Ms,
      runs: aging.runs,
    },
    {
      what: `invoice posted through Ledger.post, 10 lines (${perSecond}/s)`,
      'median ms': postings.medianMs,
      'p95 ms': postings.p95Ms,
      runs: postings.runs,
    },
    {
      what: `  AR aging again, JIT off (a setting of this scratch database only)`,
      'median ms': agingNoJit.medianMs,
      'p95 ms': agingNoJit.p95Ms,
      runs: agingNoJit.runs,
    },
  ];
  console.table(rows);
  console.log(
    `lines ${counts.entry_lines} │ generated in ${(generateMs / 1000).toFixed(1)} s │ aging reads ${agingPlan.summary} (JIT off: ${agingNoJitPlan.summary}) │ statement reads ${statementPlan.summary} │ load ${(report.loadAverage as number[]).join(' ')}`,
  );
  const out = path.resolve(import.meta.dirname, '../results');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    path.join(out, QUICK ? 'accounts-quick.json' : 'accounts.json'),
    `${JSON.stringify({ ...report, table: rows }, null, 2)}\n`,
  );
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await database?.close();
  await withoutJit?.close();
  await scratch.drop();
}
