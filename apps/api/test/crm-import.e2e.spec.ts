import { useTestDatabase } from '@nexo/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createAccount, login } from './helpers/accounts.js';
import { apiAs, type Api } from './helpers/http.js';
import { useTestApp } from './helpers/test-app.js';

interface Job {
  state: string;
  progress: { done: number; total?: number } | null;
  result: {
    mode: string;
    rows: number;
    imported: number;
    rejected: number;
    issues: { line: number; column: string; code: string }[];
  } | null;
  error: { code: string; message: string } | null;
}

describe('CSV import of parties (a job with progress)', () => {
  const db = useTestDatabase();
  const t = useTestApp(db);

  async function signIn(roles = ['owner'], tenantId?: string): Promise<Api> {
    const account = await createAccount(t.app, db.current, {
      roles,
      ...(tenantId ? { tenantId } : {}),
    });
    return apiAs(t.app, (await login(t.app, account)).accessToken);
  }

  async function importCsv(api: Api, csv: string, mode?: string): Promise<Job> {
    const started = await api.post<{ jobId: string }>('/api/v1/crm/parties/import', {
      csv,
      ...(mode ? { mode } : {}),
    });
    expect(started.status, started.body).toBe(202);
    for (let i = 0; i < 200; i++) {
      const job = await api.get<Job>(`/api/v1/jobs/${started.json.jobId}`);
      if (job.json.state === 'completed' || job.json.state === 'failed') return job.json;
      await sleep(50);
    }
    throw new Error('the import never finished');
  }

  const names = async (api: Api): Promise<string[]> =>
    (await api.get<{ items: { name: string }[] }>('/api/v1/crm/parties?limit=200')).json.items
      .map((p) => p.name)
      .sort();

  const CSV = [
    'kind,name,isCustomer,taxCountry,taxId,email,tags,custom.rubro',
    'organization,Almacén Rivadavia,sí,AR,30-50001091-2,compras@rivadavia.test,mayorista|zona-oeste,almacén',
    'organization,Kiosco Belgrano,no,AR,30-50001091-3,,,kiosco',
    'person,María López,quizás,,,maria@correo.test,,',
    'organization,Supermercado Norte,true,,,,,supermercado',
  ].join('\n');

  it('all or nothing: one bad cell and nothing is written; each problem has its line and column', async () => {
    const api = await signIn();
    await api.post('/api/v1/custom-fields', {
      resource: 'crm.party',
      key: 'rubro',
      label: 'Rubro',
      type: 'select',
      options: { values: ['almacén', 'kiosco', 'supermercado'] },
    });
    const job = await importCsv(api, CSV);
    expect(job.state).toBe('completed');
    expect(job.result).toMatchObject({ mode: 'all-or-nothing', rows: 4, imported: 0, rejected: 4 });
    expect(job.result?.issues.map((i) => `${i.line}:${i.column}:${i.code}`)).toEqual([
      '3:taxId:custom',
      '4:isCustomer:invalid_boolean',
    ]);
    expect(await names(api)).toEqual([]);
  });

  it('valid rows only: imports the good ones, reports the rest, shows progress', async () => {
    const api = await signIn();
    await api.post('/api/v1/custom-fields', {
      resource: 'crm.party',
      key: 'rubro',
      label: 'Rubro',
      type: 'select',
      options: { values: ['almacén', 'kiosco', 'supermercado'] },
    });
    const job = await importCsv(api, CSV, 'valid-only');
    expect(job.result).toMatchObject({ mode: 'valid-only', rows: 4, imported: 2, rejected: 2 });
    expect(job.progress).toMatchObject({ done: 2, total: 2 });
    expect(await names(api)).toEqual(['Almacén Rivadavia', 'Supermercado Norte']);
    const list = await api.get<{
      items: { name: string; tags: string[]; isCustomer: boolean; custom: { rubro?: string } }[];
    }>('/api/v1/crm/parties?name=Almacén Rivadavia');
    expect(list.json.items[0]).toMatchObject({
      tags: ['mayorista', 'zona-oeste'],
      isCustomer: true,
      custom: { rubro: 'almacén' },
    });
  });

  it("rejects by line a team of another company (issue 23) and imports the company's own", async () => {
    const api = await signIn();
    const other = await signIn();
    const ownTeam = await api.post<{ id: string }>('/api/v1/crm/teams', { name: 'Zona Oeste' });
    const foreignTeam = await other.post<{ id: string }>('/api/v1/crm/teams', {
      name: 'Zona Oeste',
    });
    const csv = [
      'kind,name,teamId',
      `organization,Ferretería Sur,${foreignTeam.json.id}`,
      `organization,Ferretería Norte,${ownTeam.json.id}`,
    ].join('\n');
    const job = await importCsv(api, csv, 'valid-only');
    expect(job.result).toMatchObject({ mode: 'valid-only', rows: 2, imported: 1, rejected: 1 });
    expect(job.result?.issues.map((i) => `${i.line}:${i.column}:${i.code}`)).toEqual([
      '2:teamId:not_found',
    ]);
    expect(await names(api)).toEqual(['Ferretería Norte']);
  });

  it('takes back what it exports, custom fields included, and names unknown columns', async () => {
    const from = await signIn();
    const to = await signIn();
    const field = {
      resource: 'crm.party',
      key: 'cajas_mes',
      label: 'Cajas por mes',
      type: 'number',
    };
    for (const api of [from, to])
      expect((await api.post('/api/v1/custom-fields', field)).status).toBe(201);
    for (const [i, name] of ['Distribuidora Sur', 'Bodega Cuyo', 'Lácteos Tandil'].entries()) {
      const res = await from.post('/api/v1/crm/parties', {
        kind: 'organization',
        name,
        isSupplier: true,
        tags: ['proveedor'],
        custom: { cajas_mes: (i + 1) * 40 },
      });
      expect(res.status).toBe(201);
    }
    const exported = await from.get('/api/v1/crm/parties/export.csv?custom.cajas_mes.gte=80');
    expect(exported.body.split('\n')[0]).toContain('custom.cajas_mes');
    const job = await importCsv(to, exported.body);
    expect(job.result, JSON.stringify(job)).toMatchObject({ imported: 2, issues: [] });
    const back = await to.get<{ items: { name: string; custom: { cajas_mes: number } }[] }>(
      '/api/v1/crm/parties?custom.cajas_mes.gte=80&sort=custom.cajas_mes',
    );
    expect(back.json.items.map((p) => [p.name, p.custom.cajas_mes])).toEqual([
      ['Bodega Cuyo', 80],
      ['Lácteos Tandil', 120],
    ]);

    const unknown = await importCsv(to, 'kind,name,color\norganization,X,rojo');
    expect(unknown.result?.issues).toEqual([
      expect.objectContaining({ line: 1, column: 'color', code: 'unknown_column' }),
    ]);
    const broken = await importCsv(to, 'kind,name\n"organization,X');
    expect(broken.state).toBe('failed');
    expect(broken.error?.code).toBe('invalid_csv');
  });

  it('is for those who may import: a salesperson gets 403', async () => {
    const sales = await signIn(['sales']);
    const res = await sales.post('/api/v1/crm/parties/import', { csv: 'kind,name\nperson,X' });
    expect(res.status).toBe(403);
  });
});
