import { adminClient, useTestDatabase } from '@nexo/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createAccount, login, type TestAccount } from './helpers/accounts.js';
import { buildTestApp, type TestApp } from './helpers/test-app.js';

describe('optimistic concurrency and idempotency', () => {
  const db = useTestDatabase();
  let t: TestApp;
  let admin: TestAccount;
  let token: string;
  beforeAll(async () => {
    t = await buildTestApp(db.current);
    admin = await createAccount(t.app, db.current, { roles: ['admin'] });
    token = (await login(t.app, admin)).accessToken;
  });
  afterAll(async () => {
    await t.app.close();
  });

  const createRole = (key: string, headers: Record<string, string> = {}, name = 'Rol') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/permissions/roles',
      headers: { ...bearer(token), ...headers },
      payload: { key, name, rules: [{ action: 'read', subject: 'tenancy.tenant' }] },
    });
  const patch = (key: string, ifMatch: string | undefined, name: string) =>
    t.app.inject({
      method: 'PATCH',
      url: `/api/v1/permissions/roles/${key}`,
      headers: { ...bearer(token), ...(ifMatch ? { 'if-match': ifMatch } : {}) },
      payload: { name },
    });

  it('lets exactly one of 100 concurrent updates with the same If-Match win', async () => {
    expect((await createRole('concurrente')).statusCode).toBe(201);
    const read = await t.app.inject({
      method: 'GET',
      url: '/api/v1/permissions/roles/concurrente',
      headers: bearer(token),
    });
    const etag = read.headers.etag as string;
    expect(etag).toBe('"1"');
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => patch('concurrente', etag, `Nombre ${i}`)),
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(99);
    expect(answers.find((a) => a.statusCode === 412)?.json()).toMatchObject({
      code: 'precondition_failed',
    });
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/v1/permissions/roles/concurrente',
      headers: bearer(token),
    });
    expect(after.headers.etag).toBe('"2"');
    expect(after.json().name).toBe(answers.find((a) => a.statusCode === 200)?.json().name);
  });

  it('requires If-Match on updates and deletes', async () => {
    expect((await createRole('sin-etag')).statusCode).toBe(201);
    const res = await patch('sin-etag', undefined, 'x');
    expect(res.statusCode).toBe(428);
    expect(res.json()).toMatchObject({ code: 'precondition_required' });
    const del = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/permissions/roles/sin-etag',
      headers: bearer(token),
    });
    expect(del.statusCode).toBe(428);
    expect((await patch('sin-etag', '"7"', 'x')).statusCode).toBe(412);
    expect((await patch('no-existe', '"1"', 'x')).statusCode).toBe(404);
  });

  it('creates once for 50 concurrent POSTs with one Idempotency-Key, answering all alike', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        createRole('idempotente', { 'idempotency-key': 'alta-rol-1' }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array.from({ length: 50 }, () => 201));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(49);
    const client = await adminClient(db.current);
    const { rows } = await client.query(
      `select count(*)::int as n from permissions.roles where tenant_id = $1 and key = 'idempotente'`,
      [admin.tenantId],
    );
    await client.end();
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('refuses the same key with another body, and leaves nothing behind when the first attempt fails', async () => {
    expect((await createRole('clave-a', { 'idempotency-key': 'k-2' })).statusCode).toBe(201);
    const reused = await createRole('clave-b', { 'idempotency-key': 'k-2' });
    expect(reused.statusCode).toBe(422);
    expect(reused.json()).toMatchObject({ code: 'idempotency_key_reused' });

    const failed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/permissions/roles',
      headers: { ...bearer(token), 'idempotency-key': 'k-3' },
      payload: { key: 'admin', name: 'Choca con un rol del sistema', rules: [] },
    });
    expect(failed.statusCode).toBe(409);
    // The failed attempt rolled back with its key: a corrected retry runs.
    const retried = await t.app.inject({
      method: 'POST',
      url: '/api/v1/permissions/roles',
      headers: { ...bearer(token), 'idempotency-key': 'k-3' },
      payload: { key: 'admin', name: 'Choca con un rol del sistema', rules: [] },
    });
    expect(retried.statusCode).toBe(409);
  });
});
