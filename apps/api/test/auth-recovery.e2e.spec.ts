import { adminClient, createTenant, useTestDatabase } from '@nexo/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createAccount, login, randomIp } from './helpers/accounts.js';
import { SmtpCapture } from './helpers/smtp-capture.js';
import { buildTestApp, type TestApp } from './helpers/test-app.js';

describe('password reset, email verification and invitations, by real SMTP', () => {
  const db = useTestDatabase();
  const smtp = new SmtpCapture();
  let t: TestApp;
  beforeAll(async () => {
    const url = await smtp.start();
    t = await buildTestApp(db.current, [], {
      NEXO_SMTP_URL: url,
      NEXO_LOGIN_LOCK_BASE_MS: '60000',
    });
  });
  afterAll(async () => {
    await t.app.close();
    await smtp.stop();
  });

  const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, payload, headers, remoteAddress: randomIp() });
  const tryLogin = (email: string, password: string) =>
    post('/api/v1/auth/login', { email, password });

  it('resets a password by emailed link, once, ending every session and any lock-out', async () => {
    const account = await createAccount(t.app, db.current);
    const before = await login(t.app, account);
    for (let i = 0; i < 5; i++) await tryLogin(account.email, `wrong ${i} password`);
    expect((await tryLogin(account.email, account.password)).statusCode).toBe(429); // locked

    expect(
      (await post('/api/v1/auth/password/forgot', { email: account.email.toUpperCase() }))
        .statusCode,
    ).toBe(202);
    const mail = await smtp.next(account.email);
    expect(mail.subject).toBe('Restablecé tu contraseña de NEXO');
    const token = SmtpCapture.token(mail);

    const weak = await post('/api/v1/auth/password/reset', { token, password: 'corta' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().issues[0].code).toBe('password_too_short');

    const reset = await post('/api/v1/auth/password/reset', {
      token,
      password: 'una clave nueva y larga',
    });
    expect(reset.statusCode).toBe(204);
    expect(
      (
        await post('/api/v1/auth/password/reset', { token, password: 'otra clave nueva larga' })
      ).json(),
    ).toMatchObject({
      status: 400,
      code: 'invalid_token',
    });
    expect((await tryLogin(account.email, account.password)).statusCode).toBe(401);
    expect((await tryLogin(account.email, 'una clave nueva y larga')).statusCode).toBe(200);
    // Sessions from before the reset are over.
    expect(
      (await post('/api/v1/auth/refresh', { refreshToken: before.refreshToken })).statusCode,
    ).toBe(401);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/auth/session',
          headers: bearer(before.accessToken),
        })
      ).statusCode,
    ).toBe(401);
  });

  it('answers a reset request for an unknown address the same way, and sends nothing', async () => {
    const res = await post('/api/v1/auth/password/forgot', { email: 'nadie@example.test' });
    expect(res.statusCode).toBe(202);
    await expect(smtp.next('nadie@example.test', 300)).rejects.toThrow('No mail');
  });

  it('verifies an email address by link', async () => {
    const account = await createAccount(t.app, db.current);
    const { accessToken } = await login(t.app, account);
    expect(
      (await post('/api/v1/auth/email/verification', {}, bearer(accessToken))).statusCode,
    ).toBe(202);
    const token = SmtpCapture.token(await smtp.next(account.email));
    expect((await post('/api/v1/auth/email/verify', { token })).statusCode).toBe(204);
    expect((await post('/api/v1/auth/email/verify', { token })).statusCode).toBe(400);
    const admin = await adminClient(db.current);
    const { rows } = await admin.query(
      'select email_verified_at is not null as verified from auth.users where id = $1',
      [account.userId],
    );
    await admin.end();
    expect(rows).toEqual([{ verified: true }]);
  });

  it('invites a new person, who joins with a name and password and is signed in', async () => {
    const admin = await createAccount(t.app, db.current, { roles: ['admin'] });
    const { accessToken } = await login(t.app, admin);
    const invited = await post(
      '/api/v1/auth/invitations',
      { email: 'Nueva.Persona@example.test', actor: 'employee', roles: ['sales'] },
      bearer(accessToken),
    );
    expect(invited.statusCode).toBe(201);
    expect(invited.json()).toMatchObject({
      email: 'Nueva.Persona@example.test',
      actor: 'employee',
      roles: ['sales'],
    });
    expect(JSON.stringify(invited.json())).not.toContain('token');

    const mail = await smtp.next('nueva.persona@example.test');
    expect(mail.subject).toContain('Te invitaron a');
    const token = SmtpCapture.token(mail);
    const missing = await post('/api/v1/auth/invitations/accept', { token });
    expect(missing.statusCode).toBe(400);
    expect(
      missing
        .json()
        .issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['name', 'password']);

    const accepted = await post('/api/v1/auth/invitations/accept', {
      token,
      name: 'Nueva Persona',
      password: 'mi clave de bienvenida',
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'authenticated', createdUser: true });
    const info = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: bearer(accepted.json().accessToken),
    });
    expect(info.json()).toMatchObject({
      current: { tenantId: admin.tenantId, actor: 'employee', roles: ['sales'] },
    });
    expect(
      (
        await post('/api/v1/auth/invitations/accept', {
          token,
          name: 'Otra',
          password: 'mi clave de bienvenida',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await tryLogin('nueva.persona@example.test', 'mi clave de bienvenida')).statusCode,
    ).toBe(200);
  });

  it('links an existing user to another company by invitation, without a new password', async () => {
    const existing = await createAccount(t.app, db.current);
    const otherCompany = await createTenant(db.current.database, 'Otra Empresa');
    const admin = await createAccount(t.app, db.current, {
      tenantId: otherCompany.id,
      roles: ['owner'],
    });
    const { accessToken } = await login(t.app, admin);
    expect(
      (
        await post(
          '/api/v1/auth/invitations',
          { email: existing.email, actor: 'professional', roles: ['professional-accountant'] },
          bearer(accessToken),
        )
      ).statusCode,
    ).toBe(201);
    const token = SmtpCapture.token(await smtp.next(existing.email));
    const accepted = await post('/api/v1/auth/invitations/accept', { token });
    expect(accepted.json()).toMatchObject({ status: 'authenticated', createdUser: false });
    const info = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: bearer(accepted.json().accessToken),
    });
    expect(info.json().memberships).toHaveLength(2);
  });

  it('lets only administrators invite, and keeps invitations within their company', async () => {
    const seller = await createAccount(t.app, db.current, { roles: ['sales'] });
    const { accessToken } = await login(t.app, seller);
    const denied = await post(
      '/api/v1/auth/invitations',
      { email: 'x@example.test', actor: 'employee' },
      bearer(accessToken),
    );
    expect(denied.statusCode).toBe(403);

    const adminA = await createAccount(t.app, db.current, { roles: ['admin'] });
    const adminB = await createAccount(t.app, db.current, { roles: ['admin'] });
    const tokenA = (await login(t.app, adminA)).accessToken;
    const tokenB = (await login(t.app, adminB)).accessToken;
    const made = await post(
      '/api/v1/auth/invitations',
      { email: 'solo-a@example.test', actor: 'employee' },
      bearer(tokenA),
    );
    await smtp.next('solo-a@example.test');
    const listB = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/invitations',
      headers: bearer(tokenB),
    });
    expect(listB.json()).toEqual([]);
    const revokeFromB = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/invitations/${made.json().id}`,
      headers: bearer(tokenB),
    });
    expect(revokeFromB.statusCode).toBe(404);
    const clientWithoutParty = await post(
      '/api/v1/auth/invitations',
      { email: 'c@example.test', actor: 'client' },
      bearer(tokenA),
    );
    expect(clientWithoutParty.statusCode).toBe(400);
  });
});
