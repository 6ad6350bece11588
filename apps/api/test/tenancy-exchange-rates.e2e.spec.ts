import { CONTEXT_ERRORS } from '@nexo/contracts';
import { useTestDatabase } from '@nexo/testing';
import { describe, expect, it } from 'vitest';
import { createAccount, login, type TestAccount } from './helpers/accounts.js';
import { caller } from './helpers/catalog.js';
import { useTestApp } from './helpers/test-app.js';

const URL = '/api/v1/tenancy/exchange-rates';
const PROBLEM = 'application/problem+json; charset=utf-8';

/** The company's exchange rates through the API: who may enter them, and what the answers say. */
describe('exchange rates', () => {
  const db = useTestDatabase();
  const t = useTestApp(db);
  const as = async (account: TestAccount) =>
    caller(t.app, (await login(t.app, account)).accessToken);

  it('enters a rate and answers the rate on a date, with the currency and the base one', async () => {
    const owner = await createAccount(t.app, db.current, { roles: ['owner'] });
    const api = await as(owner);
    const created = await api('POST', URL, { currency: 'USD', date: '2026-03-01', rate: '1050.5' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      currency: 'USD',
      baseCurrency: 'ARS',
      date: '2026-03-01',
      rate: '1050.5',
      source: 'manual',
      version: 1,
    });
    expect(created.headers.etag).toBe('"1"');

    const on = await api('GET', `${URL}/on?currency=USD&date=2026-03-15`);
    expect(on.status).toBe(200);
    expect(on.body).toEqual({
      currency: 'USD',
      baseCurrency: 'ARS',
      date: '2026-03-15',
      rateDate: '2026-03-01',
      rate: '1050.5',
    });
    const base = await api('GET', `${URL}/on?currency=ARS&date=2026-03-15`);
    expect(base.body).toMatchObject({ rate: '1', baseCurrency: 'ARS' });

    const none = await api('GET', `${URL}/on?currency=USD&date=2026-02-28`);
    expect(none.status).toBe(404);
    expect(none.headers['content-type']).toBe(PROBLEM);
    expect(none.body).toMatchObject({ code: 'exchange_rate_not_found', status: 404 });
    // The portals show it in either language.
    expect(CONTEXT_ERRORS.exchange_rate_not_found.message.es).toContain('tipo de cambio');
    expect(CONTEXT_ERRORS.exchange_rate_not_found.message.en).toContain('exchange rate');

    const refused = await api('POST', URL, { currency: 'ARS', date: '2026-03-01', rate: '1' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'exchange_rate_base_currency' });
    const bad = await api('POST', URL, { currency: 'USD', date: '2026-03-01', rate: '0' });
    expect(bad.status).toBe(400);

    const list = await api('GET', `${URL}?currency=USD&from=2026-01-01&to=2026-12-31`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    const stale = await api('DELETE', `${URL}/${created.body.id}`, undefined, {
      'if-match': '"2"',
    });
    expect(stale.status).toBe(412);
    const gone = await api('DELETE', `${URL}/${created.body.id}`, undefined, {
      'if-match': '"1"',
    });
    expect(gone.status).toBe(204);
  });

  it('imports a CSV: all or nothing by default, each bad row by line', async () => {
    const owner = await createAccount(t.app, db.current, { roles: ['owner'] });
    const api = await as(owner);
    const csv = 'currency,date,rate\nUSD,2026-03-02,1020\nEUR,2026-03-02,abc\n';
    const refused = await api('POST', `${URL}/import`, { csv });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({
      mode: 'all-or-nothing',
      rows: 2,
      imported: 0,
      baseCurrency: 'ARS',
      issues: [{ line: 3, column: 'rate' }],
    });
    expect((await api('GET', URL)).body.items).toEqual([]);
    const partial = await api('POST', `${URL}/import`, { csv, mode: 'valid-only' });
    expect(partial.body).toMatchObject({ imported: 1, rejected: 1 });
    expect((await api('GET', URL)).body.items).toMatchObject([{ currency: 'USD', source: 'csv' }]);
  });

  it('lets every employee read the rates, and only owners, admins and accountants write them', async () => {
    const owner = await createAccount(t.app, db.current, { roles: ['owner'] });
    const api = await as(owner);
    const rate = await api('POST', URL, { currency: 'USD', date: '2026-03-02', rate: '1020' });
    const seller = await as(
      await createAccount(t.app, db.current, { tenantId: owner.tenantId, roles: ['sales'] }),
    );
    expect((await seller('GET', URL)).body.items).toHaveLength(1);
    expect((await seller('GET', `${URL}/on?currency=USD&date=2026-03-02`)).status).toBe(200);
    const denied = await seller('POST', URL, { currency: 'USD', date: '2026-03-03', rate: '1' });
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ code: 'forbidden' });
    expect(
      (await seller('POST', `${URL}/import`, { csv: 'currency,date,rate\nUSD,2026-03-03,1\n' }))
        .status,
    ).toBe(403);
    expect(
      (await seller('DELETE', `${URL}/${rate.body.id}`, undefined, { 'if-match': '"1"' })).status,
    ).toBe(403);

    const contractor = await as(
      await createAccount(t.app, db.current, {
        tenantId: owner.tenantId,
        roles: ['professional-contractor'],
        actor: 'professional',
      }),
    );
    expect((await contractor('GET', URL)).status).toBe(403);

    const accountant = await as(
      await createAccount(t.app, db.current, { tenantId: owner.tenantId, roles: ['accountant'] }),
    );
    const entered = await accountant('POST', URL, {
      currency: 'USD',
      date: '2026-03-02',
      rate: '1030',
    });
    expect(entered.status).toBe(201);
    expect(entered.body).toMatchObject({ id: rate.body.id, rate: '1030', version: 2 });
  });
});
