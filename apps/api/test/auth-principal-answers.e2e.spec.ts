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
    /**
     * Starts a request as the API does: with a kept answer, the check runs only if the epoch,
     * read with the first statement, says so. Says whether the member check ran.
     */
    const open = async (): Promise<boolean> => {
      const check = verifier.check(principal);
      if (check.stale) {
        const { rows } = await admin.query<{ stale: boolean }>(
          `select (${check.stale.text}) as stale`,
          [...check.stale.values],
        );
        if (!rows[0]?.stale) return false;
      }
      check.accept((await admin.query(check.sql)).rows);
      return true;
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

  it('serves the roles as they are now after a role change, reads and writes alike', async () => {
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

    // A write that starts on the kept answer of a role that could make it, after that role was
    // taken away: the request runs again on the new role and is refused, leaving nothing.
    await admin.query(`update auth.memberships set roles = array['owner'] where id = $1`, [
      a.membershipId,
    ]);
    expect((await me()).json<{ roles: string[] }>().roles).toEqual(['owner']);
    await admin.query(`update auth.memberships set roles = array['warehouse'] where id = $1`, [
      a.membershipId,
    ]);
    const name = `Cliente ${Date.now()}`;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/crm/parties',
      headers: bearer(accessToken),
      payload: { kind: 'organization', name },
    });
    expect(created.statusCode).toBe(403);
    const { rows } = await admin.query('select 1 from crm.parties where name = $1', [name]);
    expect(rows).toHaveLength(0);

    // A read likewise: the route is judged again on the new role, which may not list parties.
    await admin.query(`update auth.memberships set roles = array['owner'] where id = $1`, [
      a.membershipId,
    ]);
    const parties = () =>
      t.app.inject({ method: 'GET', url: '/api/v1/crm/parties', headers: bearer(accessToken) });
    expect((await parties()).statusCode).toBe(200);
    await admin.query(`update auth.memberships set roles = array['production'] where id = $1`, [
      a.membershipId,
    ]);
    expect((await parties()).statusCode).toBe(403);
  });
});
