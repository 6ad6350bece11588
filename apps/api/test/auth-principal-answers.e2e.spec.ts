import { PRINCIPAL_VERIFIER, type PrincipalVerifier } from '@nexo/db';
import type { Principal } from '@nexo/platform';
import { adminClient, useTestDatabase } from '@nexo/testing';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createAccount, login, type TestAccount } from './helpers/accounts.js';
import { buildTestApp, type TestApp } from './helpers/test-app.js';

/**
 * The principal re-check keeps a principal's last positive answer with the principal epoch
 * (migration 0026). These changes are made behind the API's back, as another process (the
 * CLI, another API instance) would make them: each must refuse the very next request.
 */
describe('kept principal answers', () => {
  const db = useTestDatabase();
  let t: TestApp;
  let admin: pg.Client;
  let a: TestAccount;

  beforeAll(async () => {
    admin = await adminClient(db.current);
    t = await buildTestApp(db.current);
    a = await createAccount(t.app, db.current);
  });
  afterAll(async () => {
    await t.app.close();
    await admin.end();
  });

  const company = (token: string, tenantId = a.tenantId) =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/tenancy/tenants/${tenantId}`,
      headers: bearer(token),
    });
  const epoch = async () =>
    Number((await admin.query<{ n: string }>('select n from auth.principal_epoch')).rows[0]?.n);

  it('runs the check once while nothing changes, and again after any principal change', async () => {
    const { sessionId } = await login(t.app, a);
    const verifier = t.app.get<PrincipalVerifier>(PRINCIPAL_VERIFIER);
    const principal: Principal = {
      userId: a.userId,
      tenantId: a.tenantId,
      actor: 'employee',
      membershipId: a.membershipId,
      sessionId,
      roles: [],
      issuedAt: Math.floor(Date.now() / 1000),
    };
    /** Runs the opening query as the API would; says whether the member check was called. */
    const open = async (): Promise<boolean> => {
      const query = verifier.check(principal);
      const plan = await admin.query<{ 'QUERY PLAN': string }>(
        `explain (analyze, costs off, timing off) ${query.sql}`,
      );
      const scan = plan.rows.map((r) => r['QUERY PLAN']).find((l) => l.includes('Function Scan'));
      query.accept((await admin.query(query.sql)).rows);
      return !scan?.includes('never executed');
    };
    expect(await open()).toBe(true);
    expect(principal.roles.length).toBeGreaterThan(0);
    expect(await open()).toBe(false);
    expect(await open()).toBe(false);
    // A change to another user moves the epoch: this principal is checked once more.
    const other = await createAccount(t.app, db.current);
    const moved = await epoch();
    await admin.query(`update auth.users set status = 'disabled' where id = $1`, [other.userId]);
    expect(await epoch()).toBeGreaterThan(moved);
    expect(await open()).toBe(true);
    expect(await open()).toBe(false);
    // Columns the check does not read (the last sign-in, failed attempts) leave it alone.
    await admin.query(`update auth.users set failed_logins = failed_logins + 1 where id = $1`, [
      a.userId,
    ]);
    expect(await open()).toBe(false);
  });

  it('refuses the next request after a membership is disabled elsewhere, and lets it in again', async () => {
    const { accessToken } = await login(t.app, a);
    expect((await company(accessToken)).statusCode).toBe(200);
    await admin.query(`update auth.memberships set status = 'disabled' where id = $1`, [
      a.membershipId,
    ]);
    const refused = await company(accessToken);
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    await admin.query(`update auth.memberships set status = 'active' where id = $1`, [
      a.membershipId,
    ]);
    expect((await company(accessToken)).statusCode).toBe(200);
  });

  it('refuses the next request after the session is revoked or has expired', async () => {
    const revoked = await login(t.app, a);
    expect((await company(revoked.accessToken)).statusCode).toBe(200);
    await admin.query(`update auth.sessions set revoked_at = now() where id = $1`, [
      revoked.sessionId,
    ]);
    expect((await company(revoked.accessToken)).statusCode).toBe(401);

    const expiring = await login(t.app, a);
    expect((await company(expiring.accessToken)).statusCode).toBe(200);
    // Expiry is time, not a change: the answer kept with the session's new end holds until
    // that end passes, then the check runs again and refuses.
    await admin.query(
      `update auth.sessions set expires_at = now() + interval '2 seconds' where id = $1`,
      [expiring.sessionId],
    );
    expect((await company(expiring.accessToken)).statusCode).toBe(200);
    const kept = await epoch();
    await new Promise((r) => setTimeout(r, 2500));
    expect(await epoch()).toBe(kept);
    expect((await company(expiring.accessToken)).statusCode).toBe(401);
  });

  it('refuses the next request once the membership is gone', async () => {
    const gone = await createAccount(t.app, db.current);
    const { accessToken } = await login(t.app, gone);
    const mine = () => company(accessToken, gone.tenantId);
    expect((await mine()).statusCode).toBe(200);
    await admin.query('begin');
    await admin.query(
      `delete from auth.refresh_tokens where session_id in (select id from auth.sessions where membership_id = $1)`,
      [gone.membershipId],
    );
    await admin.query(`delete from auth.sessions where membership_id = $1`, [gone.membershipId]);
    await admin.query(`delete from auth.memberships where id = $1`, [gone.membershipId]);
    await admin.query('commit');
    // The check finds no row at all: that is a refusal, not "nothing changed".
    expect((await mine()).statusCode).toBe(401);
  });

  it('serves the roles as they are now after a role change', async () => {
    const { accessToken } = await login(t.app, a);
    const me = () =>
      t.app.inject({ method: 'GET', url: '/api/v1/permissions/me', headers: bearer(accessToken) });
    const first = await me();
    expect(first.statusCode).toBe(200);
    await admin.query(`update auth.memberships set roles = array['warehouse'] where id = $1`, [
      a.membershipId,
    ]);
    const after = await me();
    expect(after.statusCode).toBe(200);
    expect(first.json<{ roles: string[] }>().roles).not.toEqual(['warehouse']);
    expect(after.json<{ roles: string[] }>().roles).toEqual(['warehouse']);
  });
});
