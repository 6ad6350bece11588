import { useTestDatabase } from '@nexo/testing';
import { describe, expect, it } from 'vitest';
import { bearer, createAccount, login } from './helpers/accounts.js';
import { FixtureModule } from './helpers/fixture.module.js';
import { useTestApp } from './helpers/test-app.js';

const PROBLEM = 'application/problem+json; charset=utf-8';

describe('errors as problem details', () => {
  const db = useTestDatabase();
  const t = useTestApp(db, [FixtureModule]);

  it('answers an unknown route with 404 route_not_found', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nowhere?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toBe(PROBLEM);
    expect(res.json()).toMatchObject({
      status: 404,
      code: 'route_not_found',
      instance: '/api/v1/nowhere',
    });
    expect(res.json().requestId).toBe(res.headers['x-request-id']);
  });

  it('answers malformed JSON with 400 malformed_json', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/test-fixtures/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": "ab",',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toBe(PROBLEM);
    expect(res.json()).toMatchObject({ code: 'malformed_json' });
  });

  it('answers a body over 1 MiB with 413 payload_too_large', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/test-fixtures/echo',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(1024 * 1024), quantity: 1 }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'payload_too_large' });
  });

  it('accepts a body just under the limit', async () => {
    const name = 'x'.repeat(1024 * 1024 - 100);
    const res = await t.app.inject({
      method: 'POST',
      url: '/test-fixtures/echo',
      payload: { name, quantity: 1 },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toHaveLength(name.length);
  });

  it('answers invalid fields with 400 and one issue per field, unknown fields included', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/test-fixtures/echo',
      payload: { name: 'a', quantity: 1.5, colour: 'red' },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('validation_failed');
    expect(body.issues.map((i: { path: string; code: string }) => [i.path, i.code])).toEqual(
      expect.arrayContaining([
        ['name', 'too_small'],
        ['quantity', 'invalid_type'],
        ['', 'unrecognized_keys'],
      ]),
    );
  });

  it('answers an unexpected error with 500 and an error id that is in the log, without its message', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/test-fixtures/boom',
      headers: { 'x-request-id': 'req-abc-123' },
    });
    expect(res.statusCode).toBe(500);
    const body = res.json();
    expect(body).toMatchObject({ code: 'internal_error', requestId: 'req-abc-123' });
    expect(body.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body).not.toContain('hunter2');
    const line = t.logs.find((l) => l.errorId === body.errorId);
    expect(line).toMatchObject({ level: 'error', requestId: 'req-abc-123' });
    expect(JSON.stringify(line?.err)).toContain('secret detail');
  });

  it('logs every request as JSON with its request id', async () => {
    await t.app.inject({
      method: 'GET',
      url: '/health/live',
      headers: { 'x-request-id': 'trace-42' },
    });
    expect(t.logs.filter((l) => l.reqId === 'trace-42').map((l) => l.msg)).toEqual([
      'incoming request',
      'request completed',
    ]);
  });

  it('names the tenant in the log lines of a signed-in request', async () => {
    const account = await createAccount(t.app, db.current);
    const { accessToken } = await login(t.app, account);
    await t.app.inject({
      method: 'GET',
      url: `/api/v1/tenancy/tenants/${account.tenantId}`,
      headers: { ...bearer(accessToken), 'x-request-id': 'tenant-log-1' },
    });
    const completed = t.logs.find(
      (l) => l.reqId === 'tenant-log-1' && l.msg === 'request completed',
    );
    expect(completed).toMatchObject({ tenantId: account.tenantId, userId: account.userId });
  });

  it('replaces a request id that is not safe to log', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/health/live',
      headers: { 'x-request-id': 'bad id\nforged' },
    });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('never logs credentials', async () => {
    await t.app.inject({
      method: 'GET',
      url: '/health/live',
      headers: {
        authorization: 'Bearer sekret-token',
        cookie: 'sid=sekret-cookie',
        'x-request-id': 'cred-1',
      },
    });
    const lines = JSON.stringify(t.logs.filter((l) => l.reqId === 'cred-1'));
    expect(lines).not.toContain('sekret');
  });
});
