import { API_ROUTES, ListQuerySchema } from '@nexo/contracts';
import { useTestDatabase } from '@nexo/testing';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { bearer, createAccount, login, type TestAccount } from './helpers/accounts.js';
import { apiAs, type Api } from './helpers/http.js';
import { useTestApp } from './helpers/test-app.js';

const PROBLEM = 'application/problem+json; charset=utf-8';
const ANY_ID = '0190b2a0-0000-7000-8000-000000000000';

/** Regressions of the hostile-input report (issue 23): each class fixed at its root. */
describe('hostile input', () => {
  const db = useTestDatabase();
  const t = useTestApp(db);

  async function signIn(
    options: Parameters<typeof createAccount>[2] = {},
  ): Promise<{ api: Api; token: string; account: TestAccount }> {
    const account = await createAccount(t.app, db.current, { roles: ['owner'], ...options });
    const token = (await login(t.app, account)).accessToken;
    return { api: apiAs(t.app, token), token, account };
  }

  const issueCodes = (body: { issues?: { path: string; code: string }[] }) =>
    (body.issues ?? []).map((i) => [i.path, i.code]);

  it('refuses a garbage cursor on every list route with 400 invalid_cursor', async () => {
    const { api } = await signIn();
    const lists = API_ROUTES.filter(
      (r) => r.method === 'GET' && r.query === ListQuerySchema && !r.path.includes(':'),
    );
    expect(lists.length).toBeGreaterThanOrEqual(10);
    for (const route of lists) {
      for (const cursor of ['W10', 'garbage', Buffer.from('[{"a":1},"x"]').toString('base64url')]) {
        const res = await api.get(`${route.path}?cursor=${cursor}`);
        expect(res.status, `${route.operationId} ${cursor}: ${res.body}`).toBe(400);
        expect(res.headers['content-type']).toBe(PROBLEM);
        expect(issueCodes(res.json)).toContainEqual(['cursor', 'invalid_cursor']);
      }
    }
    // A cursor this server made still pages.
    for (let i = 0; i < 3; i++)
      await api.post('/api/v1/crm/parties', { kind: 'organization', name: `Página ${i}` });
    const first = await api.get<{ nextCursor: string }>('/api/v1/crm/parties?limit=2');
    const next = await api.get(`/api/v1/crm/parties?limit=2&cursor=${first.json.nextCursor}`);
    expect(next.status).toBe(200);
  });

  it('refuses prototype names and NUL in list filters and search', async () => {
    const { api } = await signIn();
    for (const query of [
      '__proto__.eq=1',
      'constructor.eq=1',
      'toString=1',
      'sort=__proto__',
      'q=%00',
      'name=a%00b',
      'createdAt.gt=999999-01-01',
    ]) {
      const res = await api.get(`/api/v1/crm/parties?${query}`);
      expect(res.status, `${query}: ${res.body}`).toBe(400);
      expect(res.json.code).toBe('validation_failed');
    }
  });

  it('refuses NUL and lone surrogates in any string field with a field issue, storing nothing', async () => {
    const { api } = await signIn();
    const cases: [string, string, unknown, string][] = [
      ['/api/v1/crm/parties', 'POST', { kind: 'organization', name: 'a\u0000b' }, 'name'],
      ['/api/v1/crm/parties', 'POST', { kind: 'organization', name: '\ud800x' }, 'name'],
      ['/api/v1/crm/pipelines', 'POST', { name: 'x\udc00', stages: [] }, 'name'],
      ['/api/v1/crm/teams', 'POST', { name: '\ud800' }, 'name'],
      ['/api/v1/crm/parties/import', 'POST', { csv: 'name\n\ud800x' }, 'csv'],
    ];
    for (const [url, method, payload, path] of cases) {
      const res = await t.app.inject({
        method: method as 'POST',
        url,
        headers: { ...bearer((await signIn()).token), 'content-type': 'application/json' },
        payload: JSON.stringify(payload),
      });
      expect(res.statusCode, `${url} ${res.body}`).toBe(400);
      expect(issueCodes(res.json())).toContainEqual([path, 'invalid_text']);
    }
    const parties = await api.get<{ items: unknown[] }>('/api/v1/crm/parties');
    expect(parties.json.items).toEqual([]);
    // The sign-in's email too, before any lookup.
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'a\u0000@b.test', password: 'x' },
    });
    expect(login.statusCode).toBe(400);
    expect(issueCodes(login.json())).toContainEqual(['email', 'invalid_text']);
  });

  it("checks a decimal's precision against its column, and answers the largest one back", async () => {
    const { api } = await signIn();
    // numeric(20,4): at most 4 decimals and 14 digits before the point (what leaves must fit).
    for (const creditLimit of ['99999999999999.999999', '1.00001', '100000000000000']) {
      const res = await api.post('/api/v1/crm/parties', {
        kind: 'organization',
        name: 'Límite',
        creditLimit,
      });
      expect(res.status, creditLimit).toBe(400);
      expect(issueCodes(res.json)).toContainEqual(['creditLimit', 'invalid_format']);
    }
    // Within the column but beyond the currency's minor unit (ARS: 2): refused, not rounded.
    const mils = await api.post('/api/v1/crm/parties', {
      kind: 'organization',
      name: 'Límite',
      creditLimit: '1.001',
    });
    expect(mils.status).toBe(400);
    expect(issueCodes(mils.json)).toContainEqual(['creditLimit', 'custom']);
    const largest = await api.post<{ creditLimit: string }>('/api/v1/crm/parties', {
      kind: 'organization',
      name: 'Límite',
      creditLimit: '99999999999999.99',
    });
    expect(largest.status, largest.body).toBe(201);
    expect(largest.json.creditLimit).toBe('99999999999999.99');
  });

  it('answers a JSON null body, or none, with 400 on every route that takes a body', async () => {
    const { token } = await signIn();
    const withBody = API_ROUTES.filter(
      (r) => r.body && r.bodyType !== 'application/x-www-form-urlencoded',
    );
    expect(withBody.length).toBeGreaterThanOrEqual(40);
    for (const route of withBody) {
      for (const payload of ['null', undefined]) {
        const res = await t.app.inject({
          method: route.method,
          url: route.path.replace(/:[a-zA-Z]+/g, ANY_ID),
          headers: {
            ...bearer(token),
            'if-match': '"1"',
            ...(payload ? { 'content-type': 'application/json' } : {}),
          },
          ...(payload ? { payload } : {}),
        });
        expect(res.statusCode, `${route.operationId} ${payload}: ${res.body}`).toBe(400);
        expect(res.headers['content-type']).toBe(PROBLEM);
      }
    }
  });

  it('probes duplicates by tax id alone, by email alone, and by a name of 2-byte characters', async () => {
    const { api } = await signIn();
    const long = 'ñ'.repeat(200);
    const made = await api.post<{ id: string }>('/api/v1/crm/parties', {
      kind: 'organization',
      name: long,
      taxCountry: 'AR',
      taxId: '30-71234567-1',
      email: 'compras@nandu.example',
    });
    expect(made.status, made.body).toBe(201);
    for (const probe of [
      { taxId: '30712345671' },
      { email: 'COMPRAS@Nandu.Example' },
      { name: long },
    ]) {
      const res = await api.post<{ id: string }[]>('/api/v1/crm/parties/duplicates', probe);
      expect(res.status, JSON.stringify(probe) + res.body).toBe(200);
      expect(res.json.map((c) => c.id)).toEqual([made.json.id]);
    }
  });

  it('answers an export with a bad query as problem+json, at once, and audits a good one', async () => {
    const { api } = await signIn();
    for (const url of [
      '/api/v1/crm/parties/export.csv?cursor=garbage',
      '/api/v1/catalog/items/export.csv?cursor=garbage',
      '/api/v1/crm/parties/export.csv?nope=1',
    ]) {
      const res = await api.get(url);
      expect(res.status, url).toBe(400);
      expect(res.headers['content-type']).toBe(PROBLEM);
    }
    await api.post('/api/v1/crm/parties', { kind: 'organization', name: 'Exportada' });
    for (const [url, resource] of [
      ['/api/v1/crm/parties/export.csv', 'crm.party'],
      ['/api/v1/catalog/items/export.csv', 'catalog.item'],
    ] as const) {
      const res = await api.get(url);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      // The stream ends before its transaction commits: the row follows within moments.
      const exported = async () =>
        (
          await api.get<{ items: { after: { rows: number } }[] }>(
            `/api/v1/audit/log?resource=${resource}&action=export`,
          )
        ).json.items;
      await expect.poll(async () => (await exported()).length, { timeout: 5000 }).toBe(1);
      const log = { json: { items: await exported() } };
      expect(log.json.items[0]?.after.rows).toBe(resource === 'crm.party' ? 1 : 0);
    }
  });

  it('answers 403 to a salesperson adding a contact to a party it may read but not change', async () => {
    const owner = await signIn();
    const party = await owner.api.post<{ id: string }>('/api/v1/crm/parties', {
      kind: 'organization',
      name: 'De otro vendedor',
    });
    const seller = await createAccount(t.app, db.current, {
      tenantId: owner.account.tenantId,
      roles: ['sales'],
    });
    const api = apiAs(t.app, (await login(t.app, seller)).accessToken);
    expect((await api.get(`/api/v1/crm/parties/${party.json.id}`)).status).toBe(200);
    const contact = await api.post(`/api/v1/crm/parties/${party.json.id}/contacts`, {
      name: 'Ana',
    });
    const ownParty = await api.post<{ id: string }>('/api/v1/crm/parties', {
      kind: 'organization',
      name: 'Propia',
    });
    expect(
      (await api.post(`/api/v1/crm/parties/${ownParty.json.id}/contacts`, { name: 'Ana' })).status,
    ).toBe(201);
    expect(contact.status, contact.body).toBe(403);
    expect(contact.json.code).toBe('forbidden');
    const address = await api.post(`/api/v1/crm/parties/${party.json.id}/addresses`, {
      kind: 'billing',
      line1: 'Calle 1',
      city: 'Rosario',
      country: 'AR',
    });
    expect(address.status, address.body).toBe(403);
    // A party that does not exist is still not found.
    expect((await api.post(`/api/v1/crm/parties/${ANY_ID}/contacts`, { name: 'Ana' })).status).toBe(
      404,
    );
  });

  it("answers 404 for the history of another company's record and of one that never existed", async () => {
    const a = await signIn();
    const b = await signIn();
    const party = await a.api.post<{ id: string }>('/api/v1/crm/parties', {
      kind: 'organization',
      name: 'De A',
    });
    const own = await a.api.get<unknown[]>(`/api/v1/audit/records/crm.party/${party.json.id}`);
    expect(own.status).toBe(200);
    expect(own.json.length).toBeGreaterThan(0);
    for (const id of [party.json.id, ANY_ID]) {
      const res = await b.api.get(`/api/v1/audit/records/crm.party/${id}`);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toBe(PROBLEM);
    }
  });

  it('answers what the HTTP parser and the router refuse as problem+json', async () => {
    await t.app.listen(0, '127.0.0.1');
    const port = (t.app.getHttpServer().address() as net.AddressInfo).port;
    const send = (text: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
        let out = '';
        socket.on('data', (d: Buffer) => (out += d.toString()));
        socket.on('close', () => resolve(out));
        socket.on('error', reject);
        socket.setTimeout(5000, () => socket.destroy(new Error('no answer')));
      });
    for (const [request, status] of [
      [`GET /api/v1/crm/parties HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
      ['GET /api/v1/crm/parties/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 400],
      ['NOT HTTP AT ALL\r\n\r\n', 400],
      ['PUT /api/v1/crm/parties HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 404],
    ] as const) {
      const answer = await send(request);
      const [head = '', body = ''] = answer.split('\r\n\r\n');
      expect(head.split('\r\n')[0], request.slice(0, 40)).toBe(
        `HTTP/1.1 ${status} ${head.split('\r\n')[0]?.split(' ').slice(2).join(' ')}`,
      );
      expect(head.toLowerCase()).toContain(`content-type: ${PROBLEM}`);
      expect(JSON.parse(body)).toMatchObject({ status, code: expect.any(String) as string });
    }
  });
});
