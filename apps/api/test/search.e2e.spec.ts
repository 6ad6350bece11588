import { useTestDatabase } from '@nexo/testing';
import { describe, expect, it } from 'vitest';
import { createAccount, login } from './helpers/accounts.js';
import { apiAs, type Api } from './helpers/http.js';
import { useTestApp } from './helpers/test-app.js';

interface Hit {
  kind: string;
  title: string;
  subtitle: string | null;
  score: number;
}

describe('global search', () => {
  const db = useTestDatabase();
  const t = useTestApp(db);

  async function signIn(
    roles = ['owner'],
    tenantId?: string,
  ): Promise<{ api: Api; tenantId: string }> {
    const account = await createAccount(t.app, db.current, {
      roles,
      ...(tenantId ? { tenantId } : {}),
    });
    return {
      api: apiAs(t.app, (await login(t.app, account)).accessToken),
      tenantId: account.tenantId,
    };
  }
  const search = async (api: Api, q: string): Promise<Hit[]> => {
    const res = await api.get<{ hits: Hit[] }>(`/api/v1/search?q=${encodeURIComponent(q)}`);
    expect(res.status, res.body).toBe(200);
    return res.json.hits;
  };

  it('finds parties, contacts and opportunities by name, tax id and email, for its company only', async () => {
    const { api, tenantId } = await signIn();
    const party = await api.post<{ id: string }>('/api/v1/crm/parties', {
      kind: 'organization',
      name: 'Cervecería Patagónica',
      taxCountry: 'AR',
      taxId: '30-50001091-2',
      email: 'pedidos@patagonica.test',
      contacts: [{ name: 'Rocío Funes', email: 'rocio@patagonica.test' }],
    });
    await api.post('/api/v1/crm/opportunities', {
      title: 'Barriles para la temporada patagónica',
      partyId: party.json.id,
      currency: 'ARS',
    });
    const other = await signIn();
    await other.api.post('/api/v1/crm/parties', {
      kind: 'organization',
      name: 'Cervecería Patagónica del Norte',
    });

    const byName = await search(api, 'patag');
    expect(byName.map((h) => `${h.kind}:${h.title}`).sort()).toEqual([
      'opportunity:Barriles para la temporada patagónica',
      'party:Cervecería Patagónica',
    ]);
    expect((await search(api, '30-50001091-2'))[0]).toMatchObject({ kind: 'party', score: 1 });
    expect((await search(api, 'pedidos@patagonica.test'))[0]).toMatchObject({
      kind: 'party',
      score: 1,
    });
    expect(await search(api, 'rocío')).toEqual([
      expect.objectContaining({ kind: 'contact', subtitle: 'Cervecería Patagónica' }),
    ]);

    // A role that may read parties but not opportunities sees only parties.
    const warehouse = await signIn(['warehouse'], tenantId);
    expect((await search(warehouse.api, 'patag')).map((h) => h.kind)).toEqual(['party']);
    const production = await signIn(['production'], tenantId);
    expect(await search(production.api, 'patag')).toEqual([]);
    const tooShort = await api.get('/api/v1/search?q=p');
    expect(tooShort.status).toBe(400);
  });
});
