import { Database } from '@nexo/db';
import { useTestDatabase } from '@nexo/testing';
import { describe, expect, it } from 'vitest';
import { buildTestApp, useTestApp } from './helpers/test-app.js';

describe('health and metrics', () => {
  const db = useTestDatabase();
  const t = useTestApp(db);

  it('is live and ready with a database', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/health/live' })).json()).toEqual({
      status: 'ok',
    });
    const ready = await t.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', checks: { database: { ok: true } } });
  });

  it('exposes the request histogram by route and status, and the pool gauges', async () => {
    await t.app.inject({ method: 'GET', url: '/health/live' });
    await t.app.inject({ method: 'GET', url: '/no/such/route' });
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(
      /nexo_http_request_duration_seconds_count\{method="GET",route="\/health\/live",status_code="200"\} \d+/,
    );
    expect(res.body).toMatch(
      /nexo_http_request_duration_seconds_count\{method="GET",route="[^"]*",status_code="404"\} \d+/,
    );
    expect(res.body).toMatch(/nexo_db_pool_connections \d+/);
    expect(res.body).toMatch(/nexo_db_pool_idle \d+/);
    expect(res.body).toMatch(/nexo_db_pool_waiting \d+/);
  });
});

describe('readiness without a database', () => {
  const db = useTestDatabase();

  it('answers 503 service_unavailable when the database cannot be reached', async () => {
    const unreachable = new Database('postgres://nexo_app:x@127.0.0.1:1/nowhere', { max: 1 });
    const t = await buildTestApp({ ...db.current, database: unreachable });
    try {
      const res = await t.app.inject({ method: 'GET', url: '/health/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({
        code: 'service_unavailable',
        detail: 'Not ready: database failed',
      });
      expect((await t.app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    } finally {
      await t.app.close();
    }
  });
});
