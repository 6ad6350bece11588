import { sha256 } from '@nexo/platform';
import { adminClient, createTenant, useTestDatabase } from '@nexo/testing';
import { Secret, TOTP } from 'otpauth';
import { newId } from '@nexo/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createAccount, login, randomIp, type TestAccount } from './helpers/accounts.js';
import { startTestIdp, type TestIdp } from './helpers/oidc-idp.js';
import { buildTestApp, type TestApp } from './helpers/test-app.js';

const REDIRECT_URI = 'https://portal.nexo.test/login/oidc';

interface SessionInfo {
  user: { id: string; email: string; name: string };
  current: { tenantId: string; actor: string; roles: string[] };
}

describe('sign-in with a company’s OpenID Connect provider', () => {
  const db = useTestDatabase();
  let t: TestApp;
  let idp: TestIdp;
  let admin: TestAccount;
  let adminToken: string;
  let providerId: string;

  beforeAll(async () => {
    // The test provider runs on 127.0.0.1: allowed only with private issuers allowed.
    t = await buildTestApp(db.current, [], { NEXO_OIDC_ALLOW_PRIVATE_ISSUERS: 'true' });
    idp = await startTestIdp(REDIRECT_URI);
    admin = await createAccount(t.app, db.current, { roles: ['admin'] });
    adminToken = (await login(t.app, admin)).accessToken;
    const created = await createProvider(adminToken);
    expect(created.statusCode).toBe(201);
    providerId = created.json<{ id: string }>().id;
  });
  afterAll(async () => {
    await t.app.close();
    await idp.close();
  });

  const createProvider = (token: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/oidc-providers',
      headers: bearer(token),
      payload: {
        name: 'Acceso corporativo',
        issuer: idp.issuer,
        clientId: idp.clientId,
        clientSecret: idp.clientSecret,
      },
    });
  const authorize = (tenantId = admin.tenantId, provider = providerId) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/oidc/authorize',
      remoteAddress: randomIp(),
      payload: { tenantId, providerId: provider, redirectUri: REDIRECT_URI },
    });
  const callback = (callbackUrl: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/oidc/callback',
      remoteAddress: randomIp(),
      payload: { tenantId: admin.tenantId, callbackUrl },
    });
  /** Starts a sign-in, lets the account through the provider, returns where it came back. */
  const throughProvider = async (accountId: string): Promise<string> => {
    const started = await authorize();
    expect(started.statusCode).toBe(200);
    return idp.signIn(started.json<{ authorizationUrl: string }>().authorizationUrl, accountId);
  };
  const session = async (accessToken: string): Promise<SessionInfo> => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: bearer(accessToken),
    });
    expect(res.statusCode).toBe(200);
    return res.json<SessionInfo>();
  };
  const sql = async <R extends object>(text: string, values: unknown[] = []): Promise<R[]> => {
    const client = await adminClient(db.current);
    try {
      return (await client.query<R>(text, values)).rows;
    } finally {
      await client.end();
    }
  };

  it('signs in a member the provider vouches for, once per callback', async () => {
    const member = await createAccount(t.app, db.current, {
      tenantId: admin.tenantId,
      roles: ['sales'],
    });
    const accountId = idp.addAccount({ email: member.email.toUpperCase(), emailVerified: true });

    const started = await authorize();
    expect(started.statusCode).toBe(200);
    const { authorizationUrl, state } = started.json<{ authorizationUrl: string; state: string }>();
    const url = new URL(authorizationUrl);
    expect(url.origin).toBe(idp.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('state')).toBe(state);
    const [stored] = await sql<{ state_hash: string; expires_in: number }>(
      `select state_hash, extract(epoch from expires_at - now())::int as expires_in
         from auth.oidc_logins where state_hash = $1`,
      [sha256(state)],
    );
    expect(stored?.expires_in).toBeGreaterThan(540);
    expect(stored?.expires_in).toBeLessThanOrEqual(600);

    const callbackUrl = await idp.signIn(authorizationUrl, accountId);
    const signedIn = await callback(callbackUrl);
    expect(signedIn.statusCode).toBe(200);
    const body = signedIn.json<{ status: string; accessToken: string; refreshToken: string }>();
    expect(body.status).toBe('authenticated');
    expect(body.refreshToken).toEqual(expect.any(String));
    const info = await session(body.accessToken);
    expect(info.user.id).toBe(member.userId);
    expect(info.current).toMatchObject({ tenantId: admin.tenantId, roles: ['sales'] });

    const replay = await callback(callbackUrl);
    expect(replay.statusCode).toBe(400);
    expect(replay.json<{ code: string }>().code).toBe('invalid_token');
  });

  it('refuses a sign-in that waited longer than ten minutes', async () => {
    const member = await createAccount(t.app, db.current, { tenantId: admin.tenantId });
    const callbackUrl = await throughProvider(
      idp.addAccount({ email: member.email, emailVerified: true }),
    );
    const state = new URL(callbackUrl).searchParams.get('state') ?? '';
    await sql(
      `update auth.oidc_logins set expires_at = now() - interval '1 second' where state_hash = $1`,
      [sha256(state)],
    );
    expect((await callback(callbackUrl)).statusCode).toBe(400);
  });

  it('creates no account for an email with neither membership nor invitation', async () => {
    const email = `stranger-${newId()}@example.test`;
    const res = await callback(
      await throughProvider(idp.addAccount({ email, emailVerified: true })),
    );
    expect(res.statusCode).toBe(401);
    expect(res.json<{ code: string }>().code).toBe('invalid_credentials');
    expect(await sql(`select 1 from auth.users where lower(email) = lower($1)`, [email])).toEqual(
      [],
    );
    const events = await sql<{ outcome: string }>(
      `select outcome from audit.security_events where event = 'oidc.login' and email = $1`,
      [email.toLowerCase()],
    );
    expect(events).toEqual([{ outcome: 'failure' }]);
  });

  it('creates the invited person, without a password, on their first sign-in', async () => {
    const email = `invited-${newId()}@example.test`;
    const invitationId = newId();
    await sql(
      `insert into auth.invitations (tenant_id, id, email, actor, roles, token_hash, expires_at)
       values ($1, $2, $3, 'employee', '{warehouse}', 'unused', now() + interval '1 day')`,
      [admin.tenantId, invitationId, email],
    );
    const accountId = idp.addAccount({ email, emailVerified: true, name: 'Inés Invitada' });

    const res = await callback(await throughProvider(accountId));
    expect(res.statusCode).toBe(200);
    const info = await session(res.json<{ accessToken: string }>().accessToken);
    expect(info.user).toMatchObject({ email, name: 'Inés Invitada' });
    expect(info.current).toMatchObject({
      tenantId: admin.tenantId,
      actor: 'employee',
      roles: ['warehouse'],
    });
    const [user] = await sql<{ password_hash: string | null }>(
      `select password_hash from auth.users where id = $1`,
      [info.user.id],
    );
    expect(user).toEqual({ password_hash: null });
    const [invitation] = await sql<{ accepted: boolean }>(
      `select accepted_at is not null as accepted from auth.invitations where id = $1`,
      [invitationId],
    );
    expect(invitation).toEqual({ accepted: true });
    // The second time, the membership alone lets them in.
    expect((await callback(await throughProvider(accountId))).statusCode).toBe(200);
  });

  it('refuses an email the provider has not verified, even a member’s', async () => {
    const member = await createAccount(t.app, db.current, { tenantId: admin.tenantId });
    const accountId = idp.addAccount({ email: member.email, emailVerified: false });
    const res = await callback(await throughProvider(accountId));
    expect(res.statusCode).toBe(401);
  });

  it('lets only the company’s administrators manage its providers, secrets never shown', async () => {
    const clerk = await createAccount(t.app, db.current, {
      tenantId: admin.tenantId,
      roles: ['sales'],
    });
    const clerkToken = (await login(t.app, clerk)).accessToken;
    const refused = await createProvider(clerkToken);
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ code: string }>().code).toBe('forbidden');

    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/oidc-providers',
      headers: bearer(adminToken),
    });
    expect(list.statusCode).toBe(200);
    expect(list.json<{ id: string }[]>().map((p) => p.id)).toContain(providerId);
    expect(list.body).not.toContain(idp.clientSecret);
    expect(list.body).not.toMatch(/secret/i);
    const [row] = await sql<{ client_secret_enc: string }>(
      `select client_secret_enc from auth.oidc_providers where id = $1`,
      [providerId],
    );
    expect(row?.client_secret_enc).not.toContain(idp.clientSecret);
  });

  it('keeps a company’s providers out of another company’s reach', async () => {
    const otherAdmin = await createAccount(t.app, db.current, { roles: ['owner'] });
    const otherToken = (await login(t.app, otherAdmin)).accessToken;
    const disableTheirs = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/oidc-providers/${providerId}`,
      headers: bearer(otherToken),
    });
    expect(disableTheirs.statusCode).toBe(404);
    expect((await authorize(otherAdmin.tenantId, providerId)).statusCode).toBe(404);
    expect((await authorize()).statusCode).toBe(200);
  });

  it('stops signing in through a provider once it is disabled', async () => {
    const spare = await createProvider(adminToken);
    const spareId = spare.json<{ id: string }>().id;
    const disabled = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/oidc-providers/${spareId}`,
      headers: bearer(adminToken),
    });
    expect(disabled.statusCode).toBe(204);
    expect((await authorize(admin.tenantId, spareId)).statusCode).toBe(404);
  });

  it('binds the session to the company whose provider vouched: no switching elsewhere', async () => {
    const other = await createTenant(db.current.database, 'Otra empresa del mismo usuario');
    const member = await createAccount(t.app, db.current, {
      tenantId: admin.tenantId,
      roles: ['sales'],
    });
    await createAccount(t.app, db.current, {
      tenantId: other.id,
      email: member.email,
      roles: ['sales'],
    });
    const accountId = idp.addAccount({ email: member.email, emailVerified: true });
    const signedIn = await callback(await throughProvider(accountId));
    expect(signedIn.statusCode).toBe(200);
    const switched = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/switch-tenant',
      headers: bearer(signedIn.json<{ accessToken: string }>().accessToken),
      payload: { tenantId: other.id },
    });
    expect(switched.statusCode).toBe(403);
    // With the password, the same person switches freely.
    const byPassword = await login(t.app, member, admin.tenantId);
    const allowed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/switch-tenant',
      headers: bearer(byPassword.accessToken),
      payload: { tenantId: other.id },
    });
    expect(allowed.statusCode).toBe(200);
  });

  it('still asks for the second factor of a user who enrolled one', async () => {
    const member = await createAccount(t.app, db.current, {
      tenantId: admin.tenantId,
      roles: ['sales'],
    });
    const { accessToken } = await login(t.app, member);
    const { secret } = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/mfa/totp',
        headers: bearer(accessToken),
      })
    ).json<{ secret: string }>();
    const code = () =>
      new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate();
    const confirmed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/mfa/totp/confirm',
      headers: bearer(accessToken),
      payload: { code: code() },
    });
    expect(confirmed.statusCode).toBe(200);

    const accountId = idp.addAccount({ email: member.email, emailVerified: true });
    const first = await callback(await throughProvider(accountId));
    expect(first.json()).toMatchObject({ status: 'mfa_required' });
    expect(first.json().accessToken).toBeUndefined();
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login/mfa',
      remoteAddress: randomIp(),
      payload: { mfaToken: first.json<{ mfaToken: string }>().mfaToken, code: code() },
    });
    expect(second.statusCode).toBe(200);
    const [row] = await sql<{ bound: string | null }>(
      'select bound_tenant_id as bound from auth.sessions where id = $1',
      [second.json<{ sessionId: string }>().sessionId],
    );
    expect(row?.bound).toBe(admin.tenantId);
  });
});
