import { memberships } from '@nexo/auth/tables';
import { accessibleWhere, buildAbility } from '@nexo/permissions';
import { adminClient, createTenant, useTestDatabase } from '@nexo/testing';
import { newId } from '@nexo/utils';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bearer, createAccount, login } from './helpers/accounts.js';
import { useTestApp } from './helpers/test-app.js';

describe('roles administration and explain', () => {
  const db = useTestDatabase();
  const t = useTestApp(db);

  it('lets an admin create a role and assign it; the member’s access changes on the next request', async () => {
    const admin = await createAccount(t.app, db.current, { roles: ['admin'] });
    const seller = await createAccount(t.app, db.current, {
      tenantId: admin.tenantId,
      roles: ['sales'],
    });
    const adminToken = (await login(t.app, admin)).accessToken;
    const sellerToken = (await login(t.app, seller)).accessToken;
    const members = () =>
      t.app.inject({ method: 'GET', url: '/api/v1/auth/members', headers: bearer(sellerToken) });
    expect((await members()).statusCode).toBe(403);

    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/permissions/roles',
      headers: bearer(adminToken),
      payload: {
        key: 'jefe-ventas',
        name: 'Jefe de ventas',
        rules: [{ action: 'read', subject: 'auth.member' }],
      },
    });
    expect(created.statusCode).toBe(201);
    const assigned = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/permissions/memberships/${seller.membershipId}/roles`,
      headers: bearer(adminToken),
      payload: { roles: ['sales', 'jefe-ventas'] },
    });
    expect(assigned.statusCode).toBe(200);
    expect((await members()).statusCode).toBe(200); // same token, next request

    const explained = await t.app.inject({
      method: 'POST',
      url: '/api/v1/permissions/explain',
      headers: bearer(adminToken),
      payload: { membershipId: seller.membershipId, action: 'read', subject: 'auth.member' },
    });
    expect(explained.json()).toEqual({
      allowed: true,
      decidedBy: { role: 'jefe-ventas', rule: { action: 'read', subject: 'auth.member' } },
    });

    // A deny in the same role wins.
    const current = await t.app.inject({
      method: 'GET',
      url: '/api/v1/permissions/roles/jefe-ventas',
      headers: bearer(adminToken),
    });
    const patched = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/permissions/roles/jefe-ventas',
      headers: { ...bearer(adminToken), 'if-match': current.headers.etag as string },
      payload: {
        rules: [
          { action: 'read', subject: 'auth.member' },
          { action: 'read', subject: 'auth.member', inverted: true },
        ],
      },
    });
    expect(patched.statusCode).toBe(200);
    expect((await members()).statusCode).toBe(403);
    const denied = await t.app.inject({
      method: 'POST',
      url: '/api/v1/permissions/explain',
      headers: bearer(adminToken),
      payload: { membershipId: seller.membershipId, action: 'read', subject: 'auth.member' },
    });
    expect(denied.json()).toMatchObject({
      allowed: false,
      decidedBy: { role: 'jefe-ventas', rule: { inverted: true } },
    });

    const inUse = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/permissions/roles/jefe-ventas',
      headers: { ...bearer(adminToken), 'if-match': patched.headers.etag ?? '"2"' },
    });
    expect(inUse.statusCode).toBe(409);
  });

  it('refuses unknown roles, system role edits, malformed rules, and other tenants’ members', async () => {
    const admin = await createAccount(t.app, db.current, { roles: ['admin'] });
    const stranger = await createAccount(t.app, db.current, { roles: ['sales'] });
    const token = (await login(t.app, admin)).accessToken;
    const put = (id: string, roles: string[]) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/permissions/memberships/${id}/roles`,
        headers: bearer(token),
        payload: { roles },
      });
    expect((await put(admin.membershipId, ['no-existe'])).statusCode).toBe(422);
    expect((await put(stranger.membershipId, ['sales'])).statusCode).toBe(404);
    const editSystem = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/permissions/roles/admin',
      headers: { ...bearer(token), 'if-match': '"1"' },
      payload: { name: 'x' },
    });
    expect(editSystem.statusCode).toBe(403);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/permissions/roles',
      headers: bearer(token),
      payload: {
        key: 'rara',
        name: 'Rara',
        rules: [{ action: 'read', subject: 'x', conditions: { total: { $regexx: 'a' } } }],
      },
    });
    expect(bad.statusCode).toBe(400);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/permissions/roles',
      headers: bearer(token),
    });
    expect(
      list
        .json<{ key: string; system: boolean }[]>()
        .filter((r) => r.system)
        .map((r) => r.key),
    ).toContain('professional-accountant');
  });
});

describe('lists filtered in SQL, and RLS under the engine', () => {
  const db = useTestDatabase();
  const t = useTestApp(db);

  it('applies compiled rules in the database query', async () => {
    const a = await createAccount(t.app, db.current, { roles: ['sales'] });
    await createAccount(t.app, db.current, { tenantId: a.tenantId, roles: ['warehouse'] });
    await createAccount(t.app, db.current, { tenantId: a.tenantId, roles: ['sales', 'admin'] });
    const principal = {
      userId: a.userId,
      tenantId: a.tenantId,
      actor: 'employee' as const,
      membershipId: a.membershipId,
      roles: [],
      issuedAt: 0,
    };
    const simple = accessibleWhere(
      buildAbility(
        [
          {
            action: 'read',
            subject: 'auth.member',
            conditions: { user_id: { $ne: '$user' } },
            role: 'x',
          },
        ],
        principal,
      ),
      'read',
      'auth.member',
      { user_id: memberships.userId },
    );
    const rows = await db.current.database.withContext({ tenantId: a.tenantId }, (tx) =>
      tx.select({ userId: memberships.userId }).from(memberships).where(simple),
    );
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.userId)).not.toContain(a.userId);
  });

  it('confines a client principal to its own party even with no permission rules at all', async () => {
    const tenant = await createTenant(db.current.database);
    const partyA = newId();
    const partyB = newId();
    const admin = await adminClient(db.current);
    // A member's party is one of the company's (memberships_party_fk, migration 0031).
    for (const party of [partyA, partyB])
      await admin.query(
        `insert into crm.parties (tenant_id, id, kind, name) values ($1, $2, 'organization', 'Cliente')`,
        [tenant.id, party],
      );
    for (const [party, email] of [
      [partyA, 'a1'],
      [partyA, 'a2'],
      [partyB, 'b1'],
    ] as const) {
      const userId = newId();
      await admin.query(`insert into auth.users (id, email, name) values ($1, $2, 'Cliente')`, [
        userId,
        `${email}-${userId}@example.test`,
      ]);
      await admin.query(
        `insert into auth.memberships (tenant_id, id, user_id, actor, party_id) values ($1, $2, $3, 'client', $4)`,
        [tenant.id, newId(), userId, party],
      );
    }
    await admin.end();
    // Straight to the database as the app role: no engine, no service, only RLS.
    const asClient = await db.current.database.withContext(
      { tenantId: tenant.id, actor: 'client', partyId: partyA },
      (tx) => tx.select({ partyId: memberships.partyId }).from(memberships),
    );
    expect(asClient.map((r) => r.partyId)).toEqual([partyA, partyA]);
    const asEmployee = await db.current.database.withContext(
      { tenantId: tenant.id, actor: 'employee' },
      (tx) =>
        tx
          .select({ partyId: memberships.partyId })
          .from(memberships)
          .where(eq(memberships.tenantId, tenant.id)),
    );
    expect(asEmployee).toHaveLength(3);
    const noParty = await db.current.database.withContext(
      { tenantId: tenant.id, actor: 'supplier' },
      (tx) => tx.select({ partyId: memberships.partyId }).from(memberships),
    );
    expect(noParty).toEqual([]);
  });
});
