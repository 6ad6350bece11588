import { createTenant, adminClient, useTestDatabase } from '@nexo/testing';
import { newId } from '@nexo/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureModule } from './helpers/fixture.module.js';
import { buildTestApp, type TestApp } from './helpers/test-app.js';

describe('one transaction per request', () => {
  const db = useTestDatabase();
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(db.current, [FixtureModule]);
  });
  afterAll(async () => {
    await t.app.close();
  });

  it("carries the principal's tenant and actor into PostgreSQL", async () => {
    const { id } = await createTenant(db.current.database);
    const res = await t.app.inject({
      method: 'GET',
      url: '/test-fixtures/whoami',
      headers: { 'x-test-tenant': id },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ tenant: id, actor: 'employee' });
  });

  it('keeps concurrent requests of different tenants apart', async () => {
    const tenants = await Promise.all(
      Array.from({ length: 8 }, () => createTenant(db.current.database)),
    );
    const answers = await Promise.all(
      tenants.map((x) =>
        t.app.inject({
          method: 'GET',
          url: '/test-fixtures/whoami',
          headers: { 'x-test-tenant': x.id },
        }),
      ),
    );
    expect(answers.map((a) => a.json<{ tenant: string }>().tenant)).toEqual(
      tenants.map((x) => x.id),
    );
  });

  it('leaves nothing behind when the handler fails after writing', async () => {
    const { id: tenantId } = await createTenant(db.current.database);
    const id = newId();
    const res = await t.app.inject({
      method: 'POST',
      url: '/test-fixtures/write-then-fail',
      headers: { 'x-test-tenant': tenantId },
      payload: { id },
    });
    expect(res.statusCode).toBe(500);
    const admin = await adminClient(db.current);
    const { rowCount } = await admin.query('select 1 from auth.users where id = $1', [id]);
    await admin.end();
    expect(rowCount).toBe(0);
  });
});
