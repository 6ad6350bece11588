import { AuditLog } from '@nexo/audit';
import { Database, appRoleUrl } from '@nexo/db';
import { DomainError, requestContext, type Principal, type RecordAccess } from '@nexo/platform';
import { newId } from '@nexo/utils';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { exchangeRates, tenants } from '../db/tenancy.tables.js';
import { ExchangeRateRepository } from './exchange-rate.repository.js';
import { ExchangeRateService } from './exchange-rate.service.js';
import { ExchangeRates } from './exchange-rates.js';

/**
 * A clone of the migrated template for this file, as `@nexo/testing` makes one: that library
 * depends on tenancy's tables, so tenancy's own tests cannot import it (a cycle).
 */
function useRatesDatabase() {
  const env = inject('nexoDb' as never) as {
    serverUrl: string;
    template: string;
    prefix: string;
    appPassword: string;
  };
  const name = `${env.prefix}_${randomBytes(5).toString('hex')}`;
  const url = new URL(env.serverUrl);
  url.pathname = `/${name}`;
  const state: { database?: Database } = {};
  const server = async <T>(fn: (client: pg.Client) => Promise<T>, at = env.serverUrl) => {
    const client = new pg.Client({ connectionString: at });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  beforeAll(async () => {
    await server((c) =>
      c.query(`CREATE DATABASE "${name}" TEMPLATE "${env.template}" STRATEGY FILE_COPY`),
    );
    state.database = new Database(appRoleUrl(url.toString(), env.appPassword), { max: 8 });
  });
  afterAll(async () => {
    await state.database?.close();
    await server((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  });
  return {
    get database(): Database {
      if (!state.database) throw new Error('created in beforeAll');
      return state.database;
    },
    /** Rows as the superuser sees them, past RLS. */
    admin: <T extends pg.QueryResultRow>(sql: string, params: unknown[]) =>
      server((c) => c.query<T>(sql, params), url.toString()),
  };
}

/** Every write allowed: the roles' rules are proved through the API (route permissions). */
const OPEN: RecordAccess = {
  assertCan: () => Promise.resolve(),
  assertWritable: () => Promise.resolve(),
  mask: (_type, record) => Promise.resolve(record),
};

/**
 * The exchange rates on a real PostgreSQL, as the app role under RLS: enter and replace,
 * list, "the rate on a date", the base currency, CSV import, another company's rates.
 */
describe('exchange rates (PostgreSQL)', () => {
  const db = useRatesDatabase();

  /** A new company (base ARS) and `request`, which runs as one request of its owner. */
  async function company(access: RecordAccess = OPEN) {
    const { database } = db;
    const tenant = { id: newId() };
    await database.withContext({ tenantId: tenant.id }, (tx) =>
      tx
        .insert(tenants)
        .values({ id: tenant.id, slug: `t-${randomBytes(6).toString('hex')}`, name: 'Empresa' }),
    );
    const principal: Principal = {
      userId: newId(),
      tenantId: tenant.id,
      actor: 'employee',
      membershipId: newId(),
      roles: ['owner'],
      issuedAt: 0,
    };
    const request = <T>(fn: () => Promise<T>): Promise<T> =>
      requestContext.run({ requestId: newId(), principal }, () =>
        database.withContext({ tenantId: tenant.id, userId: principal.userId }, fn),
      );
    const repository = new ExchangeRateRepository(database);
    return {
      tenantId: tenant.id,
      request,
      rates: new ExchangeRateService(repository, access, new AuditLog(database)),
      public: new ExchangeRates(repository),
    };
  }

  it('enters a rate, and a second one for the same currency and date replaces it', async () => {
    const c = await company();
    const first = await c.request(() =>
      c.rates.save({ currency: 'USD', date: '2026-03-10', rate: '1050.25' }),
    );
    expect(first).toMatchObject({
      currency: 'USD',
      baseCurrency: 'ARS',
      date: '2026-03-10',
      rate: '1050.25',
      source: 'manual',
      version: 1,
    });
    const again = await c.request(() =>
      c.rates.save({ currency: 'USD', date: '2026-03-10', rate: '1061.1234567891' }),
    );
    expect(again).toMatchObject({ id: first.id, rate: '1061.1234567891', version: 2 });
    const page = await c.request(() => c.rates.list({}));
    expect(page.items).toHaveLength(1);

    const audit = await db.admin<{ action: string; after: { rate: string } }>(
      `select action, after from audit.audit_log
        where tenant_id = $1 and resource = 'tenancy.exchange-rate' order by occurred_at, id`,
      [c.tenantId],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['create', 'update']);
    expect(audit.rows[1]?.after.rate).toBe('1061.1234567891');
  });

  it('refuses a rate for the base currency, naming the field', async () => {
    const c = await company();
    await expect(
      c.request(() => c.rates.save({ currency: 'ARS', date: '2026-03-10', rate: '1' })),
    ).rejects.toMatchObject({
      code: 'exchange_rate_base_currency',
      details: { issues: [{ path: 'currency' }] },
    });
  });

  it('lists newest first, by currency and between two dates, a page at a time', async () => {
    const c = await company();
    await c.request(async () => {
      for (const [currency, date, rate] of [
        ['USD', '2026-01-02', '1000'],
        ['USD', '2026-02-02', '1010'],
        ['USD', '2026-03-02', '1020'],
        ['EUR', '2026-02-03', '1100'],
      ] as const)
        await c.rates.save({ currency, date, rate });
    });
    const all = await c.request(() => c.rates.list({}));
    expect(all.items.map((r) => `${r.currency} ${r.date}`)).toEqual([
      'USD 2026-03-02',
      'EUR 2026-02-03',
      'USD 2026-02-02',
      'USD 2026-01-02',
    ]);
    const usd = await c.request(() =>
      c.rates.list({ currency: 'USD', from: '2026-01-15', to: '2026-03-02' }),
    );
    expect(usd.items.map((r) => r.date)).toEqual(['2026-03-02', '2026-02-02']);
    const first = await c.request(() => c.rates.list({ currency: 'USD', limit: '2' }));
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await c.request(() =>
      c.rates.list({ currency: 'USD', limit: '2', cursor: first.nextCursor }),
    );
    expect(second.items.map((r) => r.date)).toEqual(['2026-01-02']);
    expect(second.nextCursor).toBeNull();
  });

  it('gives the latest rate on or before a date, 1 for the base currency, none before the first', async () => {
    const c = await company();
    await c.request(async () => {
      await c.rates.save({ currency: 'USD', date: '2026-03-01', rate: '1000.5' });
      await c.rates.save({ currency: 'USD', date: '2026-03-10', rate: '1010' });
      await c.rates.save({ currency: 'EUR', date: '2026-03-12', rate: '1200' });
    });
    // Between two rates: the earlier one.
    expect(await c.request(() => c.rates.on({ currency: 'USD', date: '2026-03-09' }))).toEqual({
      currency: 'USD',
      baseCurrency: 'ARS',
      date: '2026-03-09',
      rateDate: '2026-03-01',
      rate: '1000.5',
    });
    // Exactly on a rate's date: that one.
    expect(await c.request(() => c.public.rateOn('USD', '2026-03-10'))).toEqual({
      rate: '1010',
      rateDate: '2026-03-10',
    });
    expect(await c.request(() => c.public.rateOn('USD', '2027-01-01'))).toEqual({
      rate: '1010',
      rateDate: '2026-03-10',
    });
    // A day that does not exist, or no currency code, is the caller's mistake.
    await expect(c.request(() => c.public.rateOn('USD', '2026-02-30'))).rejects.toMatchObject({
      code: 'validation_failed',
      details: { issues: [{ path: 'date' }] },
    });
    await expect(c.request(() => c.public.rateOn('usd', '2026-03-10'))).rejects.toMatchObject({
      details: { issues: [{ path: 'currency' }] },
    });
    // Before the first rate: none.
    expect(await c.request(() => c.public.rateOn('USD', '2026-02-28'))).toBeNull();
    await expect(
      c.request(() => c.rates.on({ currency: 'USD', date: '2026-02-28' })),
    ).rejects.toMatchObject({ code: 'exchange_rate_not_found' });
    await expect(
      c.request(() => c.rates.on({ currency: 'GBP', date: '2026-03-15' })),
    ).rejects.toBeInstanceOf(DomainError);
    // The base currency is 1 on any date, with no row.
    expect(await c.request(() => c.public.rateOn('ARS', '1999-01-01'))).toEqual({
      rate: '1',
      rateDate: '1999-01-01',
    });
    expect(await c.request(() => c.rates.on({ currency: 'ARS', date: '2026-03-15' }))).toEqual({
      currency: 'ARS',
      baseCurrency: 'ARS',
      date: '2026-03-15',
      rateDate: '2026-03-15',
      rate: '1',
    });
    // Without a date: today where the company is.
    const today = await c.request(() => c.rates.on({ currency: 'ARS' }));
    expect(today.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('imports a good CSV, replacing the rates of the same currency and date', async () => {
    const c = await company();
    await c.request(() => c.rates.save({ currency: 'USD', date: '2026-03-02', rate: '1' }));
    const csv = [
      'currency,date,rate',
      'USD,2026-03-02,1020.5',
      'usd,2026-03-03,"1021,75"',
      'EUR,2026-03-03,1100.0000000001',
      '',
    ].join('\n');
    const result = await c.request(() => c.rates.import({ csv, mode: 'all-or-nothing' }));
    expect(result).toEqual({
      mode: 'all-or-nothing',
      rows: 3,
      imported: 3,
      rejected: 0,
      issues: [],
      baseCurrency: 'ARS',
    });
    const rates = await c.request(() => c.rates.list({ sort: 'currency' }));
    expect(rates.items.map((r) => [r.currency, r.date, r.rate, r.source])).toEqual([
      ['EUR', '2026-03-03', '1100.0000000001', 'csv'],
      ['USD', '2026-03-02', '1020.5', 'csv'],
      ['USD', '2026-03-03', '1021.75', 'csv'],
    ]);
  });

  it('reports every bad row by line and writes nothing, or only the good rows when asked', async () => {
    const c = await company();
    const csv = [
      'currency,date,rate',
      'USD,2026-03-02,1020.5', // 2: good
      'US,2026-03-03,1', // 3: not a currency
      'EUR,2026-02-30,1100', // 4: no such date
      'EUR,2026-03-03,-5', // 5: not above 0
      'ARS,2026-03-03,1', // 6: the base currency
      'USD,2026-03-02,1030', // 7: the same as line 2
      'GBP,2026-03-04,1.12345678901', // 8: 11 decimals
      'CLP,2026-03-04', // 9: no rate
      'BRL,2026-03-04,210', // 10: good
    ].join('\n');
    const refused = await c.request(() => c.rates.import({ csv, mode: 'all-or-nothing' }));
    expect(refused).toMatchObject({ rows: 9, imported: 0, rejected: 9 });
    expect(refused.issues.map((i) => `${i.line} ${i.column}`)).toEqual([
      '3 currency',
      '4 date',
      '5 rate',
      '6 currency',
      '7 date',
      '8 rate',
      '9 rate',
    ]);
    expect(refused.issues.find((i) => i.line === 6)?.code).toBe('exchange_rate_base_currency');
    expect(refused.issues.find((i) => i.line === 7)?.message).toContain('line 2');
    expect((await c.request(() => c.rates.list({}))).items).toEqual([]);

    const partial = await c.request(() => c.rates.import({ csv, mode: 'valid-only' }));
    expect(partial).toMatchObject({ rows: 9, imported: 2, rejected: 7 });
    expect(
      (await c.request(() => c.rates.list({ sort: 'currency' }))).items.map((r) => r.currency),
    ).toEqual(['BRL', 'USD']);
  });

  it('refuses a file with unknown or missing columns, and one that is not CSV', async () => {
    const c = await company();
    const wrong = await c.request(() =>
      c.rates.import({ csv: 'moneda,date,rate\nUSD,2026-03-02,1\n', mode: 'valid-only' }),
    );
    expect(wrong).toMatchObject({ imported: 0, rejected: 1 });
    expect(wrong.issues.map((i) => `${i.line} ${i.code} ${i.column}`)).toEqual([
      '1 unknown_column moneda',
      '1 missing_column currency',
    ]);
    await expect(
      c.request(() =>
        c.rates.import({ csv: 'currency,date,rate\n"USD,2026-03-02,1\n', mode: 'valid-only' }),
      ),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it("shows company B none of A's rates, and B's delete of A's id finds nothing", async () => {
    const a = await company();
    const b = await company();
    const rate = await a.request(() =>
      a.rates.save({ currency: 'USD', date: '2026-03-02', rate: '1020' }),
    );
    expect((await b.request(() => b.rates.list({}))).items).toEqual([]);
    expect(await b.request(() => b.public.rateOn('USD', '2026-03-02'))).toBeNull();
    await expect(b.request(() => b.rates.remove(rate.id, 1))).rejects.toMatchObject({
      code: 'not_found',
    });
    // B's own rate for the same currency and date is B's, beside A's.
    await b.request(() => b.rates.save({ currency: 'USD', date: '2026-03-02', rate: '999' }));
    expect(await a.request(() => a.public.rateOn('USD', '2026-03-02'))).toEqual({
      rate: '1020',
      rateDate: '2026-03-02',
    });
    // As the app role, a row of another company cannot be written at all.
    const written = await a
      .request(() =>
        db.database.tx().insert(exchangeRates).values({
          tenantId: b.tenantId,
          id: newId(),
          currency: 'EUR',
          rateDate: '2026-03-02',
          rate: '1',
        }),
      )
      .then(
        () => 'written',
        (error: Error) => String((error.cause as Error | undefined)?.message ?? error.message),
      );
    expect(written).toMatch(/row-level security/);
  });

  it('deletes at the version read: 412 at another, 404 once gone', async () => {
    const c = await company();
    const rate = await c.request(() =>
      c.rates.save({ currency: 'USD', date: '2026-03-02', rate: '1020' }),
    );
    await c.request(() => c.rates.save({ currency: 'USD', date: '2026-03-02', rate: '1030' }));
    await expect(c.request(() => c.rates.remove(rate.id, 1))).rejects.toMatchObject({
      code: 'precondition_failed',
    });
    await c.request(() => c.rates.remove(rate.id, 2));
    await expect(c.request(() => c.rates.remove(rate.id, 2))).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await c.request(() => c.public.rateOn('USD', '2026-03-02'))).toBeNull();
  });

  it('asks the record access before each write', async () => {
    const refusing: RecordAccess = {
      ...OPEN,
      assertWritable: (action) =>
        Promise.reject(new DomainError('forbidden', `You may not ${action} exchange rates`)),
    };
    const c = await company(refusing);
    await expect(
      c.request(() => c.rates.save({ currency: 'USD', date: '2026-03-02', rate: '1' })),
    ).rejects.toMatchObject({ code: 'forbidden', message: 'You may not create exchange rates' });
    await expect(
      c.request(() =>
        c.rates.import({ csv: 'currency,date,rate\nUSD,2026-03-02,1\n', mode: 'valid-only' }),
      ),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect((await c.request(() => c.rates.list({}))).items).toEqual([]);
  });
});
