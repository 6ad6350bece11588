import { AccessTokenService, KeyStore } from '@nexo/auth';
import { adminClient, useTestDatabase } from '@nexo/testing';
import { SignJWT, base64url, generateKeyPair, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bearer, createAccount, login, type TestAccount } from './helpers/accounts.js';
import { buildTestApp, type TestApp } from './helpers/test-app.js';

/** The negative JWT suite: every forged, stale or misdirected token is refused. */
describe('access tokens', () => {
  const db = useTestDatabase();
  let t: TestApp;
  let a: TestAccount;
  let b: TestAccount;
  let valid: string;
  beforeAll(async () => {
    t = await buildTestApp(db.current);
    a = await createAccount(t.app, db.current);
    b = await createAccount(t.app, db.current);
    valid = (await login(t.app, a)).accessToken;
  });
  afterAll(async () => {
    await t.app.close();
  });

  const company = (tenantId: string, token?: string) =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/tenancy/tenants/${tenantId}`,
      headers: token ? bearer(token) : {},
    });

  /** Signs claims with the app's real key, so only the claim under test is wrong. */
  async function forge(
    overrides: JWTPayload,
    header: Record<string, unknown> = {},
  ): Promise<string> {
    const { kid, privateKey } = await t.app.get(KeyStore).signingKey();
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      iss: t.app.get(AccessTokenService).issuer,
      aud: 'nexo-api',
      sub: a.userId,
      iat: now,
      nbf: now,
      exp: now + 300,
      tid: a.tenantId,
      act: 'employee',
      mid: a.membershipId,
      ...overrides,
    })
      .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'at+jwt', ...header })
      .sign(privateKey);
  }

  it('accepts a valid token for its own company', async () => {
    const res = await company(a.tenantId, valid);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: a.tenantId });
    expect((await forge({})).length).toBeGreaterThan(0);
    expect((await company(a.tenantId, await forge({}))).statusCode).toBe(200); // the forge itself is sound
  });

  it('refuses a request without a token, with a challenge', async () => {
    const res = await company(a.tenantId);
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toContain('Bearer');
    expect(res.json()).toMatchObject({ code: 'unauthenticated' });
  });

  it('refuses alg: none', async () => {
    const [, payload] = valid.split('.');
    const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'at+jwt' }));
    expect((await company(a.tenantId, `${header}.${payload}.`)).statusCode).toBe(401);
  });

  it('refuses HS256 signed with the public key', async () => {
    const jwks = (await t.app.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json<{
      keys: { kid: string; x: string }[];
    }>();
    const key = jwks.keys[0];
    expect(key).toBeDefined();
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ tid: a.tenantId, act: 'employee', mid: a.membershipId })
      .setProtectedHeader({ alg: 'HS256', kid: key?.kid ?? '', typ: 'at+jwt' })
      .setIssuer(t.app.get(AccessTokenService).issuer)
      .setAudience('nexo-api')
      .setSubject(a.userId)
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + 300)
      .sign(new TextEncoder().encode(JSON.stringify(key)));
    expect((await company(a.tenantId, token)).statusCode).toBe(401);
    const raw = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', kid: key?.kid ?? '' })
      .sign(base64url.decode(key?.x ?? ''));
    expect((await company(a.tenantId, raw)).statusCode).toBe(401);
  });

  it('refuses an unknown kid, even when well signed by some other key', async () => {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ tid: a.tenantId, act: 'employee', mid: a.membershipId })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'not-ours', typ: 'at+jwt' })
      .setIssuer(t.app.get(AccessTokenService).issuer)
      .setAudience('nexo-api')
      .setSubject(a.userId)
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + 300)
      .sign(privateKey);
    expect((await company(a.tenantId, token)).statusCode).toBe(401);
  });

  it('refuses expired, not-yet-valid, wrong issuer and wrong audience', async () => {
    const now = Math.floor(Date.now() / 1000);
    const cases = [
      await forge({ exp: now - 60, iat: now - 700 }),
      await forge({ nbf: now + 600 }),
      await forge({ iss: 'https://evil.example' }),
      await forge({ aud: 'someone-else' }),
      await forge({}, { typ: 'JWT' }),
      await forge({ act: 'superuser' }),
    ];
    for (const token of cases) expect((await company(a.tenantId, token)).statusCode).toBe(401);
  });

  it('refuses a token it accepted before, once the token has expired', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await forge({ exp: now + 60 });
    expect((await company(a.tenantId, token)).statusCode).toBe(200);
    // The second use is answered from the verified tokens, the third must see the expiry.
    expect((await company(a.tenantId, token)).statusCode).toBe(200);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 70_000);
      const res = await company(a.tenantId, token);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'unauthenticated' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a tampered payload', async () => {
    const [header, payload, signature] = valid.split('.');
    const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload ?? ''))) as Record<
      string,
      unknown
    >;
    const tampered = base64url.encode(JSON.stringify({ ...claims, tid: b.tenantId }));
    expect((await company(b.tenantId, `${header}.${tampered}.${signature}`)).statusCode).toBe(401);
  });

  it("answers 404 for another company's resource with a valid token", async () => {
    const res = await company(b.tenantId, valid);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_found' });
  });

  it('refuses the token of a disabled user, or of a disabled membership, at once', async () => {
    const c = await createAccount(t.app, db.current);
    const d = await createAccount(t.app, db.current);
    const tc = (await login(t.app, c)).accessToken;
    const td = (await login(t.app, d)).accessToken;
    expect((await company(c.tenantId, tc)).statusCode).toBe(200);
    const admin = await adminClient(db.current);
    await admin.query(`update auth.users set status = 'disabled' where id = $1`, [c.userId]);
    await admin.query(`update auth.memberships set status = 'disabled' where id = $1`, [
      d.membershipId,
    ]);
    await admin.end();
    expect((await company(c.tenantId, tc)).statusCode).toBe(401);
    expect((await company(d.tenantId, td)).statusCode).toBe(401);
  });

  it('refuses the access token of a session after logout', async () => {
    const e = await createAccount(t.app, db.current);
    const { accessToken } = await login(t.app, e);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: bearer(accessToken),
    });
    expect(out.statusCode).toBe(204);
    expect((await company(e.tenantId, accessToken)).statusCode).toBe(401);
  });

  it('publishes the verification keys, without private parts', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/.well-known/jwks.json' });
    const { keys } = res.json<{ keys: Record<string, string>[] }>();
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
      expect(key.d).toBeUndefined();
    }
  });

  it('keeps old tokens valid across a key rotation, and signs new ones with the new key', async () => {
    const before = (await login(t.app, a)).accessToken;
    const newKid = await t.app.get(KeyStore).rotate();
    const after = (await login(t.app, a)).accessToken;
    const kidOf = (jwt: string) =>
      (
        JSON.parse(new TextDecoder().decode(base64url.decode(jwt.split('.')[0] ?? ''))) as {
          kid: string;
        }
      ).kid;
    expect(kidOf(after)).toBe(newKid);
    expect(kidOf(before)).not.toBe(newKid);
    expect((await company(a.tenantId, before)).statusCode).toBe(200);
    expect((await company(a.tenantId, after)).statusCode).toBe(200);
    const kids = (await t.app.inject({ method: 'GET', url: '/.well-known/jwks.json' }))
      .json<{ keys: { kid: string }[] }>()
      .keys.map((k) => k.kid);
    expect(kids).toEqual(expect.arrayContaining([kidOf(before), newKid]));
  });
});
