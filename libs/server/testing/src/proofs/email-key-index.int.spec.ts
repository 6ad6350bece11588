import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../test-database.js';
import { planAndRows, useAppRoleClients } from './app-role-plan.js';

/**
 * Under RLS a condition reaches an index only if its functions are leakproof: `lower(email)`
 * is not, so an index on it never served the app role and a match by email read the tenant's
 * rows. Parties and contacts carry their email lower-cased and stored (`email_key`, migration
 * 0029); `email_key = $1` is an index condition, and the tenant policy still decides the rows.
 */
describe('emails matched under RLS', () => {
  const db = useTestDatabase();
  const { clients, tenants } = useAppRoleClients(db, 8);
  beforeAll(async () => {
    const { admin } = clients;
    // Enough parties, and companies, that the index beats reading a tenant's rows.
    await admin.query(
      `insert into crm.parties (tenant_id, id, kind, name, email)
       select t, gen_random_uuid(), 'organization', 'Party ' || g, 'Contacto' || g || '@Ejemplo.test'
       from unnest($1::uuid[]) t, generate_series(1, 3000) g`,
      [tenants],
    );
    await admin.query(
      `insert into crm.contacts (tenant_id, id, party_id, name, email)
       select tenant_id, gen_random_uuid(), id, name, email from crm.parties where tenant_id = any($1)`,
      [tenants],
    );
    await admin.query('analyze crm.parties, crm.contacts');
  });
  /** As the app role in company `as`: the plan of `condition` on `table` in `tenant`, and its emails. */
  async function match(
    table: string,
    condition: string,
    email: string,
    tenant: string,
    as = tenant,
  ) {
    const { plan, rows } = await planAndRows<{ email: string }>(
      clients.app,
      as,
      `select email from crm.${table} where tenant_id = $1 and ${condition}`,
      [tenant, email],
    );
    return { plan, emails: rows.map((r) => r.email) };
  }

  it.each(['parties', 'contacts'])(
    'finds %s by email through the index, whatever the case, in its own company only',
    async (table) => {
      const [a, b] = tenants as [string, string];
      // The old way: `lower(email)` stays a filter over the tenant's rows.
      const before = await match(table, 'lower(email) = $2', 'contacto17@ejemplo.test', a);
      expect(before.plan).not.toMatch(/Index Cond: .*lower/);
      expect(before.emails).toEqual(['Contacto17@Ejemplo.test']);

      const keyed = await match(table, 'email_key = $2', 'contacto17@ejemplo.test', a);
      expect(keyed.plan).toMatch(new RegExp(`${table}_tenant_email_key_idx`));
      expect(keyed.plan).toMatch(/Index Cond: .*email_key = /);
      expect(keyed.emails).toEqual(['Contacto17@Ejemplo.test']);

      // Another company sees nothing of it, even naming the first company's tenant.
      expect(
        (await match(table, 'email_key = $2', 'contacto17@ejemplo.test', a, b)).emails,
      ).toEqual([]);
    },
  );

  it('keeps the key in step with the email', async () => {
    const [a] = tenants as [string];
    await clients.admin.query(
      `update crm.parties set email = 'Nueva@Ejemplo.TEST' where tenant_id = $1 and name = 'Party 5'`,
      [a],
    );
    expect((await match('parties', 'email_key = $2', 'nueva@ejemplo.test', a)).emails).toEqual([
      'Nueva@Ejemplo.TEST',
    ]);
    await clients.admin.query(
      `update crm.parties set email = null where tenant_id = $1 and name = 'Party 5'`,
      [a],
    );
    expect((await match('parties', 'email_key = $2', 'nueva@ejemplo.test', a)).emails).toEqual([]);
  });
});
