import { useTestDatabase } from '@nexo/testing';
import { decimal } from '@nexo/utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, login, type TestAccount } from './helpers/accounts.js';
import { caller, type Caller } from './helpers/catalog.js';
import { useTestApp } from './helpers/test-app.js';

const V1 = '/api/v1/accounts';
type Json = Record<string, unknown> & { id: string; version: number };

/**
 * The ledger through the HTTP API (issue 27): manual entries drafted, posted and reversed;
 * a locked period refused with its problem code; a receipt allocated to two
 * invoices; the reports and their CSV and XLSX; the chain verified; and what a cashier, an
 * auditor and a salesperson may do.
 */
describe('accounts ledger API', () => {
  const db = useTestDatabase();
  const t = useTestApp(db);
  let admin: TestAccount;
  let api: Caller;
  let general: string;
  const account: Record<string, string> = {};
  let customer: string;

  const ok = async (method: 'POST' | 'PUT' | 'PATCH', url: string, body: object, status = 201) => {
    const res = await api(method, url, body);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return res.body as Json;
  };

  beforeAll(async () => {
    admin = await createAccount(t.app, db.current, { roles: ['admin'] });
    api = caller(t.app, (await login(t.app, admin)).accessToken);
    await ok('POST', `${V1}/chart/install`, { country: 'AR' }, 200);
    const journals = (await api('GET', `${V1}/journals`)).body as {
      items: { id: string; kind: string }[];
    };
    general = journals.items.find((j) => j.kind === 'general')!.id;
    const chart = (await api('GET', `${V1}/accounts?limit=200`)).body as {
      items: { id: string; type: string; heading: boolean; code: string }[];
    };
    for (const type of ['receivable', 'income', 'cash', 'expense'])
      account[type] = chart.items.find((a) => a.type === type && !a.heading)!.id;
    customer = (
      await ok('POST', '/api/v1/crm/parties', { kind: 'organization', name: 'Cliente Uno' })
    ).id;
  });

  const entry = (date: string, lines: object[], post = true) =>
    ok('POST', `${V1}/entries`, { journalId: general, date, lines, post });
  const invoice = (date: string, amount: string, dueDate: string) =>
    entry(date, [
      { accountId: account.receivable, partyId: customer, debit: amount, dueDate },
      { accountId: account.income, credit: amount },
    ]);

  it('drafts, posts and reverses a manual entry, numbered per journal and year', async () => {
    const draft = await entry(
      '2026-02-03',
      [
        { accountId: account.expense, debit: '120.50' },
        { accountId: account.cash, credit: '120.50' },
      ],
      false,
    );
    expect(draft).toMatchObject({ state: 'draft', number: null, total: '120.5' });
    const changed = await api(
      'PATCH',
      `${V1}/entries/${draft.id}`,
      { description: 'Librería' },
      { 'if-match': `"${draft.version}"` },
    );
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const posted = await ok('POST', `${V1}/entries/${draft.id}/post`, {}, 200);
    expect(posted).toMatchObject({ state: 'posted', description: 'Librería' });
    expect(posted.number).toMatch(/^GEN-2026-\d{6}$/);
    expect(posted.hash).toMatch(/^[0-9a-f]{64}$/);
    const reversal = await ok('POST', `${V1}/entries/${draft.id}/reverse`, { date: '2026-02-04' });
    expect(reversal).toMatchObject({ reversesEntryId: draft.id, state: 'posted' });
    const again = await api('POST', `${V1}/entries/${draft.id}/reverse`, {});
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'entry_already_reversed' });
    const unbalanced = await api('POST', `${V1}/entries`, {
      journalId: general,
      date: '2026-02-05',
      lines: [
        { accountId: account.expense, debit: '10' },
        { accountId: account.cash, credit: '9' },
      ],
    });
    expect(unbalanced.status).toBe(422);
    expect(unbalanced.body).toMatchObject({ code: 'entry_unbalanced' });
  });

  it('refuses an entry in a locked period', async () => {
    const settings = (await api('GET', `${V1}/settings`)).body as {
      fiscalYears: { name: string; periods: { id: string; number: number }[] }[];
    };
    const january = settings.fiscalYears
      .find((y) => y.name === String(new Date().getUTCFullYear()))!
      .periods.find((p) => p.number === 1)!;
    await ok('POST', `${V1}/periods/${january.id}/lock`, {}, 200);
    const year = new Date().getUTCFullYear();
    const res = await api(
      'POST',
      `${V1}/entries`,
      {
        journalId: general,
        date: `${year}-01-10`,
        post: true,
        lines: [
          { accountId: account.expense, debit: '1' },
          { accountId: account.cash, credit: '1' },
        ],
      },
      { 'accept-language': 'es' },
    );
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'period_locked' });
    expect(res.body).toMatchObject({ title: 'Period locked' });
    await ok('POST', `${V1}/periods/${january.id}/unlock`, {}, 200);
  });

  it('allocates a receipt to two invoices and reports it at any date', async () => {
    const a = await invoice('2026-03-01', '1000', '2026-03-01');
    const b = await invoice('2026-03-10', '500', '2026-03-20');
    await entry('2026-04-15', [
      { accountId: account.cash, debit: '1500' },
      { accountId: account.receivable, partyId: customer, credit: '1500' },
    ]);
    const before = (await api('GET', `${V1}/parties/${customer}/current-account?asOf=2026-04-15`))
      .body as {
      balances: { balance: string }[];
      items: { id: string; side: string; entryId: string }[];
    };
    expect(before.balances).toEqual([{ currency: 'ARS', balance: '0' }]);
    const credit = before.items.find((i) => i.side === 'credit')!.id;
    const debits = before.items.filter((i) => [a.id, b.id].includes(i.entryId));
    const allocated = await ok('POST', `${V1}/parties/${customer}/allocations`, {
      date: '2026-04-15',
      allocations: debits.map((d) => ({ debitItemId: d.id, creditItemId: credit })),
    });
    expect((allocated as unknown as { items: unknown[] }).items).toHaveLength(2);
    const after = (await api('GET', `${V1}/parties/${customer}/current-account?asOf=2026-04-15`))
      .body as { items: unknown[] };
    expect(after.items).toEqual([]);
    // Aging before the receipt, on 2026-04-10: 1,000 is 40 days late, 500 is 21 days late.
    const aging = (await api('GET', `${V1}/reports/aging?kind=receivable&asOf=2026-04-10`))
      .body as { buckets: string[]; rows: { partyName: string; buckets: string[] }[] };
    expect(aging.buckets).toEqual(['current', '1-30', '31-60', '61-90', '91+']);
    expect(aging.rows).toEqual([
      expect.objectContaining({
        partyName: 'Cliente Uno',
        buckets: ['0', '500', '1000', '0', '0'],
      }),
    ]);
    const later = (await api('GET', `${V1}/reports/aging?kind=receivable&asOf=2026-04-16`))
      .body as { rows: unknown[] };
    expect(later.rows).toEqual([]);
    const statement = (
      await api('GET', `${V1}/parties/${customer}/statement?from=2026-03-05&to=2026-04-30`)
    ).body as { opening: string; closing: string; lines: { balance: string }[] };
    expect(statement).toMatchObject({ opening: '1000', closing: '0' });
    expect(statement.lines.map((l) => l.balance)).toEqual(['1500', '0']);
  });

  it('records a receipt by method that settles two invoices in one go', async () => {
    const buyer = (
      await ok('POST', '/api/v1/crm/parties', { kind: 'organization', name: 'Cliente Dos' })
    ).id;
    const bill = (date: string, amount: string) =>
      entry(date, [
        { accountId: account.receivable, partyId: buyer, debit: amount, dueDate: date },
        { accountId: account.income, credit: amount },
      ]);
    const [a, b] = [await bill('2026-06-01', '800'), await bill('2026-06-02', '400')];
    const open = (
      (await api('GET', `${V1}/parties/${buyer}/current-account`)).body as {
        items: { id: string; entryId: string }[];
      }
    ).items;
    const itemOf = (id: string) => open.find((i) => i.entryId === id)!.id;
    const receipt = await ok('POST', `${V1}/receipts`, {
      partyId: buyer,
      date: '2026-06-10',
      methods: [
        { method: 'cash', amount: '700' },
        { method: 'cheque', amount: '500', reference: 'Banco Nación 0001234' },
      ],
      settles: [{ itemId: itemOf(a.id) }, { itemId: itemOf(b.id) }],
    });
    expect(receipt).toMatchObject({ total: '1200', unallocated: '0' });
    expect(receipt.number).toMatch(/^BAN-2026-/);
    const after = (await api('GET', `${V1}/parties/${buyer}/current-account`)).body as {
      balances: { balance: string }[];
      items: unknown[];
    };
    expect(after).toMatchObject({ balances: [{ currency: 'ARS', balance: '0' }], items: [] });
    // Paying more than is open is refused whole: nothing of the receipt stays.
    const over = await api('POST', `${V1}/receipts`, {
      partyId: buyer,
      date: '2026-06-11',
      methods: [{ method: 'cash', amount: '100' }],
      settles: [{ itemId: itemOf(a.id) }],
    });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ code: 'over_allocated' });
    const entries = (await api('GET', `${V1}/entries?sourceType=accounts.receipt`)).body as {
      items: unknown[];
    };
    expect(entries.items).toHaveLength(1);
  });

  it('revalues what is open in dollars at a day’s rate, reversed the next day', async () => {
    const importer = (
      await ok('POST', '/api/v1/crm/parties', { kind: 'organization', name: 'Cliente en dólares' })
    ).id;
    // 100 USD invoiced at 1,000 on 2026-07-01; the rate is 1,150 on 2026-07-31.
    await ok('POST', `${V1}/entries`, {
      journalId: general,
      date: '2026-07-01',
      post: true,
      lines: [
        {
          accountId: account.receivable,
          partyId: importer,
          debit: '100000',
          currency: 'USD',
          amountCurrency: '100',
          rate: '1000',
        },
        { accountId: account.income, credit: '100000' },
      ],
    });
    const missing = await api('POST', `${V1}/revaluations`, { date: '2026-07-31' });
    expect(missing.status).toBe(422);
    expect(missing.body).toMatchObject({ code: 'no_exchange_rate' });
    await ok('POST', '/api/v1/tenancy/exchange-rates', {
      currency: 'USD',
      date: '2026-07-31',
      rate: '1150',
    });
    const run = (await ok('POST', `${V1}/revaluations`, { date: '2026-07-31' })) as unknown as {
      entryId: string;
      reversalId: string;
      lines: { open: string; booked: string; revalued: string; difference: string }[];
    };
    expect(run.lines).toEqual([
      expect.objectContaining({
        open: '100',
        booked: '100000',
        revalued: '115000',
        difference: '15000',
      }),
    ]);
    const reversal = (await api('GET', `${V1}/entries/${run.reversalId}`)).body as Json;
    expect(reversal).toMatchObject({ entryDate: '2026-08-01', reversesEntryId: run.entryId });
    const balance = async (asOf: string) =>
      (
        (await api('GET', `${V1}/reports/trial-balance?from=2026-01-01&to=${asOf}`)).body as {
          rows: { accountId: string; closing: string }[];
        }
      ).rows.find((r) => r.accountId === account.receivable)?.closing;
    const before = await balance('2026-07-30');
    expect(
      decimal((await balance('2026-07-31'))!)
        .minus(before!)
        .toString(),
    ).toBe('15000');
    expect(await balance('2026-08-01')).toBe(before);
    expect((await api('POST', `${V1}/revaluations`, { date: '2026-07-31' })).status).toBe(409);
    // The customer's current account is untouched: still 100 USD open.
    const current = (await api('GET', `${V1}/parties/${importer}/current-account`)).body;
    expect(current).toMatchObject({ balances: [{ currency: 'USD', balance: '100' }] });
  });

  it('reports a trial balance that sums to zero, as JSON, CSV and XLSX', async () => {
    const tb = (await api('GET', `${V1}/reports/trial-balance?from=2026-01-01&to=2026-12-31`))
      .body as { totals: { debit: string; credit: string; closing: string } };
    expect(tb.totals.debit).toBe(tb.totals.credit);
    expect(tb.totals.closing).toBe('0');
    const csv = await t.app.inject({
      method: 'GET',
      url: `${V1}/reports/trial-balance/export?from=2026-01-01&to=2026-12-31`,
      headers: { authorization: `Bearer ${(await login(t.app, admin)).accessToken}` },
    });
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\n')[0]).toBe('code,name,type,opening,debit,credit,closing');
    const xlsx = await t.app.inject({
      method: 'GET',
      url: `${V1}/reports/aging/export?format=xlsx&kind=receivable&asOf=2026-04-10`,
      headers: { authorization: `Bearer ${(await login(t.app, admin)).accessToken}` },
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pnl = (await api('GET', `${V1}/reports/profit-and-loss?from=2026-01-01&to=2026-12-31`))
      .body as { result: string[] };
    // 1,500, 1,200 and 100,000 (the dollars) invoiced; the revaluation undone the next day.
    expect(pnl.result).toEqual(['102700']);
    const sheet = (await api('GET', `${V1}/reports/balance-sheet?asOf=2026-12-31`)).body as {
      result: string[];
    };
    // Assets less liabilities and equity: the year's result, not yet closed.
    expect(sheet.result).toEqual(['102700']);
    const chain = (await api('GET', `${V1}/chain/verify`)).body;
    expect(chain, JSON.stringify(chain)).toMatchObject({ valid: true, firstBreak: null });
  });

  it('lets a cashier allocate but not post, an auditor read but not write', async () => {
    const as = async (roles: string[]) =>
      caller(
        t.app,
        (
          await login(
            t.app,
            await createAccount(t.app, db.current, { roles, tenantId: admin.tenantId }),
          )
        ).accessToken,
      );
    const cashier = await as(['cashier']);
    const auditor = await as(['auditor']);
    const seller = await as(['sales']);
    const body = {
      journalId: general,
      date: '2026-05-01',
      lines: [
        { accountId: account.expense, debit: '1' },
        { accountId: account.cash, credit: '1' },
      ],
    };
    expect((await cashier('POST', `${V1}/entries`, body)).status).toBe(403);
    expect((await cashier('GET', `${V1}/parties/${customer}/current-account`)).status).toBe(200);
    const received = await cashier('POST', `${V1}/receipts`, {
      partyId: customer,
      date: '2026-05-02',
      methods: [{ method: 'transfer', amount: '10' }],
    });
    expect(received.status, JSON.stringify(received.body)).toBe(201);
    expect(received.body).toMatchObject({ unallocated: '10' });
    expect(
      (await auditor('GET', `${V1}/reports/trial-balance?from=2026-01-01&to=2026-12-31`)).status,
    ).toBe(200);
    expect((await auditor('POST', `${V1}/entries`, body)).status).toBe(403);
    expect((await seller('GET', `${V1}/parties/${customer}/current-account`)).status).toBe(200);
    expect(
      (await seller('GET', `${V1}/reports/trial-balance?from=2026-01-01&to=2026-12-31`)).status,
    ).toBe(403);
  });
});
