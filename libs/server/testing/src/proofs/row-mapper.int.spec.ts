import type { Tx } from '@nexo/db';
import { tenants } from '@nexo/tenancy/tables';
import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { alias } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from '../tenants.factory.js';
import { useTestDatabase } from '../test-database.js';

/**
 * `Database` maps result rows with a mapper compiled per selection (row-mapper.ts) instead of
 * Drizzle's own: the same queries must give the same objects, key order included, as stock
 * Drizzle gives on the same rows.
 */
describe('compiled row mapping', () => {
  const db = useTestDatabase();
  let pool: pg.Pool;
  beforeAll(() => {
    pool = new pg.Pool({ connectionString: db.current.appUrl, max: 1 });
    // The scratch database may be dropped (its connections terminated, 57P01) while the pool
    // is still ending: an idle client's error must not reach the runner as an unhandled one.
    pool.on('error', () => undefined);
  });
  afterAll(() => pool.end());

  /** The query run by stock Drizzle, in a transaction with the same tenant setting. */
  const stock = <T>(tenantId: string, query: (tx: Tx) => Promise<T>): Promise<T> =>
    drizzle({ client: pool }).transaction(async (tx) => {
      await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
      return query(tx);
    });

  const both = async <T>(tenantId: string, query: (tx: Tx) => Promise<T>) => {
    const compiled = await db.current.database.withContext({ tenantId }, query);
    const drizzled = await stock(tenantId, query);
    expect(compiled).toEqual(drizzled);
    // Same keys in the same order at every level (toEqual ignores order).
    expect(JSON.stringify(compiled)).toBe(JSON.stringify(drizzled));
    return compiled;
  };

  it('builds the same objects as Drizzle: whole rows, nested selections, SQL fields, nulls', async () => {
    const { id } = await createTenant(db.current.database, 'Mapeo, S.A.');

    const [row] = await both(id, (tx) => tx.select().from(tenants).where(eq(tenants.id, id)));
    expect(row?.name).toBe('Mapeo, S.A.');
    expect(row?.legalName).toBeNull();
    expect(row?.createdAt).toBeInstanceOf(Date);
    expect(row?.currencies).toEqual([]);

    const [nested] = await both(id, (tx) =>
      tx
        .select({
          tenant: tenants,
          n: sql<number>`41 + 1`.mapWith(Number),
          label: sql<string>`'x'`.as('label'),
          none: sql<null>`null`,
        })
        .from(tenants)
        .where(eq(tenants.id, id)),
    );
    expect(nested?.tenant.id).toBe(id);
    expect(nested?.n).toBe(42);
    expect(nested?.label).toBe('x');
    expect(nested?.none).toBeNull();
  });

  it("gives a left join's missing row as null, as Drizzle does", async () => {
    const { id } = await createTenant(db.current.database);
    const other = alias(tenants, 'other');
    const [row] = await both(id, (tx) =>
      tx
        .select({ tenant: tenants, other })
        .from(tenants)
        .leftJoin(other, sql`false`)
        .where(eq(tenants.id, id)),
    );
    expect(row?.tenant.id).toBe(id);
    expect(row?.other).toBeNull();
  });

  it('maps what a write returns', async () => {
    const { id } = await createTenant(db.current.database);
    const [updated] = await db.current.database.withContext({ tenantId: id }, (tx) =>
      tx
        .update(tenants)
        .set({ legalName: 'Razón social' })
        .where(eq(tenants.id, id))
        .returning({ id: tenants.id, legalName: tenants.legalName, at: tenants.updatedAt }),
    );
    expect(updated).toEqual({ id, legalName: 'Razón social', at: expect.any(Date) as Date });
  });
});
