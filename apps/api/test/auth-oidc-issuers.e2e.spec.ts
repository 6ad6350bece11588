import { adminClient, useTestDatabase } from '@nexo/testing';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createAccount, login, randomIp, type TestAccount } from './helpers/accounts.js';
import { buildTestApp, type TestApp } from './helpers/test-app.js';

/**
 * Which issuers a company's administrator may save, and which the server then calls. No test
 * here sends anything beyond loopback: private addresses are refused before connecting, and
 * saving a provider connects to nothing.
 */
describe('the addresses of OpenID Connect issuers', () => {
  const db = useTestDatabase();
  let closed: TestApp;
  let open: TestApp;
  let admin: TestAccount;
  let closedToken: string;
  let openToken: string;
  /** Counts every request: a refused call must never reach it. */
  let bait: Server;
  let baitPort: number;
  let baitHits = 0;

  beforeAll(async () => {
    closed = await buildTestApp(db.current);
    open = await buildTestApp(db.current, [], { NEXO_OIDC_ALLOW_PRIVATE_ISSUERS: 'true' });
    admin = await createAccount(closed.app, db.current, { roles: ['admin'] });
    closedToken = (await login(closed.app, admin)).accessToken;
    openToken = (await login(open.app, admin)).accessToken;
    bait = createServer((_req, res) => {
      baitHits += 1;
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => bait.listen(0, '127.0.0.1', resolve));
    baitPort = (bait.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await closed.app.close();
    await open.app.close();
    await new Promise((resolve) => bait.close(resolve));
  });

  const save = (t: TestApp, token: string, issuer: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/oidc-providers',
      headers: bearer(token),
      payload: { name: 'Proveedor', issuer, clientId: 'nexo', clientSecret: 'secreto' },
    });
  const authorize = (t: TestApp, providerId: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/oidc/authorize',
      remoteAddress: randomIp(),
      payload: {
        tenantId: admin.tenantId,
        providerId,
        redirectUri: 'https://portal.nexo.test/login/oidc',
      },
    });

  const privateIssuers = (): string[] => [
    `http://127.0.0.1:${baitPort}`,
    'http://10.0.0.1',
    'http://[::1]',
    'http://169.254.169.254',
    `http://localhost:${baitPort}`,
    'https://10.0.0.1/realms/acme',
    'https://192.168.1.20',
    'https://100.64.0.1',
    'https://[fd00::1]',
    'https://[::ffff:169.254.169.254]',
    'https://0.0.0.0',
  ];

  it('refuses a loopback, private or link-local issuer with a problem naming the code', async () => {
    for (const issuer of privateIssuers()) {
      const res = await save(closed, closedToken, issuer);
      expect(res.statusCode, issuer).toBe(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json(), issuer).toMatchObject({
        code: 'oidc_issuer_not_allowed',
        detail: expect.stringMatching(/not allowed: the host is a loopback, private/),
      });
    }
    expect(baitHits).toBe(0);
  });

  it('saves the same issuers where NEXO_OIDC_ALLOW_PRIVATE_ISSUERS allows them', async () => {
    for (const issuer of privateIssuers()) {
      const res = await save(open, openToken, issuer);
      expect(res.statusCode, issuer).toBe(201);
    }
    expect(baitHits).toBe(0);
  });

  it('takes https to a public address, and plain http to one nowhere', async () => {
    expect((await save(closed, closedToken, 'https://203.0.113.10/realm')).statusCode).toBe(201);
    for (const t of [closed, open]) {
      const res = await save(t, t === closed ? closedToken : openToken, 'http://203.0.113.10');
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({
        code: 'oidc_issuer_not_allowed',
        detail: expect.stringMatching(/use https/),
      });
    }
  });

  it('refuses a sign-in, without connecting, when the issuer now resolves to loopback', async () => {
    // Saved where private issuers were allowed (or before the check, or while the name still
    // resolved elsewhere): the server that refuses them must not call it now.
    for (const issuer of [`http://localhost:${baitPort}`, `http://127.0.0.1:${baitPort}`]) {
      const saved = await save(open, openToken, issuer);
      expect(saved.statusCode).toBe(201);
      const providerId = saved.json<{ id: string }>().id;

      const refused = await authorize(closed, providerId);
      expect(refused.statusCode, issuer).toBe(422);
      expect(refused.json()).toMatchObject({ code: 'oidc_issuer_not_allowed' });
      expect(baitHits).toBe(0);

      // Where they are allowed, the same provider is called (and answers nonsense).
      expect((await authorize(open, providerId)).statusCode).toBe(503);
      expect(baitHits).toBeGreaterThan(0);
      baitHits = 0;
    }
    const client = await adminClient(db.current);
    try {
      const { rows } = await client.query<{ reason: string }>(
        `select detail->>'reason' as reason from audit.security_events
          where event = 'oidc.login' and outcome = 'failure' and tenant_ref = $1`,
        [admin.tenantId],
      );
      expect(rows.filter((r) => r.reason === 'issuer_not_allowed')).toHaveLength(2);
    } finally {
      await client.end();
    }
    expect(closed.logs).toContainEqual(
      expect.objectContaining({
        msg: expect.stringMatching(/^OIDC call refused/),
        address: '127.0.0.1',
      }),
    );
  });
});
