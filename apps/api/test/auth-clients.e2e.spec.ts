import { useTestDatabase } from '@nexo/testing';
import { describe, expect, it } from 'vitest';
import { bearer, createAccount, login, randomIp } from './helpers/accounts.js';
import { useTestApp } from './helpers/test-app.js';

describe('machine clients (OAuth2 client credentials)', () => {
  const db = useTestDatabase();
  const t = useTestApp(db);

  const tokenByForm = (clientId: string, secret: string) =>
    t.app.inject({
      method: 'POST',
      url: '/oauth/token',
      remoteAddress: randomIp(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: secret,
      }).toString(),
    });
  const tokenByBasic = (clientId: string, secret: string) =>
    t.app.inject({
      method: 'POST',
      url: '/oauth/token',
      remoteAddress: randomIp(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`,
      },
      payload: 'grant_type=client_credentials',
    });

  it('issues a tenant-scoped token to a client, by form or Basic auth, and rotates its secret with overlap', async () => {
    const admin = await createAccount(t.app, db.current, { roles: ['admin'] });
    const { accessToken } = await login(t.app, admin);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/api-clients',
      headers: bearer(accessToken),
      payload: { name: 'Tienda online', roles: ['sales'] },
    });
    expect(created.statusCode).toBe(201);
    const { clientId, clientSecret } = created.json<{ clientId: string; clientSecret: string }>();
    const listed = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/api-clients',
      headers: bearer(accessToken),
    });
    expect(JSON.stringify(listed.json())).not.toContain(clientSecret);

    for (const res of [
      await tokenByForm(clientId, clientSecret),
      await tokenByBasic(clientId, clientSecret),
    ]) {
      expect(res.statusCode).toBe(200);
      const body = res.json<{ access_token: string; token_type: string; expires_in: number }>();
      expect(body.token_type).toBe('Bearer');
      expect(body.expires_in).toBeLessThanOrEqual(900);
      const company = await t.app.inject({
        method: 'GET',
        url: `/api/v1/tenancy/tenants/${admin.tenantId}`,
        headers: bearer(body.access_token),
      });
      expect(company.statusCode).toBe(200);
    }
    expect((await tokenByForm(clientId, 'wrong-secret')).statusCode).toBe(401);

    const rotated = await t.app.inject({
      method: 'POST',
      url: `/api/v1/auth/api-clients/${clientId}/rotate-secret`,
      headers: bearer(accessToken),
    });
    expect(rotated.statusCode).toBe(200);
    const newSecret = rotated.json<{ clientSecret: string }>().clientSecret;
    expect((await tokenByForm(clientId, newSecret)).statusCode).toBe(200);
    expect((await tokenByForm(clientId, clientSecret)).statusCode).toBe(200); // overlap window

    const issued = (await tokenByForm(clientId, newSecret)).json<{ access_token: string }>()
      .access_token;
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/v1/auth/api-clients/${clientId}`,
          headers: bearer(accessToken),
        })
      ).statusCode,
    ).toBe(204);
    expect((await tokenByForm(clientId, newSecret)).statusCode).toBe(401);
    const afterDisable = await t.app.inject({
      method: 'GET',
      url: `/api/v1/tenancy/tenants/${admin.tenantId}`,
      headers: bearer(issued),
    });
    expect(afterDisable.statusCode).toBe(401);
  });

  it("keeps clients to their own company: another tenant's admin cannot see or rotate them", async () => {
    const adminA = await createAccount(t.app, db.current, { roles: ['admin'] });
    const adminB = await createAccount(t.app, db.current, { roles: ['admin'] });
    const tokenA = (await login(t.app, adminA)).accessToken;
    const tokenB = (await login(t.app, adminB)).accessToken;
    const { clientId } = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/api-clients',
        headers: bearer(tokenA),
        payload: { name: 'ERP externo' },
      })
    ).json<{ clientId: string }>();
    const rotate = await t.app.inject({
      method: 'POST',
      url: `/api/v1/auth/api-clients/${clientId}/rotate-secret`,
      headers: bearer(tokenB),
    });
    expect(rotate.statusCode).toBe(404);
    const listB = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/api-clients',
      headers: bearer(tokenB),
    });
    expect(listB.json()).toEqual([]);
    const seller = await createAccount(t.app, db.current, {
      tenantId: adminA.tenantId,
      roles: ['sales'],
    });
    const sellerToken = (await login(t.app, seller)).accessToken;
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/auth/api-clients',
          headers: bearer(sellerToken),
        })
      ).statusCode,
    ).toBe(403);
  });

  it('refuses other grant types and malformed client ids', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'grant_type=password&username=a&password=b',
    });
    expect(res.statusCode).toBe(400);
    expect((await tokenByForm('not-a-client', 'x')).statusCode).toBe(401);
  });
});
