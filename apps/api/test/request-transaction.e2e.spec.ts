import { adminClient, useTestDatabase } from '@nexo/testing';
import { newId } from '@nexo/utils';
import { describe, expect, it } from 'vitest';
import { bearer, createAccount, login } from './helpers/accounts.js';
import { FixtureModule } from './helpers/fixture.module.js';
import { useTestApp } from './helpers/test-app.js';

describe('one transaction per request', () => {
  const db = useTestDatabase();
  const t = useTestApp(db, [FixtureModule]);

  it("carries the principal's tenant and actor into PostgreSQL", async () => {
    const account = await createAccount(t.app, db.current);
    const { accessToken } = await login(t.app, account);
    const res = await t.app.inject({
      method: 'GET',
      url: '/test-fixtures/whoami',
      headers: bearer(accessToken),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ tenant: account.tenantId, actor: 'employee' });
  });

  it('keeps concurrent requests of different tenants apart', async () => {
    const accounts = await Promise.all(
      Array.from({ length: 6 }, () => createAccount(t.app, db.current)),
    );
    const tokens = await Promise.all(accounts.map((a) => login(t.app, a)));
    const answers = await Promise.all(
      tokens.map((x) =>
        t.app.inject({
          method: 'GET',
          url: '/test-fixtures/whoami',
          headers: bearer(x.accessToken),
        }),
      ),
    );
    expect(answers.map((a) => a.json<{ tenant: string }>().tenant)).toEqual(
      accounts.map((a) => a.tenantId),
    );
  });

  it('leaves nothing behind when the handler fails after writing', async () => {
    const account = await createAccount(t.app, db.current);
    const { accessToken } = await login(t.app, account);
    const id = newId();
    const res = await t.app.inject({
      method: 'POST',
      url: '/test-fixtures/write-then-fail',
      headers: bearer(accessToken),
      payload: { id },
    });
    expect(res.statusCode).toBe(500);
    const admin = await adminClient(db.current);
    const { rowCount } = await admin.query('select 1 from auth.users where id = $1', [id]);
    await admin.end();
    expect(rowCount).toBe(0);
  });
});
