import { Numbering } from '@nexo/db';
import { adminClient, useTestDatabase } from '@nexo/testing';
import { describe, expect, it } from 'vitest';
import { createAccount, login, type TestAccount } from './helpers/accounts.js';
import { caller } from './helpers/catalog.js';
import { useTestApp } from './helpers/test-app.js';

const URL = '/api/v1/tenancy/number-series';

interface Series {
  id: string;
  documentType: string;
  series: string;
  prefix: string;
  next: number;
  year: number | null;
  preview: string;
  version: number;
}

/** Document number series as company settings: list, start, change; never backwards. */
describe('number series settings', () => {
  const db = useTestDatabase();
  const t = useTestApp(db);

  const as = async (account: TestAccount) =>
    caller(t.app, (await login(t.app, account)).accessToken);
  /** Numbers issued as a document would take them, each in its own committed transaction. */
  const issue = async (tenantId: string, count: number) => {
    const numbering = t.app.get(Numbering);
    const out: string[] = [];
    for (let i = 0; i < count; i++)
      out.push(
        await db.current.database.withContext(
          { tenantId },
          async () => (await numbering.next('invoice', 'A')).formatted,
        ),
      );
    return out;
  };

  it('starts a series, lists it with a preview, and the next document uses its settings', async () => {
    const owner = await createAccount(t.app, db.current, { roles: ['owner'] });
    const api = await as(owner);
    const created = await api('POST', URL, {
      documentType: 'invoice',
      series: 'A',
      prefix: 'FA-',
      padding: 6,
      next: 100,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ next: 100, preview: 'FA-000100', version: 1 });
    expect(created.headers.etag).toBe('"1"');
    const again = await api('POST', URL, { documentType: 'invoice', series: 'A' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'conflict' });

    expect(await issue(owner.tenantId, 2)).toEqual(['FA-000100', 'FA-000101']);
    const list = await api('GET', URL);
    expect(list.body).toEqual([
      expect.objectContaining({ documentType: 'invoice', series: 'A', next: 102, version: 1 }),
    ]);
  });

  it('moves the next number forward only, and changes prefix with If-Match', async () => {
    const owner = await createAccount(t.app, db.current, { roles: ['owner'] });
    const api = await as(owner);
    await issue(owner.tenantId, 5); // the first use creates the series: 1..5 issued
    const [series] = (await api('GET', URL)).body as Series[];
    if (!series) throw new Error('the series exists after its first number');
    const at = `${URL}/${series.id}`;

    const back = await api('PATCH', at, { next: 3 }, { 'if-match': '"1"' });
    expect(back.status).toBe(409);
    expect(back.body).toMatchObject({
      code: 'number_already_issued',
      issues: [{ path: 'next', code: 'number_already_issued' }],
    });
    expect((await api('PATCH', at, { prefix: 'X-' })).status).toBe(428);

    const forward = await api('PATCH', at, { next: 50, prefix: 'FB-' }, { 'if-match': '"1"' });
    expect(forward.status, JSON.stringify(forward.body)).toBe(200);
    expect(forward.body).toMatchObject({ next: 50, prefix: 'FB-', version: 2 });
    const stale = await api('PATCH', at, { prefix: 'FC-' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect(await issue(owner.tenantId, 1)).toEqual(['FB-00000050']);
    // Issuing does not stale the editor's ETag; the number just issued can't come back.
    const same = await api('PATCH', at, { next: 51 }, { 'if-match': '"2"' });
    expect(same.status).toBe(200);
    expect((await api('PATCH', at, { next: 50 }, { 'if-match': '"3"' })).status).toBe(409);

    const audit = await adminClient(db.current);
    const { rows } = await audit.query<{ action: string; before: object; after: object }>(
      `select action, before, after from audit.audit_log
        where tenant_id = $1 and resource = 'tenancy.number-series' order by occurred_at, id`,
      [owner.tenantId],
    );
    await audit.end();
    expect(rows.map((r) => r.action)).toEqual(['update', 'update']);
    expect(rows[0]).toMatchObject({
      before: { next: 6, prefix: '' },
      after: { next: 50, prefix: 'FB-' },
    });
  });

  it('keeps a yearly series counting from the number set this year', async () => {
    const owner = await createAccount(t.app, db.current, { roles: ['owner'] });
    const api = await as(owner);
    const year = new Date().getUTCFullYear();
    const created = await api('POST', URL, {
      documentType: 'credit-note',
      series: 'B',
      prefix: 'NC-',
      padding: 4,
      yearlyReset: true,
    });
    expect(created.body).toMatchObject({ next: 1, year, preview: `NC-${year}-0001` });
    const id = (created.body as Series).id;
    const moved = await api('PATCH', `${URL}/${id}`, { next: 40 }, { 'if-match': '"1"' });
    expect(moved.body).toMatchObject({ next: 40, preview: `NC-${year}-0040` });
    const taken = await db.current.database.withContext({ tenantId: owner.tenantId }, () =>
      t.app.get(Numbering).next('credit-note', 'B'),
    );
    expect(taken.formatted).toBe(`NC-${year}-0040`);
  });

  it('refuses bad input with field issues, roles without the permission, and other companies', async () => {
    const owner = await createAccount(t.app, db.current, { roles: ['owner'] });
    const sales = await createAccount(t.app, db.current, {
      tenantId: owner.tenantId,
      roles: ['sales'],
    });
    const stranger = await createAccount(t.app, db.current, { roles: ['owner'] });
    const api = await as(owner);
    const bad = await api('POST', URL, { documentType: 'pizza', series: 'a b', padding: 0 });
    expect(bad.status).toBe(400);
    expect((bad.body as { issues: { path: string }[] }).issues.map((i) => i.path).sort()).toEqual([
      'documentType',
      'padding',
      'series',
    ]);
    const created = await api('POST', URL, { documentType: 'quote', series: 'P' });
    const id = (created.body as Series).id;

    const bySales = await as(sales);
    expect((await bySales('GET', URL)).status).toBe(403);
    expect(
      (await bySales('PATCH', `${URL}/${id}`, { prefix: 'V-' }, { 'if-match': '"1"' })).status,
    ).toBe(403);

    const byStranger = await as(stranger);
    expect(
      (await byStranger('PATCH', `${URL}/${id}`, { prefix: 'S-' }, { 'if-match': '"1"' })).status,
    ).toBe(404);
    expect((await byStranger('GET', URL)).body).toEqual([]);
    expect((await api('GET', URL)).body).toEqual([
      expect.objectContaining({ id, prefix: '', version: 1 }),
    ]);
  });
});
