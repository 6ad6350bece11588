import { adminClient, useTestDatabase } from '@nexo/testing';
import { newId } from '@nexo/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createAccount, login, type TestAccount } from './helpers/accounts.js';
import { buildTestApp, type TestApp } from './helpers/test-app.js';

interface Page {
  items: { id: string; action: string; resource: string; occurredAt: string }[];
  nextCursor: string | null;
  count?: { value: number; capped: boolean };
}

/** The one list mechanism, exercised on the audit log with rows of two tenants. */
describe('list queries', () => {
  const db = useTestDatabase();
  let t: TestApp;
  let admin: TestAccount;
  let token: string;
  const ROWS = 230;
  beforeAll(async () => {
    t = await buildTestApp(db.current);
    admin = await createAccount(t.app, db.current, { roles: ['admin'] });
    const other = await createAccount(t.app, db.current, { roles: ['admin'] });
    token = (await login(t.app, admin)).accessToken;
    const client = await adminClient(db.current);
    // Several rows share each timestamp, so the id tiebreaker matters.
    await client.query(
      `insert into audit.audit_log (tenant_id, id, occurred_at, action, resource, resource_id)
       select $1::uuid, gen_random_uuid(), now() - ((g / 3) || ' seconds')::interval,
              case when g % 2 = 0 then 'create' else 'update' end,
              case when g % 5 = 0 then 'auth.member' else 'permissions.role' end, 'r-' || g
         from generate_series(1, $2::int) g`,
      [admin.tenantId, ROWS],
    );
    await client.query(
      `insert into audit.audit_log (tenant_id, id, action, resource, resource_id) values ($1, $2, 'create', 'auth.member', 'ajeno')`,
      [other.tenantId, newId()],
    );
    await client.end();
  });
  afterAll(async () => {
    await t.app.close();
  });

  const list = async (
    qs: string,
  ): Promise<{ status: number; body: Page & { issues?: { path: string; code: string }[] } }> => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audit/log?${qs}`,
      headers: bearer(token),
    });
    return { status: res.statusCode, body: res.json() };
  };

  it('walks every row exactly once through keyset pages, newest first', async () => {
    const seen: Page['items'] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const { status, body } = await list(`limit=50${cursor ? `&cursor=${cursor}` : ''}`);
      expect(status).toBe(200);
      seen.push(...body.items);
      cursor = body.nextCursor;
      pages++;
    }
    expect(pages).toBe(5);
    expect(seen).toHaveLength(ROWS);
    expect(new Set(seen.map((r) => r.id)).size).toBe(ROWS);
    const times = seen.map((r) => Date.parse(r.occurredAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(seen.some((r) => r.resource === 'auth.member' && r.action === 'create')).toBe(true);
  });

  it('filters with typed operators, searches text and counts with a cap', async () => {
    const members = await list('resource=auth.member&limit=200&count=true');
    expect(members.body.items.every((r) => r.resource === 'auth.member')).toBe(true);
    expect(members.body.items).toHaveLength(46);
    expect(members.body.count).toEqual({ value: 46, capped: false });
    const both = await list('action.in=create,update&resource.ne=auth.member&limit=200');
    expect(both.body.items).toHaveLength(ROWS - 46);
    const searched = await list('q=r-22&limit=200');
    expect(searched.body.items.map((r) => r.id).length).toBeGreaterThan(0);
    const ascending = await list('sort=occurredAt&limit=3');
    const times = ascending.body.items.map((r) => Date.parse(r.occurredAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('answers bad list queries with field issues', async () => {
    const bad = await list('colour=red&action.gt=x&sort=resource&limit=500&userId=nope&cursor=@@');
    expect(bad.status).toBe(400);
    expect(bad.body.issues?.map((i) => i.code).sort()).toEqual(
      [
        'invalid_cursor',
        'invalid_limit',
        'invalid_uuid',
        'not_sortable',
        'unknown_filter',
        'unknown_operator',
      ].sort(),
    );
  });
});
