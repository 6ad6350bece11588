import { countTenantRows, useTestDatabase } from '@nexo/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createAccount, login, type TestAccount } from './helpers/accounts.js';
import { apiAs, type Api } from './helpers/http.js';
import { useTestApp } from './helpers/test-app.js';

interface Pipeline {
  id: string;
  stages: { id: string; name: string; isWon: boolean; isLost: boolean }[];
}
interface Opportunity {
  id: string;
  stageId: string;
  status: string;
  rank: string;
  version: number;
  lostReason: string | null;
}

describe('CRM: leads, pipelines, opportunities, activities', () => {
  const db = useTestDatabase();
  const t = useTestApp(db);

  async function signIn(
    roles = ['owner'],
    tenantId?: string,
  ): Promise<{ api: Api; account: TestAccount }> {
    const account = await createAccount(t.app, db.current, {
      roles,
      ...(tenantId ? { tenantId } : {}),
    });
    return { api: apiAs(t.app, (await login(t.app, account)).accessToken), account };
  }

  async function pipeline(api: Api, isDefault = true): Promise<Pipeline> {
    const res = await api.post<Pipeline>('/api/v1/crm/pipelines', {
      name: `Embudo ${Math.random()}`,
      isDefault,
      stages: [
        { name: 'Nuevo', probability: 10 },
        { name: 'Propuesta', probability: 50 },
        { name: 'Ganado', probability: 100, isWon: true },
        { name: 'Perdido', probability: 0, isLost: true },
      ],
    });
    expect(res.status, res.body).toBe(201);
    return res.json;
  }

  const count = (table: string, tenantId: string): Promise<number> =>
    countTenantRows(db.current, table, tenantId);

  it('converts a lead into a party and an opportunity, or changes nothing', async () => {
    const { api, account } = await signIn();
    const p = await pipeline(api);
    const lead = await api.post<{ id: string }>('/api/v1/crm/leads', {
      name: 'Laura Díaz',
      companyName: 'Panadería Díaz',
      source: 'web',
    });
    expect(lead.status).toBe(201);
    const other = await pipeline(api, false);
    const bad = await api.post(`/api/v1/crm/leads/${lead.json.id}/convert`, {
      party: { kind: 'organization', name: 'Panadería Díaz' },
      opportunity: {
        title: 'Primer pedido',
        currency: 'ARS',
        pipelineId: p.id,
        stageId: other.stages[0]?.id,
      },
    });
    expect(bad.status).toBe(400);
    expect(await count('crm.parties', account.tenantId)).toBe(0);
    expect(
      (await api.get<{ status: string }>(`/api/v1/crm/leads/${lead.json.id}`)).json.status,
    ).toBe('new');

    const done = await api.post<{
      lead: { status: string; convertedPartyId: string };
      party: { id: string; isCustomer: boolean };
      opportunity: { partyId: string; stageId: string };
    }>(`/api/v1/crm/leads/${lead.json.id}/convert`, {
      party: { kind: 'organization', name: 'Panadería Díaz' },
      opportunity: { title: 'Primer pedido', currency: 'ARS', amount: '120000' },
    });
    expect(done.status, done.body).toBe(200);
    expect(done.json.lead).toMatchObject({
      status: 'converted',
      convertedPartyId: done.json.party.id,
    });
    expect(done.json.party.isCustomer).toBe(true);
    expect(done.json.opportunity).toMatchObject({
      partyId: done.json.party.id,
      stageId: p.stages[0]?.id,
    });
    const twice = await api.post(`/api/v1/crm/leads/${lead.json.id}/convert`, {
      partyId: done.json.party.id,
      opportunity: { title: 'Otra', currency: 'ARS' },
    });
    expect(twice.status).toBe(409);
    expect(await count('crm.opportunities', account.tenantId)).toBe(1);
  });

  it('keeps one consistent card order under concurrent kanban moves', async () => {
    const { api } = await signIn();
    const p = await pipeline(api);
    const [first, second] = p.stages;
    const cards: Opportunity[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await api.post<Opportunity>('/api/v1/crm/opportunities', {
        title: `Tarjeta ${i}`,
        currency: 'ARS',
        amount: String(1000 * (i + 1)),
      });
      cards.push(res.json);
    }
    expect(new Set(cards.map((c) => c.stageId))).toEqual(new Set([first?.id]));
    // Everyone drags at once: each card to the top of the next column.
    const moves = await Promise.all(
      cards.map((c) =>
        api.post<Opportunity>(`/api/v1/crm/opportunities/${c.id}/move`, {
          stageId: second?.id,
          afterId: null,
        }),
      ),
    );
    expect(moves.map((m) => m.status)).toEqual(cards.map(() => 200));
    const board = await api.get<{ columns: { stageId: string; cards: Opportunity[] }[] }>(
      `/api/v1/crm/pipelines/${p.id}/board`,
    );
    expect(board.status, board.body).toBe(200);
    const column = board.json.columns.find((c) => c.stageId === second?.id)?.cards ?? [];
    expect(column).toHaveLength(12);
    expect(new Set(column.map((c) => c.rank)).size).toBe(12);
    // A drop after a given card lands right after it, with the rest of the order intact.
    const [a, b, c] = column;
    const moved = await api.post<Opportunity>(`/api/v1/crm/opportunities/${c?.id}/move`, {
      stageId: second?.id,
      afterId: a?.id,
    });
    expect(moved.status).toBe(200);
    const after = await api.get<{ columns: { stageId: string; cards: Opportunity[] }[] }>(
      `/api/v1/crm/pipelines/${p.id}/board`,
    );
    const ids = after.json.columns
      .find((col) => col.stageId === second?.id)
      ?.cards.map((x) => x.id);
    expect(ids?.slice(0, 3)).toEqual([a?.id, c?.id, b?.id]);
    // "After" a card of another column is refused, naming the field.
    const elsewhere = await api.post<Opportunity>('/api/v1/crm/opportunities', {
      title: 'Otra columna',
      currency: 'ARS',
    });
    const wrong = await api.post<{ issues: { path: string }[] }>(
      `/api/v1/crm/opportunities/${a?.id}/move`,
      {
        stageId: second?.id,
        afterId: elsewhere.json.id,
      },
    );
    expect(wrong.status).toBe(400);
    expect(wrong.json.issues).toEqual([expect.objectContaining({ path: 'afterId' })]);
  });

  it('shows a stage change on the timeline, and wins and losses close the deal', async () => {
    const { api } = await signIn();
    const p = await pipeline(api);
    const party = await api.post<{ id: string }>('/api/v1/crm/parties', {
      kind: 'organization',
      name: 'Bodega Norte',
    });
    const opp = await api.post<Opportunity>('/api/v1/crm/opportunities', {
      title: 'Vinos',
      partyId: party.json.id,
      currency: 'ARS',
      amount: '5000',
    });
    await api.post('/api/v1/crm/activities', {
      kind: 'call',
      subject: 'Primera llamada',
      opportunityId: opp.json.id,
    });
    const moved = await api.post(`/api/v1/crm/opportunities/${opp.json.id}/move`, {
      stageId: p.stages[1]?.id,
    });
    expect(moved.status).toBe(200);
    let types: string[] = [];
    for (let i = 0; i < 50 && !types.includes('crm.opportunity.stage-changed'); i++) {
      await sleep(100);
      const feed = await api.get<{ type: string }[]>(
        `/api/v1/crm/opportunities/${opp.json.id}/timeline`,
      );
      types = feed.json.map((e) => e.type);
    }
    expect(types).toEqual(
      expect.arrayContaining([
        'crm.opportunity.stage-changed',
        'crm.opportunity.created',
        'activity',
      ]),
    );
    const partyFeed = await api.get<{ type: string; data?: { toStage?: string } }[]>(
      `/api/v1/crm/parties/${party.json.id}/timeline`,
    );
    expect(
      partyFeed.json.find((e) => e.type === 'crm.opportunity.stage-changed')?.data?.toStage,
    ).toBe('Propuesta');

    const noReason = await api.post(`/api/v1/crm/opportunities/${opp.json.id}/lose`, {});
    expect(noReason.status).toBe(400);
    const lost = await api.post<Opportunity>(`/api/v1/crm/opportunities/${opp.json.id}/lose`, {
      reason: 'Precio',
    });
    expect(lost.json).toMatchObject({
      status: 'lost',
      lostReason: 'Precio',
      stageId: p.stages[3]?.id,
    });
    const won = await api.post<Opportunity>(`/api/v1/crm/opportunities/${opp.json.id}/win`);
    expect(won.json).toMatchObject({ status: 'won', lostReason: null, stageId: p.stages[2]?.id });
  });

  it('forecasts open amounts by stage and month, weighted by probability', async () => {
    const { api } = await signIn();
    const p = await pipeline(api);
    const make = (amount: string, stage: number, date?: string) =>
      api.post<Opportunity>('/api/v1/crm/opportunities', {
        title: `Op ${amount}`,
        currency: 'ARS',
        amount,
        stageId: p.stages[stage]?.id,
        ...(date ? { expectedCloseDate: date } : {}),
      });
    await make('1000', 0, '2027-01-15');
    await make('3000', 0, '2027-01-20');
    await make('2000', 1, '2027-02-01');
    await make('9000', 2, '2027-02-01');
    await make('500', 1);
    const res = await api.get<{ rows: Record<string, unknown>[] }>(
      `/api/v1/crm/pipelines/${p.id}/forecast?currency=ARS`,
    );
    expect(res.json.rows).toEqual([
      expect.objectContaining({
        stageName: 'Nuevo',
        month: '2027-01',
        count: 2,
        amount: '4000.00',
        weighted: '400.00',
      }),
      expect.objectContaining({
        stageName: 'Propuesta',
        month: '2027-02',
        count: 1,
        amount: '2000.00',
        weighted: '1000.00',
      }),
      expect.objectContaining({
        stageName: 'Propuesta',
        month: 'none',
        count: 1,
        amount: '500.00',
        weighted: '250.00',
      }),
    ]);

    // An amount keeps its currency's decimals (CLP has none); sums round once, half-up.
    const clpCents = await api.post<{ issues: { path: string; message: string }[] }>(
      '/api/v1/crm/opportunities',
      { title: 'Pesos chilenos', currency: 'CLP', amount: '10.5' },
    );
    expect(clpCents.status).toBe(400);
    expect(clpCents.json.issues[0]).toMatchObject({
      path: 'amount',
      message: 'CLP amounts have no decimals',
    });
    const clpOpp = await make('0', 0, '2027-01-15');
    const toClp = await api.patch<{ issues: { path: string }[] }>(
      `/api/v1/crm/opportunities/${clpOpp.json.id}`,
      { currency: 'CLP', amount: '1505.5' },
      1,
    );
    expect(toClp.status).toBe(400);
    const clp = await api.patch(
      `/api/v1/crm/opportunities/${clpOpp.json.id}`,
      { currency: 'CLP', amount: '1505' },
      1,
    );
    expect(clp.status, clp.body).toBe(200);
    const inClp = await api.get<{ rows: Record<string, unknown>[] }>(
      `/api/v1/crm/pipelines/${p.id}/forecast?currency=CLP`,
    );
    expect(inClp.json.rows).toEqual([
      expect.objectContaining({ month: '2027-01', count: 1, amount: '1505', weighted: '151' }),
    ]);
  });

  it("lists only a salesperson's own and team opportunities; my tasks are mine and open", async () => {
    const { api: admin, account } = await signIn();
    await pipeline(admin);
    const ana = await signIn(['sales'], account.tenantId);
    const beto = await signIn(['sales'], account.tenantId);
    const carla = await signIn(['sales'], account.tenantId);
    const team = await admin.post<{ id: string }>('/api/v1/crm/teams', { name: 'Zona Norte' });
    const members = await admin.put(`/api/v1/crm/teams/${team.json.id}/members`, {
      membershipIds: [ana.account.membershipId, beto.account.membershipId],
    });
    expect(members.status, members.body).toBe(200);
    const byAna = await ana.api.post<Opportunity>('/api/v1/crm/opportunities', {
      title: 'De Ana',
      currency: 'ARS',
    });
    const byBeto = await beto.api.post<Opportunity>('/api/v1/crm/opportunities', {
      title: 'De Beto (equipo)',
      currency: 'ARS',
      teamId: team.json.id,
    });
    const byCarla = await carla.api.post<Opportunity>('/api/v1/crm/opportunities', {
      title: 'De Carla',
      currency: 'ARS',
    });
    expect([byAna.status, byBeto.status, byCarla.status]).toEqual([201, 201, 201]);
    // Tokens carry no teams: the next request reads them, so Ana sees the team's at once.
    const seen = await ana.api.get<{ items: { title: string }[] }>(
      '/api/v1/crm/opportunities?sort=title',
    );
    expect(seen.json.items.map((o) => o.title)).toEqual(['De Ana', 'De Beto (equipo)']);
    expect((await ana.api.get(`/api/v1/crm/opportunities/${byCarla.json.id}`)).status).toBe(404);
    expect(
      (
        await ana.api.post(`/api/v1/crm/opportunities/${byCarla.json.id}/move`, {
          stageId: byCarla.json.stageId,
        })
      ).status,
    ).toBe(404);
    // A change of team applies on the next request, both ways (abilities of system roles
    // are kept across requests, by their teams among the rest).
    const moved = await admin.put(`/api/v1/crm/teams/${team.json.id}/members`, {
      membershipIds: [beto.account.membershipId, carla.account.membershipId],
    });
    expect(moved.status, moved.body).toBe(200);
    const titles = async (who: typeof ana) =>
      (
        await who.api.get<{ items: { title: string }[] }>('/api/v1/crm/opportunities?sort=title')
      ).json.items.map((o) => o.title);
    expect(await titles(carla)).toEqual(['De Beto (equipo)', 'De Carla']);
    expect(await titles(ana)).toEqual(['De Ana']);
    await admin.put(`/api/v1/crm/teams/${team.json.id}/members`, {
      membershipIds: [ana.account.membershipId, beto.account.membershipId],
    });

    const mine = await admin.post<{ id: string; version: number }>('/api/v1/crm/activities', {
      kind: 'task',
      subject: 'Visitar cliente',
      opportunityId: byAna.json.id,
      assigneeId: ana.account.userId,
      dueAt: '2027-03-01T10:00:00Z',
    });
    await admin.post('/api/v1/crm/activities', {
      kind: 'task',
      subject: 'Tarea de Carla',
      opportunityId: byCarla.json.id,
      assigneeId: carla.account.userId,
    });
    await admin.post('/api/v1/crm/activities', {
      kind: 'note',
      subject: 'Nota',
      opportunityId: byAna.json.id,
    });
    const tasks = await ana.api.get<{ items: { subject: string }[] }>(
      '/api/v1/crm/activities/my-tasks',
    );
    expect(tasks.json.items.map((a) => a.subject)).toEqual(['Visitar cliente']);
    const done = await ana.api.patch(
      `/api/v1/crm/activities/${mine.json.id}`,
      { done: true },
      mine.json.version,
    );
    expect(done.status, done.body).toBe(200);
    expect(
      (await ana.api.get<{ items: unknown[] }>('/api/v1/crm/activities/my-tasks')).json.items,
    ).toEqual([]);
  });

  it('custom fields: validated, filterable, sortable, audited and described per company', async () => {
    const { api } = await signIn();
    const fields = [
      {
        resource: 'crm.opportunity',
        key: 'canal',
        label: 'Canal',
        type: 'select',
        required: true,
        options: { values: ['mayorista', 'minorista'] },
      },
      { resource: 'crm.opportunity', key: 'cajas', label: 'Cajas', type: 'number' },
      { resource: 'crm.opportunity', key: 'entrega', label: 'Entrega', type: 'date' },
    ];
    for (const f of fields) expect((await api.post('/api/v1/custom-fields', f)).status).toBe(201);
    const dup = await api.post('/api/v1/custom-fields', fields[1]);
    expect(dup.status).toBe(409);
    const badSelect = await api.post('/api/v1/custom-fields', {
      resource: 'crm.party',
      key: 'x',
      label: 'X',
      type: 'select',
    });
    expect(badSelect.status).toBe(400);

    const missing = await api.post<{ issues: { path: string; code: string }[] }>(
      '/api/v1/crm/opportunities',
      { title: 'Sin canal', currency: 'ARS' },
    );
    expect(missing.status).toBe(400);
    expect(missing.json.issues).toEqual([
      expect.objectContaining({ path: 'custom.canal', code: 'required' }),
    ]);
    const wrong = await api.post<{ issues: { path: string; code: string }[] }>(
      '/api/v1/crm/opportunities',
      {
        title: 'Mal',
        currency: 'ARS',
        custom: { canal: 'online', cajas: 'diez', desconocido: 1 },
      },
    );
    expect(wrong.json.issues.map((i) => `${i.path}:${i.code}`).sort()).toEqual([
      'custom.cajas:invalid_type',
      'custom.canal:invalid_type',
      'custom.desconocido:unknown_field',
    ]);
    for (const [i, canal] of ['mayorista', 'minorista', 'mayorista'].entries()) {
      const res = await api.post('/api/v1/crm/opportunities', {
        title: `Op ${i}`,
        currency: 'ARS',
        custom: { canal, cajas: (i + 1) * 10, entrega: `2027-0${i + 1}-01` },
      });
      expect(res.status, res.body).toBe(201);
    }
    const filtered = await api.get<{ items: { title: string }[] }>(
      '/api/v1/crm/opportunities?custom.canal=mayorista&sort=-custom.cajas',
    );
    expect(filtered.json.items.map((o) => o.title)).toEqual(['Op 2', 'Op 0']);
    const range = await api.get<{ items: { title: string }[] }>(
      '/api/v1/crm/opportunities?custom.cajas.gte=20&sort=custom.entrega',
    );
    expect(range.json.items.map((o) => o.title)).toEqual(['Op 1', 'Op 2']);

    const schema = await api.get<{
      properties: Record<string, { type: string; enum?: string[] }>;
      required: string[];
    }>('/api/v1/custom-fields/schema/crm.opportunity');
    expect(schema.json.required).toEqual(['canal']);
    expect(schema.json.properties.canal).toMatchObject({
      type: 'string',
      enum: ['mayorista', 'minorista'],
    });
    expect(schema.json.properties.cajas?.type).toBe('number');

    const op = (
      await api.get<{ items: { id: string; version: number }[] }>(
        '/api/v1/crm/opportunities?custom.cajas=10',
      )
    ).json.items[0];
    const changed = await api.patch(
      `/api/v1/crm/opportunities/${op?.id}`,
      { custom: { cajas: 11 } },
      op?.version ?? 0,
    );
    expect(changed.status, changed.body).toBe(200);
    const history = await api.get<
      {
        action: string;
        before: { custom?: { cajas: number } };
        after: { custom?: { cajas: number } };
      }[]
    >(`/api/v1/audit/records/crm.opportunity/${op?.id}`);
    expect(history.json[0]).toMatchObject({
      action: 'update',
      before: { custom: { cajas: 10 } },
      after: { custom: { cajas: 11 } },
    });
  });
});
