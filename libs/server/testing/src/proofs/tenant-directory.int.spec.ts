import type { Database } from '@nexo/db';
import { TenantDirectory } from '@nexo/tenancy';
import { tenants } from '@nexo/tenancy/tables';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from '../tenants.factory.js';
import { useTestDatabase } from '../test-database.js';

/** TenantDirectory on a real PostgreSQL, as the app role: what other contexts read of a company. */
describe('the tenant directory', () => {
  const db = useTestDatabase();
  let database: Database;
  let directory: TenantDirectory;
  let a: { id: string; slug: string };
  let b: { id: string; slug: string };
  beforeAll(async () => {
    database = db.current.database;
    directory = new TenantDirectory(database);
    a = await createTenant(database, 'Empresa A');
    b = await createTenant(database, 'Empresa B');
  });
  const inTenant = <T>(tenantId: string, fn: () => Promise<T>) =>
    database.withContext({ tenantId }, fn);

  it("answers the company's summary, and today's date where it is", async () => {
    const [expected] = await inTenant(a.id, () =>
      database
        .tx()
        .execute<{ today: string }>(
          sql`select (now() at time zone 'America/Argentina/Buenos_Aires')::date::text as today`,
        )
        .then((r) => r.rows),
    );
    expect(await inTenant(a.id, () => directory.summaryOf(a.id))).toEqual({
      id: a.id,
      slug: a.slug,
      name: 'Empresa A',
      status: 'active',
      locale: 'es',
      currency: 'ARS',
      country: 'AR',
      taxCondition: null,
      timezone: 'America/Argentina/Buenos_Aires',
      requireMfaEmployees: false,
      today: expected?.today,
    });
  });

  it('shows no other company than RLS does: none of another tenant', async () => {
    expect(await inTenant(a.id, () => directory.summaryOf(b.id))).toBeUndefined();
    expect(await inTenant(a.id, () => directory.activeAmong([a.id, b.id]))).toEqual([
      expect.objectContaining({ id: a.id }),
    ]);
    expect(await inTenant(a.id, () => directory.activeAmong([]))).toEqual([]);
  });

  it('leaves a suspended company out of the active ones, not out of its summary', async () => {
    const c = await createTenant(database, 'Empresa C');
    await inTenant(c.id, () =>
      database.tx().update(tenants).set({ status: 'suspended' }).where(eq(tenants.id, c.id)),
    );
    expect(await inTenant(c.id, () => directory.activeAmong([c.id]))).toEqual([]);
    expect(await inTenant(c.id, () => directory.summaryOf(c.id))).toMatchObject({
      status: 'suspended',
    });
  });
});
