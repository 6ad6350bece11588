import { adminClient, useTestDatabase } from '@nexo/testing';
import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { bearer, createAccount, login, randomIp, type TestAccount } from './helpers/accounts.js';
import { useTestApp } from './helpers/test-app.js';

const codeFor = (secret: string, offsetSteps = 0): string =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({
    timestamp: Date.now() + offsetSteps * 30_000,
  });

describe('TOTP second factor', () => {
  const db = useTestDatabase();
  const t = useTestApp(db);

  const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, payload, headers, remoteAddress: randomIp() });

  async function enrol(account: TestAccount): Promise<{ secret: string; recoveryCodes: string[] }> {
    const { accessToken } = await login(t.app, account);
    const started = await post('/api/v1/auth/mfa/totp', {}, bearer(accessToken));
    expect(started.statusCode).toBe(200);
    const { secret, otpauthUrl, qrCode } = started.json<{
      secret: string;
      otpauthUrl: string;
      qrCode: string;
    }>();
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/NEXO:/);
    expect(qrCode).toMatch(/^data:image\/png;base64,/);
    expect(
      (
        await post(
          '/api/v1/auth/mfa/totp/confirm',
          { code: '000000' === codeFor(secret) ? '111111' : '000000' },
          bearer(accessToken),
        )
      ).statusCode,
    ).toBe(400);
    const confirmed = await post(
      '/api/v1/auth/mfa/totp/confirm',
      { code: codeFor(secret) },
      bearer(accessToken),
    );
    expect(confirmed.statusCode).toBe(200);
    const { recoveryCodes } = confirmed.json<{ recoveryCodes: string[] }>();
    expect(recoveryCodes).toHaveLength(10);
    return { secret, recoveryCodes };
  }

  it('enrols with a QR code, then asks for the code at sign-in', async () => {
    const account = await createAccount(t.app, db.current);
    const { secret } = await enrol(account);

    const step1 = await post('/api/v1/auth/login', {
      email: account.email,
      password: account.password,
    });
    expect(step1.statusCode).toBe(200);
    const { status, mfaToken } = step1.json<{ status: string; mfaToken: string }>();
    expect(status).toBe('mfa_required');
    expect(step1.json().accessToken).toBeUndefined();
    // The challenge is not an access token.
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/auth/session',
          headers: bearer(mfaToken),
        })
      ).statusCode,
    ).toBe(401);

    expect(
      (await post('/api/v1/auth/login/mfa', { mfaToken, code: codeFor(secret, 10) })).statusCode,
    ).toBe(401);
    const step2 = await post('/api/v1/auth/login/mfa', { mfaToken, code: codeFor(secret) });
    expect(step2.statusCode).toBe(200);
    expect(step2.json()).toMatchObject({ status: 'authenticated' });
    const session = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: bearer(step2.json().accessToken),
    });
    expect(session.json()).toMatchObject({ user: { mfaEnabled: true } });
  });

  it('accepts each recovery code once', async () => {
    const account = await createAccount(t.app, db.current);
    const { recoveryCodes } = await enrol(account);
    const challenge = async () =>
      (
        await post('/api/v1/auth/login', { email: account.email, password: account.password })
      ).json<{ mfaToken: string }>().mfaToken;
    const first = await post('/api/v1/auth/login/mfa', {
      mfaToken: await challenge(),
      recoveryCode: recoveryCodes[0],
    });
    expect(first.statusCode).toBe(200);
    const again = await post('/api/v1/auth/login/mfa', {
      mfaToken: await challenge(),
      recoveryCode: recoveryCodes[0],
    });
    expect(again.statusCode).toBe(401);
    const admin = await adminClient(db.current);
    const { rows } = await admin.query(
      'select count(*)::int as n from auth.recovery_codes where user_id = $1 and used_at is null',
      [account.userId],
    );
    await admin.end();
    expect(rows).toEqual([{ n: 9 }]);
  });

  it('makes employees of a company that requires MFA enrol before anything else', async () => {
    const account = await createAccount(t.app, db.current);
    const admin = await adminClient(db.current);
    await admin.query('update tenancy.tenants set require_mfa_employees = true where id = $1', [
      account.tenantId,
    ]);
    await admin.end();

    const signIn = await post('/api/v1/auth/login', {
      email: account.email,
      password: account.password,
    });
    expect(signIn.json()).toMatchObject({ status: 'authenticated', mfaEnrolmentRequired: true });
    const { accessToken, refreshToken } = signIn.json<{
      accessToken: string;
      refreshToken: string;
    }>();
    const blocked = await t.app.inject({
      method: 'GET',
      url: `/api/v1/tenancy/tenants/${account.tenantId}`,
      headers: bearer(accessToken),
    });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ code: 'mfa_enrolment_required' });
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/auth/session',
          headers: bearer(accessToken),
        })
      ).json(),
    ).toMatchObject({
      mfaEnrolmentRequired: true,
    });

    const { secret } = (await post('/api/v1/auth/mfa/totp', {}, bearer(accessToken))).json<{
      secret: string;
    }>();
    expect(
      (await post('/api/v1/auth/mfa/totp/confirm', { code: codeFor(secret) }, bearer(accessToken)))
        .statusCode,
    ).toBe(200);
    const refreshed = await post('/api/v1/auth/refresh', { refreshToken });
    expect(refreshed.json()).toMatchObject({ mfaEnrolmentRequired: false });
    const open = await t.app.inject({
      method: 'GET',
      url: `/api/v1/tenancy/tenants/${account.tenantId}`,
      headers: bearer(refreshed.json().accessToken),
    });
    expect(open.statusCode).toBe(200);
  });
});
