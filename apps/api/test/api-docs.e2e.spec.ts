import { createNexoClient } from '@nexo/api-client';
import { API_ROUTES, API_VERSION, buildOpenApiDocument } from '@nexo/contracts';
import { useTestDatabase } from '@nexo/testing';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAccount } from './helpers/accounts.js';
import { useTestApp, type TestApp } from './helpers/test-app.js';

/** A fetch `Headers` as a plain object (`forEach`: typed alike by Node's and the DOM's lib). */
const headersOf = (headers: Headers): Record<string, string> => {
  const out: Record<string, string> = {};
  headers.forEach((value, key) => (out[key] = value));
  return out;
};

const root = path.resolve(import.meta.dirname, '../../..');

/** `fetch` into the app without a socket, so the generated client runs against it. */
function injectFetch(t: TestApp): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const body = request.body ? await request.text() : undefined;
    const res = await t.app.inject({
      method: request.method as 'GET',
      url: url.pathname + url.search,
      headers: headersOf(request.headers),
      ...(body ? { payload: body } : {}),
    });
    return new Response(res.statusCode === 204 ? null : new Uint8Array(res.rawPayload), {
      status: res.statusCode,
      headers: res.headers as Record<string, string>,
    });
  };
}

describe('the API describes itself', () => {
  const db = useTestDatabase();
  const t = useTestApp(db);

  it('serves the OpenAPI 3.1 document of every route, identical to the committed one', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const served = res.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(served.openapi).toBe('3.1.0');
    const committed = JSON.parse(await readFile(path.join(root, 'docs/api/openapi.json'), 'utf8'));
    expect(served).toEqual(committed);
    expect(served).toEqual(
      JSON.parse(JSON.stringify(buildOpenApiDocument(API_ROUTES, API_VERSION))),
    );
    const operations = Object.values(served.paths).flatMap((p) => Object.keys(p as object));
    expect(operations).toHaveLength(API_ROUTES.length);
  });

  it('serves an interactive viewer from this process, nothing from the network', async () => {
    let page = await t.app.inject({ method: 'GET', url: '/api/docs' });
    if (page.statusCode === 302) {
      page = await t.app.inject({ method: 'GET', url: String(page.headers.location) });
    }
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger-ui');
    const scripts = [...page.body.matchAll(/src="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      expect(src).not.toMatch(/^(https?:)?\/\//);
      const asset = await t.app.inject({
        method: 'GET',
        url: new URL(src, 'http://x/api/docs/').pathname,
      });
      expect(asset.statusCode).toBe(200);
    }
  });

  it('is usable through the generated typed client', async () => {
    const account = await createAccount(t.app, db.current, { roles: ['owner'] });
    const auth: { token?: string } = {};
    const client = createNexoClient({
      baseUrl: 'http://nexo.test',
      accessToken: () => auth.token,
      fetch: injectFetch(t),
    });
    const login = await client.POST('/api/v1/auth/login', {
      body: { email: account.email, password: account.password },
    });
    expect(login.data?.status).toBe('authenticated');
    if (login.data?.status !== 'authenticated') throw new Error('no tokens');
    auth.token = login.data.accessToken;
    const session = await client.GET('/api/v1/auth/session');
    expect(session.data?.current.tenantId).toBe(account.tenantId);
    const tenant = await client.GET('/api/v1/tenancy/tenants/{id}', {
      params: { path: { id: account.tenantId } },
    });
    expect(tenant.data?.id).toBe(account.tenantId);
    expect(tenant.response.headers.get('etag')).toMatch(/^"\d+"$/);
    const missing = await client.GET('/api/v1/permissions/roles/{key}', {
      params: { path: { key: 'no-such-role' } },
    });
    expect(missing.error?.code).toBe('not_found');
  });
});
