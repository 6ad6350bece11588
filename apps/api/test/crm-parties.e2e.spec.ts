import { adminClient, useTestDatabase } from '@nexo/testing';
import { describe, expect, it } from 'vitest';
import { createAccount, login, type TestAccount } from './helpers/accounts.js';
import { apiAs, type Api } from './helpers/http.js';
import { useTestApp } from './helpers/test-app.js';

interface Party {
  id: string;
  name: string;
  version: number;
  creditLimit?: string | null;
  duplicates: { id: string; reason: string }[];
  status: string;
}

describe('CRM parties', () => {
  const db = useTestDatabase();
  const t = useTestApp(db);

  async function signIn(options: Parameters<typeof createAccount>[2] = {}): Promise<{
    api: Api;
    account: TestAccount;
  }> {
    const account = await createAccount(t.app, db.current, { roles: ['owner'], ...options });
    return { api: apiAs(t.app, (await login(t.app, account)).accessToken), account };
  }

  it('searches name, legal name, tax id and email in one case-insensitive term', async () => {
    const { api } = await signIn();
    const made: Record<string, string> = {};
    for (const [key, body] of [
      ['name', { name: 'Ferretería NORTE Grande' }],
      ['legal', { name: 'Casa Pérez', legalName: 'Distribuciones Austral SRL' }],
      ['tax', { name: 'Tienda Uno', taxCountry: 'AR', taxId: '30-71234567-1' }],
      ['email', { name: 'Tienda Dos', email: 'Ventas@Acuarela.test' }],
      ['percent', { name: 'Rebajas 50% Off' }],
      ['split', { name: 'Almacén Norte', legalName: 'Sur Alimentos SA' }],
    ] as const) {
      const res = await api.post<Party>('/api/v1/crm/parties', { kind: 'organization', ...body });
      expect(res.status, res.body).toBe(201);
      made[key] = res.json.id;
    }
    const search = async (q: string) =>
      (
        await api.get<{ items: { id: string }[] }>(
          `/api/v1/crm/parties?q=${encodeURIComponent(q)}&limit=50`,
        )
      ).json.items.map((p) => p.id);
    expect(await search('norte grande')).toEqual([made.name]);
    expect(await search('AUSTRAL srl')).toEqual([made.legal]);
    expect(await search('3071234567')).toEqual([made.tax]);
    expect(await search('ventas@acuarela')).toEqual([made.email]);
    // `%` and `_` are literal; a term never spans two fields.
    expect(await search('50%')).toEqual([made.percent]);
    expect(await search('5_%')).toEqual([]);
    expect(await search('norte sur')).toEqual([]);
    expect(await search('  norte  ')).toEqual(
      expect.arrayContaining([made.name, made.split]) as unknown,
    );
  });

  it('creates a party with contacts and addresses, and checks tax ids per country', async () => {
    const { api } = await signIn();
    const created = await api.post<Party>('/api/v1/crm/parties', {
      kind: 'organization',
      name: 'Lácteos del Sur',
      isCustomer: true,
      taxCountry: 'AR',
      taxId: '30-50001091-2',
      creditLimit: '150000.00',
      contacts: [
        { name: 'Marta Gómez', role: 'Compras', email: 'marta@lacteos.test', isPrimary: true },
      ],
      addresses: [{ kind: 'billing', line1: 'Av. Mitre 123', city: 'Avellaneda', country: 'AR' }],
    });
    expect(created.status, created.body).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    expect(created.json).toMatchObject({
      taxId: '30500010912',
      // An amount column (numeric(20,4)) reads as its shortest string; its currency beside it.
      creditLimit: '150000',
      creditLimitCurrency: 'ARS',
      duplicates: [],
    });
    const cents = await api.post<{ issues: { path: string; message: string }[] }>(
      '/api/v1/crm/parties',
      { kind: 'organization', name: 'Límite con milésimos', creditLimit: '100.005' },
    );
    expect(cents.status).toBe(400);
    expect(cents.json.issues[0]).toMatchObject({
      path: 'creditLimit',
      message: 'ARS amounts have at most 2 decimals',
    });
    const id = created.json.id;
    const contacts = await api.get<{ name: string }[]>(`/api/v1/crm/parties/${id}/contacts`);
    expect(contacts.json.map((c) => c.name)).toEqual(['Marta Gómez']);
    const addresses = await api.get<{ city: string }[]>(`/api/v1/crm/parties/${id}/addresses`);
    expect(addresses.json.map((a) => a.city)).toEqual(['Avellaneda']);

    const cases: [string, string, number, string?][] = [
      ['AR', '30-50001091-3', 400, 'Wrong CUIT check digit'],
      ['ES', 'B12345674', 201],
      ['ES', '12345678A', 400, 'Wrong NIF letter'],
      ['MX', 'GODE561231GR8', 201],
      ['CL', '12.345.678-4', 400, 'Wrong RUT check character'],
      ['CL', '1000005-K', 201],
    ];
    for (const [country, taxId, status, reason] of cases) {
      const res = await api.post<{ issues?: { path: string; message: string }[] }>(
        '/api/v1/crm/parties',
        { kind: 'organization', name: `Empresa ${country} ${taxId}`, taxCountry: country, taxId },
      );
      expect(res.status, `${country} ${taxId}`).toBe(status);
      if (reason)
        expect(res.json.issues).toEqual([
          expect.objectContaining({ path: 'taxId', message: reason }),
        ]);
    }
    const noCountry = await api.post('/api/v1/crm/parties', {
      kind: 'person',
      name: 'X',
      taxId: '123',
    });
    expect(noCountry.status).toBe(400);
  });

  it('warns about likely duplicates: same tax id, same email, similar name', async () => {
    const { api } = await signIn();
    const first = await api.post<Party>('/api/v1/crm/parties', {
      kind: 'organization',
      name: 'Frigorífico La Pampa',
      taxCountry: 'AR',
      taxId: '30-71234567-1',
      email: 'ventas@lapampa.test',
    });
    expect(first.status).toBe(201);
    const sameTax = await api.post<Party>('/api/v1/crm/parties', {
      kind: 'organization',
      name: 'Otra razón social',
      taxCountry: 'AR',
      taxId: '30712345671',
    });
    expect(sameTax.json.duplicates).toEqual([
      expect.objectContaining({ id: first.json.id, reason: 'tax_id' }),
    ]);
    const sameEmail = await api.post<Party>('/api/v1/crm/parties', {
      kind: 'person',
      name: 'Juan Pérez',
      email: 'VENTAS@lapampa.test',
    });
    expect(sameEmail.json.duplicates).toEqual([
      expect.objectContaining({ id: first.json.id, reason: 'email' }),
    ]);
    const similar = await api.post<Party[]>('/api/v1/crm/parties/duplicates', {
      name: 'Frigorifico La Pampa S.A.',
    });
    expect(similar.json).toEqual([
      expect.objectContaining({ id: first.json.id, reason: 'similar_name' }),
    ]);
    const unrelated = await api.post<Party[]>('/api/v1/crm/parties/duplicates', {
      name: 'Ferretería Central',
    });
    expect(unrelated.json).toEqual([]);
  });

  it('merges a duplicate: every link moves to the party that stays', async () => {
    const { api, account } = await signIn();
    const field = await api.post('/api/v1/custom-fields', {
      resource: 'crm.lead',
      key: 'referido_por',
      label: 'Referido por',
      type: 'reference',
      options: { reference: 'crm.party' },
    });
    expect(field.status, field.body).toBe(201);
    const keep = await api.post<Party>('/api/v1/crm/parties', {
      kind: 'organization',
      name: 'Almacén Don José',
      tags: ['mayorista'],
    });
    const dup = await api.post<Party>('/api/v1/crm/parties', {
      kind: 'organization',
      name: 'Almacen Don Jose',
      phone: '+54 11 5555-0000',
      tags: ['zona-sur'],
      contacts: [{ name: 'José' }],
      addresses: [{ kind: 'shipping', line1: 'Calle 1', city: 'Quilmes', country: 'AR' }],
    });
    const opp = await api.post<{ id: string }>('/api/v1/crm/opportunities', {
      title: 'Pedido mensual',
      partyId: dup.json.id,
      currency: 'ARS',
      amount: '50000',
    });
    expect(opp.status, opp.body).toBe(201);
    const task = await api.post('/api/v1/crm/activities', {
      kind: 'task',
      subject: 'Llamar',
      partyId: dup.json.id,
    });
    expect(task.status, task.body).toBe(201);
    const lead = await api.post<{ id: string }>('/api/v1/crm/leads', {
      name: 'Referido',
      custom: { referido_por: dup.json.id },
    });
    expect(lead.status, lead.body).toBe(201);
    // crm answers whether the party exists (custom fields do not read its table): an id of
    // no party of this company is refused on the field.
    const nobody = await api.post<{ issues: { path: string; message: string }[] }>(
      '/api/v1/crm/leads',
      {
        name: 'Referido por nadie',
        custom: { referido_por: '00000000-0000-7000-8000-000000000000' },
      },
    );
    expect(nobody.status, nobody.body).toBe(400);
    expect(nobody.json.issues).toContainEqual(
      expect.objectContaining({
        path: 'custom.referido_por',
        message: 'No crm.party with this id',
      }),
    );
    const portal = await createAccount(t.app, db.current, {
      tenantId: account.tenantId,
      roles: ['client-portal'],
      portal: { actor: 'client', partyId: dup.json.id },
    });

    const merged = await api.post<Party & { phone: string; tags: string[] }>(
      `/api/v1/crm/parties/${dup.json.id}/merge`,
      { intoId: keep.json.id },
    );
    expect(merged.status, merged.body).toBe(200);
    expect(merged.json).toMatchObject({ id: keep.json.id, phone: '+54 11 5555-0000' });
    expect(merged.json.tags.sort()).toEqual(['mayorista', 'zona-sur']);

    const admin = await adminClient(db.current);
    const links = await admin.query<{ t: string; party: string }>(
      `select 'contact' t, party_id::text party from crm.contacts where party_id in ($1, $2)
       union all select 'address', party_id::text from crm.addresses where party_id in ($1, $2)
       union all select 'opportunity', party_id::text from crm.opportunities where party_id in ($1, $2)
       union all select 'activity', party_id::text from crm.activities where party_id in ($1, $2)
       union all select 'member', party_id::text from auth.memberships where party_id in ($1, $2)
       union all select 'lead', custom->>'referido_por' from crm.leads where custom->>'referido_por' in ($1::text, $2::text)`,
      [keep.json.id, dup.json.id],
    );
    const old = await admin.query<{ status: string; merged_into_id: string }>(
      'select status, merged_into_id from crm.parties where id = $1',
      [dup.json.id],
    );
    await admin.end();
    expect(links.rows.map((r) => r.t).sort()).toEqual([
      'activity',
      'address',
      'contact',
      'lead',
      'member',
      'opportunity',
    ]);
    expect(links.rows.every((r) => r.party === keep.json.id)).toBe(true);
    expect(old.rows[0]).toEqual({ status: 'merged', merged_into_id: keep.json.id });
    expect(portal.membershipId).toBeTruthy();

    const again = await api.post(`/api/v1/crm/parties/${dup.json.id}/merge`, {
      intoId: keep.json.id,
    });
    expect(again.status).toBe(409);
    const self = await api.post(`/api/v1/crm/parties/${keep.json.id}/merge`, {
      intoId: keep.json.id,
    });
    expect(self.status).toBe(400);
  });

  it('a role scoped to owner_id = $user sees, reads and writes only its own parties', async () => {
    const { api: admin, account } = await signIn();
    const role = await admin.post('/api/v1/permissions/roles', {
      key: 'vendedor-propio',
      name: 'Vendedor (solo sus clientes)',
      rules: [
        {
          action: ['read', 'create', 'update', 'export'],
          subject: 'crm.party',
          conditions: { owner_id: '$user' },
        },
        { action: 'read', subject: 'crm.party', fields: ['credit_limit'], inverted: true },
      ],
    });
    expect(role.status, role.body).toBe(201);
    const x = await createAccount(t.app, db.current, {
      tenantId: account.tenantId,
      roles: ['vendedor-propio'],
    });
    const y = await createAccount(t.app, db.current, {
      tenantId: account.tenantId,
      roles: ['vendedor-propio'],
    });
    const asX = apiAs(t.app, (await login(t.app, x)).accessToken);
    const asY = apiAs(t.app, (await login(t.app, y)).accessToken);
    const ofX = await asX.post<Party>('/api/v1/crm/parties', {
      kind: 'organization',
      name: 'Cliente de X',
      creditLimit: '1000',
    });
    const ofY = await asY.post<Party>('/api/v1/crm/parties', {
      kind: 'organization',
      name: 'Cliente de Y',
    });
    expect([ofX.status, ofY.status]).toEqual([201, 201]);
    expect(ofX.json).not.toHaveProperty('creditLimit');

    const list = await asX.get<{ items: Party[] }>('/api/v1/crm/parties?limit=200');
    expect(list.json.items.map((p) => p.name)).toEqual(['Cliente de X']);
    expect(list.json.items[0]).not.toHaveProperty('creditLimit');
    expect((await asX.get(`/api/v1/crm/parties/${ofY.json.id}`)).status).toBe(404);
    const detail = await asX.get<Party>(`/api/v1/crm/parties/${ofX.json.id}`);
    expect(detail.json).not.toHaveProperty('creditLimit');

    const forY = await asX.post<{ issues: { path: string }[] }>('/api/v1/crm/parties', {
      kind: 'organization',
      name: 'Para Y',
      ownerId: y.userId,
    });
    expect(forY.status).toBe(403);
    const handOver = await asX.patch(
      `/api/v1/crm/parties/${ofX.json.id}`,
      { ownerId: y.userId },
      1,
    );
    expect(handOver.status).toBe(403);
    expect((await asX.patch(`/api/v1/crm/parties/${ofY.json.id}`, { name: 'Mío' }, 1)).status).toBe(
      404,
    );

    const csv = await asX.get('/api/v1/crm/parties/export.csv');
    expect(csv.status).toBe(200);
    const [header, ...lines] = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(header).toContain('name');
    expect(header).not.toContain('creditLimit');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Cliente de X');
  });

  it('exports the filtered list as CSV with every page and the custom fields', async () => {
    const { api } = await signIn();
    await api.post('/api/v1/custom-fields', {
      resource: 'crm.party',
      key: 'rubro',
      label: 'Rubro',
      type: 'select',
      options: { values: ['almacén', 'kiosco'] },
    });
    for (let i = 0; i < 205; i++) {
      const res = await api.post('/api/v1/crm/parties', {
        kind: 'organization',
        name: `${i % 2 ? 'Kiosco' : 'Almacén'} ${String(i).padStart(3, '0')}`,
        custom: { rubro: i % 2 ? 'kiosco' : 'almacén' },
      });
      expect(res.status).toBe(201);
    }
    const csv = await api.get('/api/v1/crm/parties/export.csv?custom.rubro=kiosco');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const [header, ...lines] = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(header?.split(',')).toEqual(expect.arrayContaining(['id', 'name', 'custom.rubro']));
    expect(lines).toHaveLength(102);
    expect(lines.every((l) => l.includes('Kiosco') && l.includes('kiosco'))).toBe(true);
    const sorted = await api.get<{ items: Party[] }>(
      '/api/v1/crm/parties?custom.rubro=almacén&sort=-name&limit=3',
    );
    expect(sorted.json.items.map((p) => p.name)).toEqual([
      'Almacén 204',
      'Almacén 202',
      'Almacén 200',
    ]);
  });

  it('keeps a portal client to its own party by RLS alone, even with every rule granted', async () => {
    const { api, account } = await signIn();
    const mine = await api.post<Party>('/api/v1/crm/parties', {
      kind: 'organization',
      name: 'Cliente Portal',
      contacts: [{ name: 'Contacto propio' }],
    });
    const other = await api.post<Party>('/api/v1/crm/parties', {
      kind: 'organization',
      name: 'Otro cliente',
      contacts: [{ name: 'Contacto ajeno' }],
    });
    // The engine is out of the way: this client member holds the owner role (manage all).
    const client = await createAccount(t.app, db.current, {
      tenantId: account.tenantId,
      roles: ['owner'],
      portal: { actor: 'client', partyId: mine.json.id },
    });
    const asClient = apiAs(t.app, (await login(t.app, client)).accessToken);
    const list = await asClient.get<{ items: Party[] }>('/api/v1/crm/parties');
    expect(list.json.items.map((p) => p.name)).toEqual(['Cliente Portal']);
    expect((await asClient.get(`/api/v1/crm/parties/${other.json.id}`)).status).toBe(404);
    expect((await asClient.get(`/api/v1/crm/parties/${other.json.id}/contacts`)).status).toBe(404);
    const leads = await asClient.get<{ items: unknown[] }>('/api/v1/crm/leads');
    expect(leads.json.items).toEqual([]);
  });
});
