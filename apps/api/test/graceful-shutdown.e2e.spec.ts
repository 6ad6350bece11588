import { useTestDatabase } from '@nexo/testing';
import { describe, expect, it } from 'vitest';
import { FixtureModule } from './helpers/fixture.module.js';
import { buildTestApp } from './helpers/test-app.js';

describe('graceful shutdown', () => {
  const db = useTestDatabase();

  it('finishes in-flight requests, refuses new connections, then closes the pool', async () => {
    const t = await buildTestApp(db.current, [FixtureModule]);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.getHttpServer().address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    const inFlight = fetch(`${base}/test-fixtures/slow`);
    await new Promise((r) => setTimeout(r, 150)); // the slow request is now running
    const closing = t.app.close();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ done: true });
    await closing;

    await expect(fetch(`${base}/health/live`)).rejects.toThrow();
    expect(db.current.database.pool.ended).toBe(true);
  });
});
