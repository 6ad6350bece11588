import { useTestDatabase } from '@nexo/testing';
import { describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_TENANT_ID, seedDemo } from '../src/seed/demo-seed.js';
import { login } from './helpers/accounts.js';
import { apiAs } from './helpers/http.js';
import { useTestApp } from './helpers/test-app.js';

describe('the demo company', () => {
  const db = useTestDatabase();
  const t = useTestApp(db);

  it('has a believable CRM the salesperson can work with, seeded once', async () => {
    expect(await seedDemo(t.app)).toEqual({ seeded: true });
    expect(await seedDemo(t.app)).toEqual({ seeded: false });
    const sales = DEMO_LOGINS.find((l) => l.label === 'sales');
    if (!sales) throw new Error('no sales login');
    const api = apiAs(t.app, (await login(t.app, sales)).accessToken);

    const parties = await api.get<{ items: { taxId: string }[]; count: { value: number } }>(
      '/api/v1/crm/parties?limit=200&count=true',
    );
    expect(parties.json.count.value).toBeGreaterThanOrEqual(45);
    // The company is a responsable inscripto; its parties have IVA conditions.
    const company = await api.get<{ taxCondition: string }>(
      `/api/v1/tenancy/tenants/${DEMO_TENANT_ID}`,
    );
    expect(company.json.taxCondition).toBe('responsable_inscripto');
    const conditions = new Set(
      (parties.json.items as unknown as { taxCondition: string }[]).map((p) => p.taxCondition),
    );
    expect([...conditions].sort()).toEqual(['exento', 'monotributo', 'responsable_inscripto']);
    const pipelines =
      await api.get<{ id: string; name: string; isDefault: boolean }[]>('/api/v1/crm/pipelines');
    expect(pipelines.json).toHaveLength(2);
    for (const pipeline of pipelines.json) {
      const board = await api.get<{ columns: { cards: unknown[] }[] }>(
        `/api/v1/crm/pipelines/${pipeline.id}/board`,
      );
      // The salesperson sees own and team deals: every column has some.
      expect(
        board.json.columns.every((c) => c.cards.length > 0),
        pipeline.name,
      ).toBe(true);
    }
    const tasks = await api.get<{ items: unknown[] }>('/api/v1/crm/activities/my-tasks');
    expect(tasks.json.items.length).toBeGreaterThan(3);
    const contacts = await api.get<unknown[]>(
      `/api/v1/crm/parties/${(parties.json.items[0] as unknown as { id: string }).id}/contacts`,
    );
    expect(contacts.json.length).toBeGreaterThan(0);
  });
});
