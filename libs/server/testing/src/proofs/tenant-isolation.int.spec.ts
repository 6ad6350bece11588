import { memberships, users } from '@nexo/auth/tables';
import { tenants } from '@nexo/tenancy/tables';
import { newId } from '@nexo/utils';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { PG_INSUFFICIENT_PRIVILEGE, pgErrorCode } from '@nexo/db';
import { createTenant } from '../tenants.factory.js';
import { adminClient, useTestDatabase } from '../test-database.js';

/** Every table with a tenant_id, read from the catalog so new tables are covered too. */
async function tenantTables(adminUrl: string): Promise<string[]> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const { rows } = await client.query<{ name: string }>(`
    select format('%I.%I', table_schema, table_name) as name from information_schema.columns
     where column_name = 'tenant_id' and table_schema not in ('pg_catalog', 'information_schema')`);
  await client.end();
  return rows.map((r) => r.name);
}

describe('tenant isolation through the app role', () => {
  const db = useTestDatabase();

  async function tenantWithMember(): Promise<{
    tenantId: string;
    membershipId: string;
    userId: string;
  }> {
    const { database } = db.current;
    const { id: tenantId } = await createTenant(database);
    const userId = newId();
    const membershipId = newId();
    await database.withContext({ tenantId }, async (tx) => {
      await tx
        .insert(users)
        .values({ id: userId, email: `${userId}@example.test`, name: 'Marker' });
      await tx
        .insert(memberships)
        .values({ tenantId, id: membershipId, userId, actor: 'employee', roles: ['marker'] });
    });
    return { tenantId, membershipId, userId };
  }

  it('connects as a role that cannot bypass RLS', async () => {
    const { rows } = await db.current.database.pool.query<{
      rolsuper: boolean;
      rolbypassrls: boolean;
    }>('select rolsuper, rolbypassrls from pg_roles where rolname = current_user');
    expect(rows).toEqual([{ rolsuper: false, rolbypassrls: false }]);
  });

  it('shows each tenant only its own rows', async () => {
    const a = await tenantWithMember();
    const b = await tenantWithMember();
    const { database } = db.current;
    for (const [me, other] of [
      [a, b],
      [b, a],
    ] as const) {
      await database.withContext({ tenantId: me.tenantId }, async (tx) => {
        const seenMemberships = await tx.select({ id: memberships.id }).from(memberships);
        expect(seenMemberships.map((m) => m.id)).toContain(me.membershipId);
        expect(seenMemberships.map((m) => m.id)).not.toContain(other.membershipId);
        const seenTenants = await tx.select({ id: tenants.id }).from(tenants);
        expect(seenTenants).toEqual([{ id: me.tenantId }]);
      });
    }
  });

  it('rejects inserting a row for another tenant', async () => {
    const a = await tenantWithMember();
    const b = await tenantWithMember();
    const error = await db.current.database
      .withContext({ tenantId: a.tenantId }, (tx) =>
        tx
          .insert(memberships)
          .values({ tenantId: b.tenantId, id: newId(), userId: a.userId, actor: 'employee' }),
      )
      .catch((e: unknown) => e);
    expect(pgErrorCode(error)).toBe(PG_INSUFFICIENT_PRIVILEGE);
  });

  it("cannot update another tenant's rows, nor move its own rows to another tenant", async () => {
    const a = await tenantWithMember();
    const b = await tenantWithMember();
    const { database } = db.current;
    const touched = await database.withContext({ tenantId: a.tenantId }, (tx) =>
      tx
        .update(memberships)
        .set({ roles: ['hijacked'] })
        .where(eq(memberships.id, b.membershipId))
        .returning(),
    );
    expect(touched).toEqual([]);
    const moved = await database
      .withContext({ tenantId: a.tenantId }, (tx) =>
        tx
          .update(memberships)
          .set({ tenantId: b.tenantId })
          .where(eq(memberships.id, a.membershipId)),
      )
      .catch((e: unknown) => e);
    expect(pgErrorCode(moved)).toBe(PG_INSUFFICIENT_PRIVILEGE);
    const deleted = await database.withContext({ tenantId: a.tenantId }, (tx) =>
      tx.delete(memberships).where(eq(memberships.id, b.membershipId)).returning(),
    );
    expect(deleted).toEqual([]);

    const admin = await adminClient(db.current);
    const { rows } = await admin.query(
      'select tenant_id, roles from auth.memberships where id = $1',
      [b.membershipId],
    );
    await admin.end();
    expect(rows).toEqual([{ tenant_id: b.tenantId, roles: ['marker'] }]);
  });

  it('shows nothing in any tenant table when no tenant is set', async () => {
    await tenantWithMember();
    const tables = await tenantTables(db.current.adminUrl);
    expect(tables.length).toBeGreaterThan(0);
    for (const table of [...tables, 'tenancy.tenants']) {
      const { rows } = await db.current.database.pool.query<{ n: number }>(
        `select count(*)::int as n from ${table}`,
      );
      expect({ table, n: rows[0]?.n }).toEqual({ table, n: 0 });
    }
    // And the settings do not leak from one pooled transaction into the next.
    const leaked = await db.current.database.pool.query<{ t: string | null }>(
      `select nullif(current_setting('app.tenant_id', true), '') as t`,
    );
    expect(leaked.rows[0]?.t).toBeNull();
  });

  it('rolls back everything when the work in a transaction fails', async () => {
    const a = await tenantWithMember();
    const { database } = db.current;
    const userId = newId();
    const membershipId = newId();
    await expect(
      database.withContext({ tenantId: a.tenantId }, async (tx) => {
        await tx
          .insert(users)
          .values({ id: userId, email: `${userId}@example.test`, name: 'Half' });
        await tx
          .insert(memberships)
          .values({ tenantId: a.tenantId, id: membershipId, userId, actor: 'employee' });
        throw new Error('interrupted half-way');
      }),
    ).rejects.toThrow('interrupted half-way');
    const admin = await adminClient(db.current);
    const left = await admin.query(
      'select (select count(*)::int from auth.users where id = $1) as users, (select count(*)::int from auth.memberships where id = $2) as memberships',
      [userId, membershipId],
    );
    await admin.end();
    expect(left.rows).toEqual([{ users: 0, memberships: 0 }]);
  });
});
