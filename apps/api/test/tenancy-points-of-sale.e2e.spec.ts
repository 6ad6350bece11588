import { pointsOfSale } from '@nexo/tenancy/tables';
import { useTestDatabase } from '@nexo/testing';
import { describe, expect, it } from 'vitest';
import { createAccount, login, type TestAccount } from './helpers/accounts.js';
import { caller } from './helpers/catalog.js';
import { useTestApp } from './helpers/test-app.js';

const URL = '/api/v1/tenancy/points-of-sale';

/** The company's points of sale through the API: CRUD, a number once per company, RLS. */
describe('points of sale', () => {
  const db = useTestDatabase();
  const t = useTestApp(db);
  const as = async (account: TestAccount) =>
    caller(t.app, (await login(t.app, account, account.tenantId)).accessToken);

  it('adds, lists, renames, deactivates and deletes, a number once per company', async () => {
    const owner = await createAccount(t.app, db.current, { roles: ['owner'] });
    const api = await as(owner);
    const first = await api('POST', URL, { number: 1, name: 'Casa central' });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ number: 1, name: 'Casa central', active: true, version: 1 });
    expect(first.headers.etag).toBe('"1"');
    const second = await api('POST', URL, { number: 99999, name: 'Web', active: false });
    expect(second.status).toBe(201);

    const taken = await api('POST', URL, { number: 1, name: 'Otra' });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'conflict' });
    for (const number of [0, 100000, 1.5])
      expect((await api('POST', URL, { number, name: 'Mal' })).status).toBe(400);

    const list = await api('GET', URL);
    expect(list.status).toBe(200);
    expect(list.body.items.map((p: { number: number }) => p.number)).toEqual([1, 99999]);
    const active = await api('GET', `${URL}?active=true`);
    expect(active.body.items.map((p: { name: string }) => p.name)).toEqual(['Casa central']);

    const id = first.body.id as string;
    const renamed = await api(
      'PATCH',
      `${URL}/${id}`,
      { name: 'Sucursal Centro' },
      { 'if-match': '"1"' },
    );
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Sucursal Centro', number: 1, version: 2 });
    const stale = await api('PATCH', `${URL}/${id}`, { active: false }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    const renumbered = await api('PATCH', `${URL}/${id}`, { number: 2 }, { 'if-match': '"2"' });
    expect(renumbered.status).toBe(400);
    const off = await api('PATCH', `${URL}/${id}`, { active: false }, { 'if-match': '"2"' });
    expect(off.body).toMatchObject({ active: false, version: 3 });
    expect((await api('GET', `${URL}/${id}`)).body).toMatchObject({ active: false });

    expect((await api('DELETE', `${URL}/${id}`, undefined, { 'if-match': '"3"' })).status).toBe(
      204,
    );
    expect((await api('GET', `${URL}/${id}`)).status).toBe(404);
    // The number is free again once its point is gone.
    expect((await api('POST', URL, { number: 1, name: 'Casa central' })).status).toBe(201);
  });

  it('lets every employee read and the accountant manage; a salesperson may not add', async () => {
    const owner = await createAccount(t.app, db.current, { roles: ['owner'] });
    const { tenantId } = owner;
    const sales = await as(await createAccount(t.app, db.current, { tenantId, roles: ['sales'] }));
    const accountant = await as(
      await createAccount(t.app, db.current, { tenantId, roles: ['accountant'] }),
    );
    const created = await accountant('POST', URL, { number: 3, name: 'Depósito' });
    expect(created.status).toBe(201);
    expect((await sales('GET', URL)).body.items).toHaveLength(1);
    expect((await sales('POST', URL, { number: 4, name: 'No' })).status).toBe(403);
  });

  it('keeps each company to its own points of sale (RLS and the tenant key)', async () => {
    const ownerOfA = await createAccount(t.app, db.current, { roles: ['owner'] });
    const a = await as(ownerOfA);
    const b = await as(await createAccount(t.app, db.current, { roles: ['owner'] }));
    const ofB = await b('POST', URL, { number: 5, name: 'De B' });
    expect(ofB.status).toBe(201);
    // The same number in another company is no conflict.
    expect((await a('POST', URL, { number: 5, name: 'De A' })).status).toBe(201);
    const id = ofB.body.id as string;
    expect((await a('GET', `${URL}/${id}`)).status).toBe(404);
    expect((await a('PATCH', `${URL}/${id}`, { name: 'X' }, { 'if-match': '"1"' })).status).toBe(
      404,
    );
    expect((await a('DELETE', `${URL}/${id}`, undefined, { 'if-match': '"1"' })).status).toBe(404);
    expect((await a('GET', URL)).body.items.map((p: { name: string }) => p.name)).toEqual(['De A']);
    expect((await b('GET', `${URL}/${id}`)).body).toMatchObject({ name: 'De B', version: 1 });

    // Underneath the service: without any filter, the app role reads only A's rows.
    const rows = await db.current.database.withContext({ tenantId: ownerOfA.tenantId }, (tx) =>
      tx.select({ name: pointsOfSale.name }).from(pointsOfSale),
    );
    expect(rows).toEqual([{ name: 'De A' }]);
  });
});
