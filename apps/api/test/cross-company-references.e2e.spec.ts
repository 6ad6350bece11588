import { adminClient, countTenantRows, useTestDatabase } from '@nexo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, login, randomIp, type TestAccount } from './helpers/accounts.js';
import { apiAs, type Api } from './helpers/http.js';
import { useTestApp } from './helpers/test-app.js';

interface Reply {
  status: number;
  body: string;
  json: unknown;
}
interface Record_ {
  id: string;
  version: number;
}

/**
 * Issue 23: a record of company B may name only B's records and B's members. Each reference
 * B sends with company A's id (a user, a team, a party, a role) is refused as an id of
 * nothing is (422 `unknown_reference`, `not_found` on the field; `unknown_role` for a role
 * key) and stores nothing; the same request with B's own id
 * passes. The keys that refuse them lead with tenant_id (migrations 0030 and 0031).
 */
describe('references into another company', () => {
  const db = useTestDatabase();
  const t = useTestApp(db);
  let a: TestAccount;
  let b: TestAccount;
  let bSeller: TestAccount;
  let asB: Api;
  const ofA = { team: '', party: '', role: 'solo-de-a' };
  const ofB = { team: '', party: '', role: 'solo-de-b' };

  const created = (res: Reply): string => {
    expect(res.status, res.body).toBe(201);
    return String((res.json as { id: string }).id);
  };
  const refused = (res: Reply, path: string, code = 'not_found'): void => {
    expect(res.status, res.body).toBe(422);
    expect(res.json).toMatchObject({ code: 'unknown_reference' });
    expect((res.json as { issues: unknown }).issues).toEqual([
      expect.objectContaining({ path, code }),
    ]);
  };
  const count = (table: string, tenantId: string): Promise<number> =>
    countTenantRows(db.current, table, tenantId);
  async function ownerOf(table: string, id: string): Promise<string | null | undefined> {
    const admin = await adminClient(db.current);
    try {
      const { rows } = await admin.query<{ owner_id: string | null }>(
        `select owner_id from ${table} where id = $1`,
        [id],
      );
      return rows[0]?.owner_id;
    } finally {
      await admin.end();
    }
  }
  async function version(table: string, id: string): Promise<number | undefined> {
    const admin = await adminClient(db.current);
    try {
      const { rows } = await admin.query<{ version: number }>(
        `select version from ${table} where id = $1`,
        [id],
      );
      return rows[0]?.version;
    } finally {
      await admin.end();
    }
  }
  /** POST with each of A's ids refused (nothing stored), then with B's own accepted. */
  async function createRefusedThenAccepted(
    url: string,
    table: string,
    base: object,
    foreign: Record<string, string>,
    own: Record<string, string>,
  ): Promise<Record_> {
    const before = await count(table, b.tenantId);
    for (const [field, id] of Object.entries(foreign))
      refused(await asB.post(url, { ...base, [field]: id }), field);
    expect(await count(table, b.tenantId)).toBe(before);
    const res = await asB.post<Record_>(url, { ...base, ...own });
    created(res);
    expect(res.json).toMatchObject(own);
    return res.json;
  }
  /** PATCH with each of A's ids refused (the record unchanged), then with B's own accepted. */
  async function updateRefusedThenAccepted(
    url: string,
    table: string,
    record: Record_,
    foreign: Record<string, string>,
    own: Record<string, string>,
  ): Promise<void> {
    for (const [field, id] of Object.entries(foreign))
      refused(await asB.patch(url, { [field]: id }, record.version), field);
    expect(await version(table, record.id)).toBe(record.version);
    const res = await asB.patch<Record_>(url, own, record.version);
    expect(res.status, res.body).toBe(200);
    expect(res.json).toMatchObject(own);
  }

  beforeAll(async () => {
    a = await createAccount(t.app, db.current, { roles: ['owner'] });
    b = await createAccount(t.app, db.current, { roles: ['owner'] });
    bSeller = await createAccount(t.app, db.current, { tenantId: b.tenantId, roles: ['sales'] });
    const asA = apiAs(t.app, (await login(t.app, a)).accessToken);
    asB = apiAs(t.app, (await login(t.app, b)).accessToken);
    for (const [api, records] of [
      [asA, ofA],
      [asB, ofB],
    ] as const) {
      records.team = created(await api.post('/api/v1/crm/teams', { name: 'Zona Norte' }));
      records.party = created(
        await api.post('/api/v1/crm/parties', { kind: 'organization', name: 'Almacén Sur' }),
      );
      expect(
        (
          await api.post('/api/v1/permissions/roles', {
            key: records.role,
            name: records.role,
            rules: [],
          })
        ).status,
      ).toBe(201);
    }
    const pipeline = await asB.post('/api/v1/crm/pipelines', {
      name: 'Embudo de B',
      isDefault: true,
      stages: [
        { name: 'Nueva', probability: 10 },
        { name: 'Ganada', probability: 100, isWon: true },
        { name: 'Perdida', probability: 0, isLost: true },
      ],
    });
    expect(pipeline.status, pipeline.body).toBe(201);
  });

  it("refuses A's owner or team on B's party, and takes B's", async () => {
    const party = await createRefusedThenAccepted(
      '/api/v1/crm/parties',
      'crm.parties',
      { kind: 'person', name: 'Marta Gómez' },
      { ownerId: a.userId, teamId: ofA.team },
      { ownerId: bSeller.userId, teamId: ofB.team },
    );
    await updateRefusedThenAccepted(
      `/api/v1/crm/parties/${party.id}`,
      'crm.parties',
      party,
      { ownerId: a.userId, teamId: ofA.team },
      { ownerId: b.userId, teamId: ofB.team },
    );
  });

  it("refuses A's owner or team on B's lead, and takes B's", async () => {
    const lead = await createRefusedThenAccepted(
      '/api/v1/crm/leads',
      'crm.leads',
      { name: 'Laura Díaz' },
      { ownerId: a.userId, teamId: ofA.team },
      { ownerId: bSeller.userId, teamId: ofB.team },
    );
    await updateRefusedThenAccepted(
      `/api/v1/crm/leads/${lead.id}`,
      'crm.leads',
      lead,
      { ownerId: a.userId, teamId: ofA.team },
      { ownerId: b.userId, teamId: ofB.team },
    );
  });

  it("refuses A's owner or team on B's opportunity, and takes B's", async () => {
    const opportunity = await createRefusedThenAccepted(
      '/api/v1/crm/opportunities',
      'crm.opportunities',
      { title: 'Primer pedido', currency: 'ARS', amount: '1000', partyId: ofB.party },
      { ownerId: a.userId, teamId: ofA.team },
      { ownerId: bSeller.userId, teamId: ofB.team },
    );
    await updateRefusedThenAccepted(
      `/api/v1/crm/opportunities/${opportunity.id}`,
      'crm.opportunities',
      opportunity,
      { ownerId: a.userId, teamId: ofA.team },
      { ownerId: b.userId, teamId: ofB.team },
    );
  });

  it("refuses A's user as assignee of B's activity, and takes B's", async () => {
    const activity = await createRefusedThenAccepted(
      '/api/v1/crm/activities',
      'crm.activities',
      { kind: 'task', subject: 'Llamar', partyId: ofB.party },
      { assigneeId: a.userId },
      { assigneeId: bSeller.userId },
    );
    await updateRefusedThenAccepted(
      `/api/v1/crm/activities/${activity.id}`,
      'crm.activities',
      activity,
      { assigneeId: a.userId },
      { assigneeId: b.userId },
    );
  });

  it("refuses A's party on B's price list, and takes B's", async () => {
    const list = await createRefusedThenAccepted(
      '/api/v1/catalog/price-lists',
      'catalog.price_lists',
      { name: 'Lista mayorista', currency: 'ARS' },
      { partyId: ofA.party },
      { partyId: ofB.party },
    );
    const other = await asB.post<Record_>('/api/v1/catalog/price-lists', {
      name: 'Lista minorista',
      currency: 'ARS',
    });
    created(other);
    await updateRefusedThenAccepted(
      `/api/v1/catalog/price-lists/${other.json.id}`,
      'catalog.price_lists',
      other.json,
      { partyId: ofA.party },
      { partyId: ofB.party },
    );
    expect(list.id).not.toBe(other.json.id);
  });

  it("refuses A's role on B's API client, and takes B's", async () => {
    const before = await count('auth.api_clients', b.tenantId);
    refused(
      await asB.post('/api/v1/auth/api-clients', { name: 'ERP', roles: [ofA.role] }),
      'roles',
      'unknown_role',
    );
    refused(
      await asB.post('/api/v1/auth/api-clients', { name: 'ERP', roles: ['sales', ofA.role] }),
      'roles',
      'unknown_role',
    );
    expect(await count('auth.api_clients', b.tenantId)).toBe(before);
    const res = await asB.post('/api/v1/auth/api-clients', {
      name: 'ERP',
      roles: ['sales', ofB.role],
    });
    expect(res.status, res.body).toBe(201);
    expect(res.json).toMatchObject({ roles: ['sales', ofB.role] });
  });

  it("refuses A's party or role on B's invitation, and takes B's", async () => {
    const before = await count('auth.invitations', b.tenantId);
    const invite = { email: 'cliente@example.test', actor: 'client' };
    refused(
      await asB.post('/api/v1/auth/invitations', { ...invite, partyId: ofA.party }),
      'partyId',
    );
    refused(
      await asB.post('/api/v1/auth/invitations', {
        ...invite,
        partyId: ofB.party,
        roles: [ofA.role],
      }),
      'roles',
      'unknown_role',
    );
    expect(await count('auth.invitations', b.tenantId)).toBe(before);
    const res = await asB.post('/api/v1/auth/invitations', {
      ...invite,
      partyId: ofB.party,
      roles: [ofB.role],
    });
    expect(res.status, res.body).toBe(201);
  });

  it('gives what an integration creates no owner: its API client is no member', async () => {
    const client = await asB.post<{ clientId: string; clientSecret: string }>(
      '/api/v1/auth/api-clients',
      { name: 'Tienda online', roles: ['sales'] },
    );
    expect(client.status, client.body).toBe(201);
    const token = await t.app.inject({
      method: 'POST',
      url: '/oauth/token',
      remoteAddress: randomIp(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: client.json.clientId,
        client_secret: client.json.clientSecret,
      }).toString(),
    });
    expect(token.statusCode, token.body).toBe(200);
    const asIntegration = apiAs(t.app, token.json<{ access_token: string }>().access_token);
    const party = await asIntegration.post('/api/v1/crm/parties', {
      kind: 'organization',
      name: 'Pedido web',
    });
    const lead = await asIntegration.post('/api/v1/crm/leads', { name: 'Consulta web' });
    // Read as superuser: what the integration may read back is its rules' business.
    expect(await ownerOf('crm.parties', created(party))).toBeNull();
    expect(await ownerOf('crm.leads', created(lead))).toBeNull();
    refused(
      await asIntegration.post('/api/v1/crm/leads', { name: 'Consulta web', ownerId: a.userId }),
      'ownerId',
    );
  });
});
