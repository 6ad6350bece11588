import { PasswordHasher } from '@nexo/auth';
import { adminClient, createTenant, useTestDatabase } from '@nexo/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createAccount, login, randomIp, type TestAccount } from './helpers/accounts.js';
import { buildTestApp, type TestApp, useTestApp } from './helpers/test-app.js';

interface Pair {
  accessToken: string;
  refreshToken: string;
  sessionId: string;
}

describe('sessions and refresh tokens', () => {
  const db = useTestDatabase();
  const t = useTestApp(db, [], { NEXO_LOGIN_LOCK_BASE_MS: '300' });

  const refresh = (refreshToken: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      remoteAddress: randomIp(),
      payload: { refreshToken },
    });
  const company = (tenantId: string, token: string) =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/tenancy/tenants/${tenantId}`,
      headers: bearer(token),
    });

  it('rotates the refresh token on every use', async () => {
    const account = await createAccount(t.app, db.current);
    const first = await login(t.app, account);
    const r1 = await refresh(first.refreshToken);
    expect(r1.statusCode).toBe(200);
    const second = r1.json<Pair>();
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.sessionId).toBe(first.sessionId);
    expect((await company(account.tenantId, second.accessToken)).statusCode).toBe(200);
    expect((await refresh(second.refreshToken)).statusCode).toBe(200);
  });

  it('revokes the whole family when a rotated token is presented again, every time', async () => {
    const account = await createAccount(t.app, db.current);
    for (let trial = 0; trial < 15; trial++) {
      const first = await login(t.app, account);
      const rotated = (await refresh(first.refreshToken)).json<Pair>();
      const replay = await refresh(first.refreshToken);
      expect(replay.statusCode).toBe(401);
      // The thief's replay ended the family: the legitimate newest tokens die too.
      expect((await refresh(rotated.refreshToken)).statusCode).toBe(401);
      expect((await company(account.tenantId, rotated.accessToken)).statusCode).toBe(401);
    }
    const admin = await adminClient(db.current);
    const { rows } = await admin.query<{ n: number }>(
      `select count(*)::int as n from audit.security_events where user_id = $1 and event = 'refresh.reuse'`,
      [account.userId],
    );
    await admin.end();
    expect(rows[0]?.n).toBe(15);
  });

  it('lets exactly one of two concurrent uses of a refresh token through, and then revokes', async () => {
    const account = await createAccount(t.app, db.current);
    for (let trial = 0; trial < 5; trial++) {
      const first = await login(t.app, account);
      const answers = await Promise.all([refresh(first.refreshToken), refresh(first.refreshToken)]);
      expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 401]);
      const winner = answers.find((r) => r.statusCode === 200)?.json<Pair>();
      expect((await refresh(winner?.refreshToken ?? '')).statusCode).toBe(401);
    }
  });

  it('lists and revokes the user’s own sessions, and no one else’s', async () => {
    const account = await createAccount(t.app, db.current);
    const other = await createAccount(t.app, db.current);
    const s1 = await login(t.app, account);
    const s2 = await login(t.app, account);
    const theirs = await login(t.app, other);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/sessions',
      headers: bearer(s1.accessToken),
    });
    expect(list.statusCode).toBe(200);
    const sessions = list.json<{ id: string; current: boolean }[]>();
    expect(sessions.map((s) => s.id).sort()).toEqual([s1.sessionId, s2.sessionId].sort());
    expect(sessions.find((s) => s.current)?.id).toBe(s1.sessionId);

    const notMine = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/sessions/${theirs.sessionId}`,
      headers: bearer(s1.accessToken),
    });
    expect(notMine.statusCode).toBe(404);
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/sessions/${s2.sessionId}`,
      headers: bearer(s1.accessToken),
    });
    expect(revoke.statusCode).toBe(204);
    expect((await refresh(s2.refreshToken)).statusCode).toBe(401);
    expect((await company(account.tenantId, s2.accessToken)).statusCode).toBe(401);
    expect((await company(other.tenantId, theirs.accessToken)).statusCode).toBe(200);
  });

  it('lets a professional switch between the companies they serve without signing in again', async () => {
    const firstCompany = await createTenant(db.current.database, 'Estudio Contable Norte');
    const secondCompany = await createTenant(db.current.database, 'Ferretería Sur');
    const pro = await createAccount(t.app, db.current, {
      tenantId: firstCompany.id,
      actor: 'professional',
      roles: ['professional-accountant'],
    });
    await createAccount(t.app, db.current, {
      tenantId: secondCompany.id,
      email: pro.email,
      actor: 'professional',
      roles: ['professional-accountant'],
    });
    const start = await login(t.app, pro, firstCompany.id);

    const info = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: bearer(start.accessToken),
    });
    expect(info.statusCode).toBe(200);
    const body = info.json<{
      current: { tenantId: string };
      memberships: { tenantId: string; tenantName: string }[];
    }>();
    expect(body.current.tenantId).toBe(firstCompany.id);
    expect(body.memberships.map((m) => m.tenantName).sort()).toEqual([
      'Estudio Contable Norte',
      'Ferretería Sur',
    ]);

    expect((await company(secondCompany.id, start.accessToken)).statusCode).toBe(404);
    const switched = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/switch-tenant',
      headers: bearer(start.accessToken),
      payload: { tenantId: secondCompany.id },
    });
    expect(switched.statusCode).toBe(200);
    const next = switched.json<Pair>();
    expect(next.sessionId).toBe(start.sessionId);
    expect((await company(secondCompany.id, next.accessToken)).statusCode).toBe(200);
    expect((await company(firstCompany.id, next.accessToken)).statusCode).toBe(404);
    // The refresh token from before the switch was retired with it.
    expect((await refresh(start.refreshToken)).statusCode).toBe(401);
  });

  it('refuses to switch into a company the user does not belong to', async () => {
    const account = await createAccount(t.app, db.current);
    const stranger = await createTenant(db.current.database);
    const { accessToken } = await login(t.app, account);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/switch-tenant',
      headers: bearer(accessToken),
      payload: { tenantId: stranger.id },
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('brute force', () => {
  const db = useTestDatabase();
  let t: TestApp;
  let account: TestAccount;
  beforeAll(async () => {
    t = await buildTestApp(db.current, [], { NEXO_LOGIN_LOCK_BASE_MS: '400' });
    account = await createAccount(t.app, db.current);
  });
  afterAll(async () => {
    await t.app.close();
  });

  const attempt = (password: string, ip = randomIp()) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: ip,
      payload: { email: account.email, password },
    });

  it('locks the account after 5 failures, runs no argon2 while locked, and lets the right password in after the wait', async () => {
    const hasher = t.app.get(PasswordHasher);
    const before = hasher.count;
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await attempt(`wrong password ${i}`)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    // Only the five attempts that reached the password check ran argon2.
    expect(hasher.count - before).toBe(5);

    const locked = await attempt(account.password);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(hasher.count - before).toBe(5);

    await new Promise((r) => setTimeout(r, 450));
    const ok = await attempt(account.password);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'authenticated' });
  });

  it('throttles many attempts from one address across accounts', async () => {
    const ip = randomIp();
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: ip,
        payload: { email: `nobody-${i}@example.test`, password: 'whatever it is' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
  });

  it('records failed and successful sign-ins with IP and user agent', async () => {
    const admin = await adminClient(db.current);
    const { rows } = await admin.query<{
      outcome: string;
      ip: string | null;
      user_agent: string | null;
    }>(
      `select outcome, ip, user_agent from audit.security_events where user_id = $1 and event = 'login' order by occurred_at`,
      [account.userId],
    );
    await admin.end();
    expect(rows.map((r) => r.outcome)).toEqual([
      'failure',
      'failure',
      'failure',
      'failure',
      'failure',
      'blocked',
      'blocked',
      'blocked',
      'blocked',
      'success',
    ]);
    expect(rows.every((r) => r.ip?.startsWith('10.') && r.user_agent === 'lightMyRequest')).toBe(
      true,
    );
  });
});

describe('members', () => {
  const db = useTestDatabase();
  const t = useTestApp(db);

  it('lists the company’s members for an admin and disables one, whose tokens stop at once', async () => {
    const admin = await createAccount(t.app, db.current, { roles: ['admin'] });
    const member = await createAccount(t.app, db.current, {
      tenantId: admin.tenantId,
      roles: ['sales'],
    });
    const adminToken = (await login(t.app, admin)).accessToken;
    const memberTokens = await login(t.app, member);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/members',
      headers: bearer(adminToken),
    });
    expect(
      list
        .json<{ email: string }[]>()
        .map((m) => m.email)
        .sort(),
    ).toEqual([admin.email, member.email].sort());
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/auth/members',
          headers: bearer(memberTokens.accessToken),
        })
      ).statusCode,
    ).toBe(403);

    const disabled = await t.app.inject({
      method: 'POST',
      url: `/api/v1/auth/members/${member.membershipId}/disable`,
      headers: bearer(adminToken),
    });
    expect(disabled.statusCode).toBe(204);
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: bearer(memberTokens.accessToken),
    });
    expect(after.statusCode).toBe(401);
    const refresh = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      remoteAddress: randomIp(),
      payload: { refreshToken: memberTokens.refreshToken },
    });
    expect(refresh.statusCode).toBe(401);
  });
});
