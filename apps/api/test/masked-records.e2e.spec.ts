import { useTestDatabase } from '@nexo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, login, type TestAccount } from './helpers/accounts.js';
import { apiAs, type Api } from './helpers/http.js';
import { useTestApp } from './helpers/test-app.js';

type Body = Record<string, unknown>;
const keys = (record: unknown): string[] => Object.keys(record as Body).sort();

/**
 * A record leaves the API masked by the reader's field rules: the fields a role may not read
 * are absent. The response schemas must accept such a record (only `id` is always there), or a
 * company's own role with a field rule gets a 500 where it should get what it may read.
 */
describe('records masked by a role’s field rules', () => {
  const db = useTestDatabase();
  const t = useTestApp(db);
  let owner: TestAccount;
  let api: Api;
  let as: Api;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    owner = await createAccount(t.app, db.current, { roles: ['owner'] });
    api = apiAs(t.app, (await login(t.app, owner)).accessToken);
    const make = async (url: string, body: object): Promise<Body> => {
      const res = await api.post<Body>(url, body);
      if (res.status !== 201) throw new Error(`${url}: ${res.status} ${res.body}`);
      return res.json;
    };
    ids.unit = (await make('/api/v1/catalog/units', { code: 'u', name: 'Unidad' })).id as string;
    ids.tax = (
      await make('/api/v1/catalog/tax-rates', {
        code: 'iva21',
        name: 'IVA 21%',
        kind: 'vat',
        rate: '21',
      })
    ).id as string;
    ids.category = (await make('/api/v1/catalog/categories', { name: 'Bebidas' })).id as string;
    ids.priceList = (
      await make('/api/v1/catalog/price-lists', { name: 'Mayorista', currency: 'ARS' })
    ).id as string;
    ids.party = (
      await make('/api/v1/crm/parties', {
        kind: 'organization',
        name: 'Lácteos del Sur',
        isCustomer: true,
        contacts: [
          { name: 'Marta Gómez', role: 'Compras', email: 'marta@lacteos.test', isPrimary: true },
        ],
        addresses: [{ kind: 'billing', line1: 'Av. Mitre 123', city: 'Avellaneda', country: 'AR' }],
      })
    ).id as string;
    await make('/api/v1/crm/activities', {
      kind: 'task',
      subject: 'Llamar por el pedido',
      body: 'Confirmar cantidades',
      partyId: ids.party,
    });
    ids.pipeline = (
      await make('/api/v1/crm/pipelines', {
        name: 'Mayoristas',
        stages: [
          { name: 'Nuevo', probability: 10 },
          { name: 'Ganado', probability: 100, isWon: true },
        ],
      })
    ).id as string;
    await make('/api/v1/crm/teams', { name: 'Zona Sur' });

    const role = await api.post('/api/v1/permissions/roles', {
      key: 'lectura-parcial',
      name: 'Lectura parcial',
      rules: [
        { action: 'read', subject: 'catalog.unit', fields: ['id', 'name'] },
        { action: 'create', subject: 'catalog.unit' },
        { action: 'read', subject: 'catalog.tax', fields: ['name', 'rate'] },
        { action: 'read', subject: 'catalog.category', fields: ['name'] },
        { action: 'read', subject: 'catalog.price-list', fields: ['name', 'currency'] },
        { action: 'read', subject: 'crm.party' },
        { action: 'read', subject: 'crm.contact', fields: ['name', 'email'] },
        { action: 'read', subject: 'crm.address', fields: ['city', 'country'] },
        { action: 'read', subject: 'crm.activity', fields: ['kind', 'subject'] },
        { action: 'read', subject: 'crm.pipeline', fields: ['name', 'stages'] },
        { action: 'read', subject: 'crm.opportunity' },
        { action: 'read', subject: 'crm.team', fields: ['name'] },
        { action: 'create', subject: 'crm.team' },
      ],
    });
    expect(role.status, role.body).toBe(201);
    const member = await createAccount(t.app, db.current, {
      tenantId: owner.tenantId,
      roles: [],
    });
    const assigned = await api.put(`/api/v1/permissions/memberships/${member.membershipId}/roles`, {
      roles: ['lectura-parcial'],
    });
    expect(assigned.status, assigned.body).toBe(200);
    as = apiAs(t.app, (await login(t.app, member)).accessToken);
  });

  /** 200, and every record carries exactly `id` and the fields the role may read. */
  async function onlyFields(url: string, fields: string[]): Promise<Body[]> {
    const res = await as.get<Body | Body[]>(url);
    expect(res.status, `${url}: ${res.body}`).toBe(200);
    const json = res.json;
    const records = Array.isArray(json)
      ? json
      : Array.isArray(json.items)
        ? (json.items as Body[])
        : [json];
    expect(records.length, url).toBeGreaterThan(0);
    for (const record of records) expect(keys(record), url).toEqual(['id', ...fields].sort());
    return records;
  }

  it('lists and reads catalog masters with only the fields the role may read', async () => {
    const [unit] = await onlyFields('/api/v1/catalog/units', ['name']);
    expect(unit).toEqual({ id: ids.unit, name: 'Unidad' });
    await onlyFields(`/api/v1/catalog/units/${ids.unit}`, ['name']);
    const [tax] = await onlyFields('/api/v1/catalog/tax-rates', ['name', 'rate']);
    expect(tax).toEqual({ id: ids.tax, name: 'IVA 21%', rate: '21' });
    await onlyFields(`/api/v1/catalog/tax-rates/${ids.tax}`, ['name', 'rate']);
    await onlyFields('/api/v1/catalog/categories', ['name']);
    await onlyFields(`/api/v1/catalog/categories/${ids.category}`, ['name']);
    const [list] = await onlyFields('/api/v1/catalog/price-lists', ['name', 'currency']);
    expect(list).toEqual({ id: ids.priceList, name: 'Mayorista', currency: 'ARS' });
    await onlyFields(`/api/v1/catalog/price-lists/${ids.priceList}`, ['name', 'currency']);
  });

  it('answers a create with the new record as the role may read it', async () => {
    const created = await as.post<Body>('/api/v1/catalog/units', { code: 'kg', name: 'Kilo' });
    expect(created.status, created.body).toBe(201);
    expect(keys(created.json)).toEqual(['id', 'name']);
    const team = await as.post<Body>('/api/v1/crm/teams', { name: 'Zona Norte' });
    expect(team.status, team.body).toBe(201);
    expect(keys(team.json)).toEqual(['id', 'name']);
  });

  it('lists a party’s contacts and addresses, activities and teams masked', async () => {
    const [contact] = await onlyFields(`/api/v1/crm/parties/${ids.party}/contacts`, [
      'name',
      'email',
    ]);
    expect(contact).toMatchObject({ name: 'Marta Gómez', email: 'marta@lacteos.test' });
    const [address] = await onlyFields(`/api/v1/crm/parties/${ids.party}/addresses`, [
      'city',
      'country',
    ]);
    expect(address).toMatchObject({ city: 'Avellaneda', country: 'AR' });
    const [activity] = await onlyFields('/api/v1/crm/activities', ['kind', 'subject']);
    expect(activity).toMatchObject({ kind: 'task', subject: 'Llamar por el pedido' });
    await onlyFields('/api/v1/crm/teams', ['name']);
  });

  it('lists pipelines with their stages masked by the pipeline’s rules, and the board too', async () => {
    const pipelines = await onlyFields('/api/v1/crm/pipelines', ['name', 'stages']);
    const mine = pipelines.find((p) => p.id === ids.pipeline);
    expect(mine?.name).toBe('Mayoristas');
    const stages = mine?.stages as Body[];
    expect(stages.map((s) => s.name)).toEqual(['Nuevo', 'Ganado']);
    for (const stage of stages) expect(keys(stage)).toEqual(['id', 'name']);

    const board = await as.get<{ pipeline: Body; columns: unknown[] }>(
      `/api/v1/crm/pipelines/${ids.pipeline}/board`,
    );
    expect(board.status, board.body).toBe(200);
    expect(board.json.pipeline.id).toBe(ids.pipeline);
    // The board's pipeline is masked like the list's: no field the role may not read.
    expect(keys(board.json.pipeline)).toEqual(['id', 'name', 'stages']);
    expect(board.json.columns).toHaveLength(2);
  });
});
