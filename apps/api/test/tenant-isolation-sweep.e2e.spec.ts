import { DiscoveryModule } from '@nestjs/core';
import { jobRuns } from '@nexo/jobs';
import { useTestDatabase } from '@nexo/testing';
import { newId } from '@nexo/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createAccount, login, type TestAccount } from './helpers/accounts.js';
import { listRoutes, type RouteInfo } from './helpers/routes.js';
import { caller, tinyPng } from './helpers/catalog.js';
import { SmtpCapture } from './helpers/smtp-capture.js';
import { buildTestApp, type TestApp } from './helpers/test-app.js';

/**
 * Every route that takes a record id, called by the owner of company A with the ids of
 * company B's records: each answers 404 (never 200, never 403 — no existence oracle), and
 * B's records are unchanged. A new route with an id parameter must be added to `idsOfB`,
 * or this test fails.
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
  let itemOfB = '';
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
    const crm = await createCrmRecordsOfB(asB);
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
    const catalogOfB = caller(t.app, sessionB.accessToken);
    const made = async (url: string, body: object): Promise<string> => {
      const res = await catalogOfB(
        'POST',
        url,
        body,
        body instanceof Buffer ? { 'content-type': 'image/png' } : {},
      );
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const unit = await made('/api/v1/catalog/units', { code: 'u', name: 'Unidad de B' });
    const tax = await made('/api/v1/catalog/tax-rates', {
      code: 'iva21',
      name: 'IVA de B',
      kind: 'vat',
      rate: '21',
    });
    const category = await made('/api/v1/catalog/categories', { name: 'Categoría de B' });
    itemOfB = await made('/api/v1/catalog/items', {
      kind: 'stockable',
      name: 'Artículo de B',
      sku: 'B-1',
      unitId: unit,
      categoryId: category,
      cost: '10',
      listPrice: '20',
      variantAttributes: ['color'],
    });
    const variant = await made(`/api/v1/catalog/items/${itemOfB}/variants`, {
      sku: 'B-1-R',
      attributes: { color: 'rojo' },
    });
    const image = await made(`/api/v1/catalog/items/${itemOfB}/images`, tinyPng());
    const priceList = await made('/api/v1/catalog/price-lists', {
      name: 'Lista de B',
      currency: 'ARS',
    });
    const rule = await made(`/api/v1/catalog/price-lists/${priceList}/rules`, {
      itemId: itemOfB,
      kind: 'fixed',
      price: '15',
    });
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
      ...crm.ids,
      'GET /api/v1/catalog/units/:id': unit,
      'PATCH /api/v1/catalog/units/:id': unit,
      'DELETE /api/v1/catalog/units/:id': unit,
      'GET /api/v1/catalog/tax-rates/:id': tax,
      'PATCH /api/v1/catalog/tax-rates/:id': tax,
      'DELETE /api/v1/catalog/tax-rates/:id': tax,
      'GET /api/v1/catalog/categories/:id': category,
      'PATCH /api/v1/catalog/categories/:id': category,
      'DELETE /api/v1/catalog/categories/:id': category,
      'GET /api/v1/catalog/items/:id': itemOfB,
      'PATCH /api/v1/catalog/items/:id': itemOfB,
      'DELETE /api/v1/catalog/items/:id': itemOfB,
      'GET /api/v1/catalog/items/:id/variants': itemOfB,
      'POST /api/v1/catalog/items/:id/variants': itemOfB,
      'GET /api/v1/catalog/item-variants/:id': variant,
      'PATCH /api/v1/catalog/item-variants/:id': variant,
      'DELETE /api/v1/catalog/item-variants/:id': variant,
      'GET /api/v1/catalog/items/:id/images': itemOfB,
      'POST /api/v1/catalog/items/:id/images': itemOfB,
      'GET /api/v1/catalog/item-images/:id': image,
      'DELETE /api/v1/catalog/item-images/:id': image,
      'GET /api/v1/catalog/price-lists/:id': priceList,
      'PATCH /api/v1/catalog/price-lists/:id': priceList,
      'DELETE /api/v1/catalog/price-lists/:id': priceList,
      'GET /api/v1/catalog/price-lists/:id/rules': priceList,
      'POST /api/v1/catalog/price-lists/:id/rules': priceList,
      'PATCH /api/v1/catalog/price-list-rules/:id': rule,
      'DELETE /api/v1/catalog/price-list-rules/:id': rule,
    });
    Object.assign(bodies, {
      'PATCH /api/v1/tenancy/number-series/:id': { prefix: 'A-' },
      'POST /api/v1/catalog/items/:id/variants': { sku: 'A-1', attributes: { color: 'rojo' } },
      'PATCH /api/v1/catalog/item-variants/:id': { sku: 'A-2' },
      'POST /api/v1/catalog/price-lists/:id/rules': {
        itemId: itemOfB,
        kind: 'fixed',
        price: '1',
      },
      'PATCH /api/v1/catalog/price-list-rules/:id': { price: '1' },
    });
    Object.assign(bodies, crm.bodies);
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
    const theirs = await t.app.inject({
      method: 'GET',
      url: `/api/v1/catalog/items/${itemOfB}`,
      headers: bearer((await login(t.app, b)).accessToken),
    });
    expect(theirs.json()).toMatchObject({ name: 'Artículo de B', version: 1 });
    const company = await t.app.inject({
      method: 'GET',
      url: `/api/v1/tenancy/tenants/${b.tenantId}`,
      headers: bearer((await login(t.app, b)).accessToken),
    });
    expect(company.json()).toMatchObject({ name: 'Empresa de prueba', version: 1 });
  });

  it('shows nothing of another company in lists or in a record’s audit history', async () => {
    const lists = [
      '/api/v1/crm/parties?q=Distribuidora',
      '/api/v1/crm/leads',
      '/api/v1/crm/opportunities',
      '/api/v1/crm/activities',
      '/api/v1/crm/pipelines',
      '/api/v1/crm/teams',
      '/api/v1/custom-fields',
      '/api/v1/auth/members',
      '/api/v1/auth/invitations',
      '/api/v1/auth/api-clients',
      '/api/v1/auth/oidc-providers',
      '/api/v1/catalog/units',
      '/api/v1/catalog/tax-rates',
      '/api/v1/catalog/categories',
      '/api/v1/catalog/items?q=B-1',
      '/api/v1/catalog/price-lists',
      '/api/v1/tenancy/number-series',
    ];
    for (const url of lists) {
      const body = JSON.stringify(
        (await t.app.inject({ method: 'GET', url, headers: bearer(tokenA) })).json(),
      );
      expect(body).not.toContain(b.tenantId);
      expect(body).not.toContain('solo-b@example.test');
      expect(body).not.toContain('Cliente de B');
      expect(body).not.toContain('IdP de B');
      expect(body).not.toMatch(/de B|B-1/);
    }
    const price = await t.app.inject({
      method: 'GET',
      url: `/api/v1/catalog/prices/resolve?itemId=${itemOfB}&currency=ARS`,
      headers: bearer(tokenA),
    });
    expect(price.statusCode).toBe(404);
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

type AsB = (method: 'POST', url: string, payload: object) => ReturnType<TestApp['app']['inject']>;

/** Company B's CRM records, and the ids and bodies each id-taking CRM route is called with. */
async function createCrmRecordsOfB(
  asB: AsB,
): Promise<{ ids: Record<string, string>; bodies: Record<string, object> }> {
  const ok = (res: Awaited<ReturnType<AsB>>): string => {
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const pipeline = (
    await asB('POST', '/api/v1/crm/pipelines', {
      name: 'Embudo de B',
      isDefault: true,
      stages: [
        { name: 'Nueva de B', probability: 10 },
        { name: 'Ganada de B', probability: 100, isWon: true },
        { name: 'Perdida de B', probability: 0, isLost: true },
      ],
    })
  ).json<{ id: string; stages: { id: string }[] }>();
  const stageId = pipeline.stages[0]?.id ?? '';
  const partyRes = await asB('POST', '/api/v1/crm/parties', {
    kind: 'organization',
    name: 'Distribuidora de B',
    contacts: [{ name: 'Contacto de B' }],
    addresses: [{ kind: 'billing', line1: 'Calle de B 1', city: 'Rosario', country: 'AR' }],
  });
  const partyId = ok(partyRes);
  const other = ok(await asB('POST', '/api/v1/crm/parties', { kind: 'person', name: 'Otra de B' }));
  const leadId = ok(await asB('POST', '/api/v1/crm/leads', { name: 'Lead de B' }));
  const opportunityId = ok(
    await asB('POST', '/api/v1/crm/opportunities', {
      title: 'Oportunidad de B',
      partyId,
      currency: 'ARS',
      amount: '1000',
    }),
  );
  const activityId = ok(
    await asB('POST', '/api/v1/crm/activities', { kind: 'task', subject: 'Tarea de B', partyId }),
  );
  const teamId = ok(await asB('POST', '/api/v1/crm/teams', { name: 'Equipo de B' }));
  const fieldId = ok(
    await asB('POST', '/api/v1/custom-fields', {
      resource: 'crm.party',
      key: 'rubro_b',
      label: 'Rubro de B',
      type: 'text',
    }),
  );
  const contactId = ok(
    await asB('POST', `/api/v1/crm/parties/${partyId}/contacts`, { name: 'Otro contacto de B' }),
  );
  const addressId = ok(
    await asB('POST', `/api/v1/crm/parties/${partyId}/addresses`, {
      kind: 'shipping',
      line1: 'Depósito de B',
      city: 'Rosario',
      country: 'AR',
    }),
  );
  const V1 = '/api/v1/crm';
  const ids = {
    [`GET ${V1}/parties/:id`]: partyId,
    [`PATCH ${V1}/parties/:id`]: partyId,
    [`POST ${V1}/parties/:id/merge`]: other,
    [`GET ${V1}/parties/:id/timeline`]: partyId,
    [`GET ${V1}/parties/:id/contacts`]: partyId,
    [`POST ${V1}/parties/:id/contacts`]: partyId,
    [`PATCH ${V1}/contacts/:id`]: contactId,
    [`DELETE ${V1}/contacts/:id`]: contactId,
    [`GET ${V1}/parties/:id/addresses`]: partyId,
    [`POST ${V1}/parties/:id/addresses`]: partyId,
    [`PATCH ${V1}/addresses/:id`]: addressId,
    [`DELETE ${V1}/addresses/:id`]: addressId,
    [`GET ${V1}/leads/:id`]: leadId,
    [`PATCH ${V1}/leads/:id`]: leadId,
    [`POST ${V1}/leads/:id/convert`]: leadId,
    [`PATCH ${V1}/pipelines/:id`]: pipeline.id,
    [`POST ${V1}/pipelines/:id/stages`]: pipeline.id,
    [`PATCH ${V1}/stages/:id`]: stageId,
    [`GET ${V1}/pipelines/:id/board`]: pipeline.id,
    [`GET ${V1}/pipelines/:id/forecast`]: pipeline.id,
    [`GET ${V1}/opportunities/:id`]: opportunityId,
    [`PATCH ${V1}/opportunities/:id`]: opportunityId,
    [`POST ${V1}/opportunities/:id/move`]: opportunityId,
    [`POST ${V1}/opportunities/:id/win`]: opportunityId,
    [`POST ${V1}/opportunities/:id/lose`]: opportunityId,
    [`GET ${V1}/opportunities/:id/timeline`]: opportunityId,
    [`PATCH ${V1}/activities/:id`]: activityId,
    [`PUT ${V1}/teams/:id/members`]: teamId,
    'PATCH /api/v1/custom-fields/:id': fieldId,
  };
  const bodies = {
    [`POST ${V1}/parties/:id/merge`]: { intoId: partyId },
    [`POST ${V1}/parties/:id/addresses`]: { kind: 'billing', line1: 'x', city: 'x', country: 'AR' },
    [`PATCH ${V1}/leads/:id`]: { name: 'x' },
    [`PATCH ${V1}/addresses/:id`]: { city: 'x' },
    [`POST ${V1}/leads/:id/convert`]: {
      party: { kind: 'organization', name: 'x' },
      opportunity: { title: 'x', currency: 'ARS' },
    },
    [`POST ${V1}/pipelines/:id/stages`]: { name: 'x', probability: 5 },
    [`PATCH ${V1}/opportunities/:id`]: { title: 'x' },
    [`POST ${V1}/opportunities/:id/move`]: { stageId },
    [`POST ${V1}/opportunities/:id/lose`]: { reason: 'x' },
    [`PATCH ${V1}/activities/:id`]: { subject: 'x' },
    [`PUT ${V1}/teams/:id/members`]: { membershipIds: [] },
    'PATCH /api/v1/custom-fields/:id': { label: 'x' },
  };
  return { ids, bodies };
}
