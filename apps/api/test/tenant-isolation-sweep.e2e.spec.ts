import { DiscoveryModule } from '@nestjs/core';
import { jobRuns } from '@nexo/jobs/tables';
import { useTestDatabase } from '@nexo/testing';
import { newId } from '@nexo/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createAccount, login, type TestAccount } from './helpers/accounts.js';
import { listRoutes, type RouteInfo } from './helpers/routes.js';
import { caller, tinyPng } from './helpers/catalog.js';
import { SmtpCapture } from './helpers/smtp-capture.js';
import { buildTestApp, type TestApp } from './helpers/test-app.js';
import { CONTEXT_TEST_KITS, contextsWithoutKit } from './helpers/context-kits.js';

/**
 * Every route that takes a record id, called by the owner of company A with the ids of
 * company B's records: each answers 404 (never 200, never 403 — no existence oracle), and
 * B's records are unchanged. The base's records are made here; each context's by its test
 * kit (`src/testing/<context>.test-kit.ts`). A route with an id parameter that no one gives an
 * id for fails this test.
 */
describe('tenant isolation sweep', () => {
  const db = useTestDatabase();
  const smtp = new SmtpCapture();
  let t: TestApp;
  let a: TestAccount;
  let b: TestAccount;
  let tokenA: string;
  const idsOfB: Record<string, string> = {};
  /** A valid body where the route needs one: input is judged before the record is looked up. */
  const bodies: Record<string, object> = {};
  /** Lists, other reads and records of B's that the kits name for the checks below. */
  const lists: string[] = [];
  const notFound: string[] = [];
  const unchanged: { url: string; matches: Record<string, unknown> }[] = [];
  let routes: RouteInfo[];

  beforeAll(async () => {
    t = await buildTestApp(db.current, [DiscoveryModule], {
      NEXO_SMTP_URL: await smtp.start(),
      NEXO_OIDC_ALLOW_PRIVATE_ISSUERS: 'true',
    });
    routes = listRoutes(t.app);
    a = await createAccount(t.app, db.current, { roles: ['owner'] });
    b = await createAccount(t.app, db.current, { roles: ['owner'] });
    const other = await createAccount(t.app, db.current, {
      tenantId: b.tenantId,
      roles: ['sales'],
    });
    tokenA = (await login(t.app, a)).accessToken;
    const sessionB = await login(t.app, b);
    const asB = (method: 'POST', url: string, payload: object) =>
      t.app.inject({ method, url, headers: bearer(sessionB.accessToken), payload });
    const invitation = await asB('POST', '/api/v1/auth/invitations', {
      email: 'solo-b@example.test',
      actor: 'employee',
    });
    const client = await asB('POST', '/api/v1/auth/api-clients', { name: 'Cliente de B' });
    const provider = await asB('POST', '/api/v1/auth/oidc-providers', {
      name: 'IdP de B',
      // A literal address: saving looks the host up, and this test makes no DNS query. Nothing
      // connects to it (loopback, allowed by the test app's setting).
      issuer: 'https://127.0.0.1:1',
      clientId: 'b',
      clientSecret: 'secreto-de-b-bastante-largo',
    });
    const role = await asB('POST', '/api/v1/permissions/roles', {
      key: 'solo-de-b',
      name: 'Solo de B',
      rules: [],
    });
    expect([invitation, client, provider, role].map((r) => r.statusCode)).toEqual([
      201, 201, 201, 201,
    ]);
    const fieldId = (
      await asB('POST', '/api/v1/custom-fields', {
        resource: 'crm.party',
        key: 'rubro_b',
        label: 'Rubro de B',
        type: 'text',
      })
    ).json<{ id: string }>().id;
    // A job of B's, as enqueuing leaves it.
    const jobOfB = newId();
    await db.current.database.withContext({ tenantId: b.tenantId }, (tx) =>
      tx.insert(jobRuns).values({
        tenantId: b.tenantId,
        id: jobOfB,
        name: 'test.rows.import',
        createdBy: b.userId,
      }),
    );
    const callAsB = caller(t.app, sessionB.accessToken);
    const made = async (url: string, body: object): Promise<string> => {
      const res = await callAsB('POST', url, body);
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    for (const kit of CONTEXT_TEST_KITS) {
      const records = await kit.recordsOfB(callAsB, { png: tinyPng() });
      Object.assign(idsOfB, records.ids);
      Object.assign(bodies, records.bodies ?? {});
      lists.push(...records.lists);
      notFound.push(...(records.notFound ?? []));
      if (records.unchanged) unchanged.push(records.unchanged);
    }
    const series = await made('/api/v1/tenancy/number-series', {
      documentType: 'invoice',
      series: 'B',
      prefix: 'Serie de B-',
    });
    Object.assign(idsOfB, {
      'GET /api/v1/tenancy/tenants/:id': b.tenantId,
      'PATCH /api/v1/tenancy/tenants/:id': b.tenantId,
      'PATCH /api/v1/tenancy/number-series/:id': series,
      'POST /api/v1/auth/members/:id/disable': other.membershipId,
      'DELETE /api/v1/auth/invitations/:id': invitation.json<{ id: string }>().id,
      'POST /api/v1/auth/api-clients/:clientId/rotate-secret': client.json<{ clientId: string }>()
        .clientId,
      'DELETE /api/v1/auth/api-clients/:clientId': client.json<{ clientId: string }>().clientId,
      'DELETE /api/v1/auth/oidc-providers/:id': provider.json<{ id: string }>().id,
      'GET /api/v1/permissions/roles/:key': 'solo-de-b',
      'PATCH /api/v1/permissions/roles/:key': 'solo-de-b',
      'DELETE /api/v1/permissions/roles/:key': 'solo-de-b',
      'PUT /api/v1/permissions/memberships/:id/roles': other.membershipId,
      'GET /api/v1/permissions/memberships/:id/effective': other.membershipId,
      'DELETE /api/v1/auth/sessions/:id': sessionB.sessionId,
      'GET /api/v1/jobs/:id': jobOfB,
      'PATCH /api/v1/custom-fields/:id': fieldId,
    });
    Object.assign(bodies, {
      'PATCH /api/v1/tenancy/number-series/:id': { prefix: 'A-' },
      'PATCH /api/v1/custom-fields/:id': { label: 'x' },
    });
  });
  afterAll(async () => {
    await t.app.close();
    await smtp.stop();
  });

  it('answers 404 to every id-taking route given another company’s ids', async () => {
    // Audit history is a list filtered by id: it answers an empty page, checked below.
    const withIds = routes.filter(
      (r) => /:(id|key|clientId)\b/.test(r.path) && !r.path.startsWith('/api/v1/audit/'),
    );
    const missing = withIds.map((r) => `${r.method} ${r.path}`).filter((k) => !(k in idsOfB));
    expect(missing).toEqual([]);
    const answers: string[] = [];
    for (const route of withIds) {
      const key = `${route.method} ${route.path}`;
      const id = idsOfB[key] ?? '';
      const url = route.path.replace(/:(id|key|clientId)\b/, encodeURIComponent(id));
      // A file route gets a real file, so that only the id can make it fail.
      const file = route.contract?.binaryBody;
      const res = await t.app.inject({
        method: route.method as 'GET',
        url,
        headers: {
          ...bearer(tokenA),
          'if-match': '"1"',
          ...(file ? { 'content-type': 'image/png' } : {}),
        },
        ...(route.method === 'GET' || route.method === 'DELETE'
          ? {}
          : {
              payload: file
                ? tinyPng()
                : (bodies[key] ?? (route.method === 'PUT' ? { roles: ['sales'] } : { name: 'x' })),
            }),
      });
      answers.push(`${route.method} ${route.path} → ${res.statusCode}`);
    }
    expect(answers.filter((line) => !line.endsWith('→ 404'))).toEqual([]);
    expect(answers.length).toBe(Object.keys(idsOfB).length);
    // And nothing of B's changed.
    const tokenB = (await login(t.app, b)).accessToken;
    expect(unchanged.length).toBeGreaterThan(0);
    for (const record of unchanged) {
      const theirs = await t.app.inject({
        method: 'GET',
        url: record.url,
        headers: bearer(tokenB),
      });
      expect(theirs.json()).toMatchObject(record.matches);
    }
    const company = await t.app.inject({
      method: 'GET',
      url: `/api/v1/tenancy/tenants/${b.tenantId}`,
      headers: bearer((await login(t.app, b)).accessToken),
    });
    expect(company.json()).toMatchObject({ name: 'Empresa de prueba', version: 1 });
  });

  it('shows nothing of another company in lists or in a record’s audit history', async () => {
    expect(contextsWithoutKit()).toEqual([]);
    const everyList = [
      ...lists,
      '/api/v1/custom-fields',
      '/api/v1/auth/members',
      '/api/v1/auth/invitations',
      '/api/v1/auth/api-clients',
      '/api/v1/auth/oidc-providers',
      '/api/v1/tenancy/number-series',
    ];
    for (const url of everyList) {
      const body = JSON.stringify(
        (await t.app.inject({ method: 'GET', url, headers: bearer(tokenA) })).json(),
      );
      expect(body).not.toContain(b.tenantId);
      expect(body).not.toContain('solo-b@example.test');
      expect(body).not.toContain('Cliente de B');
      expect(body).not.toContain('IdP de B');
      expect(body).not.toMatch(/de B|B-1/);
    }
    for (const url of notFound) {
      const res = await t.app.inject({ method: 'GET', url, headers: bearer(tokenA) });
      expect(res.statusCode, url).toBe(404);
    }
    const roles = await t.app.inject({
      method: 'GET',
      url: '/api/v1/permissions/roles',
      headers: bearer(tokenA),
    });
    expect(roles.json<{ key: string }[]>().map((r) => r.key)).not.toContain('solo-de-b');
    const history = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit/records/permissions.role/solo-de-b',
      headers: bearer(tokenA),
    });
    // Another company's record leaves no trace here: not found, as any id route answers.
    expect(history.statusCode).toBe(404);
    const log = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit/log?limit=200',
      headers: bearer(tokenA),
    });
    expect(JSON.stringify(log.json())).not.toContain(b.tenantId);
  });
});
