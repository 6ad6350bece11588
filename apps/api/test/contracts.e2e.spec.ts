import { adminClient, useTestDatabase } from '@nexo/testing';
import { newId } from '@nexo/utils';
import { describe, expect, it } from 'vitest';
import { bearer, createAccount, login } from './helpers/accounts.js';
import { FixtureModule } from './helpers/fixture.module.js';
import { useTestApp } from './helpers/test-app.js';

describe('routes serve their contracts', () => {
  const db = useTestDatabase();
  const t = useTestApp(db, [FixtureModule]);

  async function signedIn(roles = ['owner']): Promise<Record<string, string>> {
    const account = await createAccount(t.app, db.current, { roles });
    return bearer((await login(t.app, account)).accessToken);
  }

  async function userExists(id: string): Promise<boolean> {
    const admin = await adminClient(db.current);
    const { rowCount } = await admin.query('select 1 from auth.users where id = $1', [id]);
    await admin.end();
    return rowCount === 1;
  }

  it('sends only the fields the response schema names', async () => {
    const id = newId();
    const res = await t.app.inject({
      method: 'POST',
      url: '/test-fixtures/leaky',
      headers: await signedIn(),
      payload: { id, breakContract: false },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ id, name: 'Leaky' });
    expect(res.body).not.toContain('secret-hash');
    expect(await userExists(id)).toBe(true);
  });

  it('answers 500 and rolls the request back when a handler breaks its contract', async () => {
    const id = newId();
    const res = await t.app.inject({
      method: 'POST',
      url: '/test-fixtures/leaky',
      headers: await signedIn(),
      payload: { id, breakContract: true },
    });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ code: 'internal_error' });
    expect(await userExists(id)).toBe(false);
    expect(JSON.stringify(t.logs)).toContain('leaky answered outside its contract');
  });

  it('judges access before input: a role without the permission gets 403, not 400', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/permissions/roles',
      headers: await signedIn(['sales']),
      payload: { not: 'a role' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('validates params, query and body, naming each bad field', async () => {
    const headers = await signedIn();
    const params = await t.app.inject({
      method: 'GET',
      url: '/api/v1/tenancy/tenants/not-a-uuid',
      headers,
    });
    expect(params.statusCode).toBe(400);
    expect(params.json().issues).toEqual([expect.objectContaining({ path: 'params.id' })]);
    const query = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/members?limit=500',
      headers,
    });
    expect(query.statusCode).toBe(400);
    expect(query.json().issues).toEqual([expect.objectContaining({ path: 'query.limit' })]);
    const body = await t.app.inject({
      method: 'POST',
      url: '/api/v1/permissions/roles',
      headers,
      payload: { key: 'X', name: '', rules: [], extra: 1 },
    });
    expect(body.statusCode).toBe(400);
    expect(
      body
        .json()
        .issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['', 'key', 'name']);
  });

  it('sends the ETag of a versioned record and requires If-Match to change it', async () => {
    const headers = await signedIn();
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/permissions/roles',
      headers,
      payload: { key: 'etag-role', name: 'E', rules: [] },
    });
    expect(created.statusCode).toBe(201);
    const read = await t.app.inject({
      method: 'GET',
      url: '/api/v1/permissions/roles/etag-role',
      headers,
    });
    expect(read.headers.etag).toBe('"1"');
    const noMatch = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/permissions/roles/etag-role',
      headers,
      payload: { name: 'F' },
    });
    expect(noMatch.statusCode).toBe(428);
    const updated = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/permissions/roles/etag-role',
      headers: { ...headers, 'if-match': '"1"' },
      payload: { name: 'F' },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.headers.etag).toBe('"2"');
  });

  it("leaves out the company's fields a portal role may not read", async () => {
    const owner = await createAccount(t.app, db.current, { roles: ['owner'] });
    const client = await createAccount(t.app, db.current, {
      tenantId: owner.tenantId,
      roles: ['client-portal'],
    });
    const read = async (account: typeof owner) =>
      t.app.inject({
        method: 'GET',
        url: `/api/v1/tenancy/tenants/${owner.tenantId}`,
        headers: bearer((await login(t.app, account)).accessToken),
      });
    const full = (await read(owner)).json<Record<string, unknown>>();
    expect(full).toHaveProperty('requireMfaEmployees');
    const limited = (await read(client)).json<Record<string, unknown>>();
    expect(Object.keys(limited).sort()).toEqual(
      ['country', 'currency', 'id', 'legalName', 'locale', 'name', 'taxId'].sort(),
    );
  });
});
