import { PG_INSUFFICIENT_PRIVILEGE, pgErrorCode } from '@nexo/db';
import { adminClient, useTestDatabase } from '@nexo/testing';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bearer, createAccount, login } from './helpers/accounts.js';
import { useTestApp } from './helpers/test-app.js';

describe('mutation audit log', () => {
  const db = useTestDatabase();
  const t = useTestApp(db);

  it('writes one row per successful mutation and none for a failed one', async () => {
    const admin = await createAccount(t.app, db.current, { roles: ['admin'] });
    const member = await createAccount(t.app, db.current, {
      tenantId: admin.tenantId,
      roles: ['sales'],
    });
    const token = (await login(t.app, admin)).accessToken;
    const call = (
      method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
      url: string,
      payload?: object,
      headers: Record<string, string> = {},
    ) =>
      t.app.inject({
        method,
        url,
        headers: { ...bearer(token), ...headers },
        ...(payload ? { payload } : {}),
      });
    const rules = [{ action: 'read', subject: 'tenancy.tenant' }];

    const outcomes = [
      await call('POST', '/api/v1/permissions/roles', { key: 'auditada', name: 'Auditada', rules }), // 201
      await call('POST', '/api/v1/permissions/roles', { key: 'auditada', name: 'Otra vez', rules }), // 409
      await call('POST', '/api/v1/permissions/roles', {
        key: 'mala',
        name: 'Mala',
        rules: [{ action: 'read', subject: 'x', conditions: { a: { $where: 1 } } }],
      }), // 400
      await call(
        'PATCH',
        '/api/v1/permissions/roles/auditada',
        { name: 'Vieja' },
        { 'if-match': '"9"' },
      ), // 412
      await call(
        'PATCH',
        '/api/v1/permissions/roles/auditada',
        { name: 'Renombrada' },
        { 'if-match': '"1"' },
      ), // 200
      await call(
        'PUT',
        '/api/v1/permissions/memberships/00000000-0000-7000-8000-000000000000/roles',
        { roles: ['sales'] },
      ), // 404
      await call('PUT', `/api/v1/permissions/memberships/${member.membershipId}/roles`, {
        roles: ['sales', 'auditada'],
      }), // 200
      await call('DELETE', '/api/v1/permissions/roles/auditada', undefined, { 'if-match': '"2"' }), // 409 in use
    ];
    expect(outcomes.map((o) => o.statusCode)).toEqual([201, 409, 400, 412, 200, 404, 200, 409]);
    const successes = outcomes.filter((o) => o.statusCode < 300).length;

    const admin2 = await adminClient(db.current);
    const { rows } = await admin2.query<{
      action: string;
      resource: string;
      before: unknown;
      after: unknown;
      request_id: string | null;
      no_before: boolean;
    }>(
      `select action, resource, before, after, request_id, before is null as no_before
         from audit.audit_log where tenant_id = $1 order by occurred_at, id`,
      [admin.tenantId],
    );
    await admin2.end();
    expect(rows).toHaveLength(successes);
    expect(rows.map((r) => `${r.action} ${r.resource}`)).toEqual([
      'create permissions.role',
      'update permissions.role',
      'assign-roles auth.member',
    ]);
    // A create has no before: SQL NULL, not a JSON null.
    expect(rows[0]).toMatchObject({ before: null, no_before: true });
    // An update keeps only what changed.
    expect(rows[1]).toMatchObject({ before: { name: 'Auditada' }, after: { name: 'Renombrada' } });
    expect(rows.every((r) => r.request_id)).toBe(true);

    const history = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit/records/permissions.role/auditada',
      headers: bearer(token),
    });
    expect(history.json<{ action: string }[]>().map((r) => r.action)).toEqual(['update', 'create']);
    const search = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit/log?resource=auth.member',
      headers: bearer(token),
    });
    expect(
      search.json<{ items: { resourceId: string }[] }>().items.map((r) => r.resourceId),
    ).toEqual([member.membershipId]);
    const memberToken = (await login(t.app, member)).accessToken;
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/audit/log',
          headers: bearer(memberToken),
        })
      ).statusCode,
    ).toBe(403);
  });

  it('does not let the app role change or delete audit rows', async () => {
    const admin = await createAccount(t.app, db.current, { roles: ['admin'] });
    const token = (await login(t.app, admin)).accessToken;
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/permissions/roles',
      headers: bearer(token),
      payload: { key: 'intacta', name: 'Intacta', rules: [] },
    });
    const update = await db.current.database
      .withContext({ tenantId: admin.tenantId }, (tx) =>
        tx.execute(sql`update audit.audit_log set action = 'forged'`),
      )
      .catch((e: unknown) => e);
    expect(pgErrorCode(update)).toBe(PG_INSUFFICIENT_PRIVILEGE);
    const remove = await db.current.database
      .withContext({ tenantId: admin.tenantId }, (tx) =>
        tx.execute(sql`delete from audit.audit_log`),
      )
      .catch((e: unknown) => e);
    expect(pgErrorCode(remove)).toBe(PG_INSUFFICIENT_PRIVILEGE);
    const events = await db.current.database
      .withContext({ tenantId: admin.tenantId }, (tx) =>
        tx.execute(sql`update audit.security_events set outcome = 'success'`),
      )
      .catch((e: unknown) => e);
    expect(pgErrorCode(events)).toBe(PG_INSUFFICIENT_PRIVILEGE);
  });
});
