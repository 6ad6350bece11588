import { adminClient, useTestDatabase } from '@nexo/testing';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createAccount, randomIp } from './helpers/accounts.js';
import { useTestApp } from './helpers/test-app.js';

/** The portal's server, as the API sees it: a proxy in a range the configuration names. */
const PROXY = '192.0.2.10';

/**
 * The client address behind a proxy: X-Forwarded-For is believed only from the proxies in
 * NEXO_TRUSTED_PROXIES, so the per-address sign-in limit counts browsers behind the portal
 * one by one, and a client talking to the API directly cannot pick its address.
 */
describe('client address behind trusted proxies', () => {
  const db = useTestDatabase();
  const t = useTestApp(db, [], { NEXO_TRUSTED_PROXIES: '192.0.2.0/24' });

  // A new email each time, so only the per-address budget (not the per-account one) is spent.
  const signIn = (
    remoteAddress: string,
    forwardedFor?: string,
    email = `nadie-${randomBytes(4).toString('hex')}@example.test`,
  ) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress,
      headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
      payload: { email, password: 'no es la clave' },
    });

  it('counts the forwarded address when the request comes from a trusted proxy', async () => {
    const browser = randomIp();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await signIn(PROXY, browser)).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
    // Another browser behind the same portal has its own budget: the proxy's is not shared.
    expect((await signIn(PROXY, randomIp())).statusCode).toBe(401);
    // A forged entry to the left of the real one does not help: the chain is read from the right.
    expect((await signIn(PROXY, `${randomIp()}, ${browser}`)).statusCode).toBe(429);
  });

  it('ignores a forged header from anyone else and counts their own address', async () => {
    const direct = randomIp();
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) statuses.push((await signIn(direct, randomIp())).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
  });

  it('records the forwarded address on the security event', async () => {
    const account = await createAccount(t.app, db.current);
    const browser = randomIp();
    expect((await signIn(PROXY, browser, account.email)).statusCode).toBe(401);
    const admin = await adminClient(db.current);
    const { rows } = await admin.query<{ ip: string }>(
      `select ip from audit.security_events where user_id = $1 and event = 'login'`,
      [account.userId],
    );
    await admin.end();
    expect(rows.map((r) => r.ip)).toEqual([browser]);
  });
});
