import { TRIGRAM_THRESHOLD, tuneSimilarityOperator } from '@nexo/db';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../test-database.js';
import { planAndRows, useAppRoleClients } from './app-role-plan.js';

/**
 * Under RLS a condition reaches an index only if its functions are leakproof. The migrator
 * marks pg_trgm's `%` so (and sets the app role's threshold to the probe's), and the duplicate
 * probe's similar names then come from the trigram index instead of a similarity computed for
 * each of the tenant's parties; the tenant policy still decides which rows come back.
 */
describe('similar names under RLS', () => {
  const db = useTestDatabase();
  const { clients, tenants } = useAppRoleClients(db, 16);
  beforeAll(async () => {
    const { admin } = clients;
    // Enough parties, and companies, that reading the index beats reading the tenant's rows.
    await admin.query(
      `insert into crm.parties (tenant_id, id, kind, name)
       select t, gen_random_uuid(), 'organization',
         (array['Almacén', 'Panadería', 'Ferretería', 'Farmacia', 'Librería', 'Bodega'])[1 + g % 6]
         || ' ' || (array['Don Pedro', 'El Sol', 'Los Andes', 'La Esquina', 'Santa Rita'])[1 + g / 6 % 5]
         || ' ' || (array['de Tandil', 'de Salta', 'Norte', 'de Flores'])[1 + g / 30 % 4] || ' ' || g
       from unnest($1::uuid[]) t, generate_series(1, 3000) g`,
      [tenants],
    );
    await admin.query(
      `insert into crm.parties (tenant_id, id, kind, name)
       values ($1, gen_random_uuid(), 'organization', 'Lácteos Yaguareté')`,
      [tenants[1]],
    );
    await admin.query('analyze crm.parties');
  });
  /** As the app role in company `as`: the plan of the name probe in `tenant`, and its rows. */
  async function probe(tenant: string, name: string, as = tenant) {
    const { plan, rows } = await planAndRows<{ name: string }>(
      clients.app,
      as,
      `select name from crm.parties where tenant_id = $1 and name % $2`,
      [tenant, name],
    );
    return { plan, names: rows.map((r) => r.name) };
  }

  it("reads the trigram index once `%` is leakproof, its tenant's rows only, at the probe's threshold", async () => {
    await clients.admin.query(`alter function similarity_op(text, text) not leakproof cost 1`);
    const unmarked = await probe(tenants[1] as string, 'Lacteos Yaguarete');
    expect(unmarked.plan).not.toMatch(/Index Cond: .*%/);
    expect(unmarked.names).toEqual(['Lácteos Yaguareté']);

    expect(await tuneSimilarityOperator(clients.admin)).toBe(true);
    expect(await tuneSimilarityOperator(clients.admin)).toBe(true);
    const marked = await probe(tenants[1] as string, 'Lacteos Yaguarete');
    expect(marked.plan).toMatch(/parties_tenant_name_trgm_idx/);
    expect(marked.plan).toMatch(/Index Cond: .*%/);
    expect(marked.names).toEqual(['Lácteos Yaguareté']);
    // The other company sees nothing of it, in its own rows or naming the first one's tenant.
    expect((await probe(tenants[0] as string, 'Lacteos Yaguarete')).names).toEqual([]);
    const across = await probe(tenants[1] as string, 'Lacteos Yaguarete', tenants[0]);
    expect(across.names).toEqual([]);
    // The app role's `%` answers at the probe's threshold (a new session reads the setting).
    const fresh = new pg.Client({ connectionString: db.current.appUrl });
    await fresh.connect();
    try {
      // 0.33 alike: `%` at pg_trgm's default 0.3, not at the probe's threshold.
      const { rows } = await fresh.query<{ similar: boolean; threshold: string }>(
        `select 'Lácteos Yaguareté' % 'Lácteos Yaguareté Sociedad Anónima de Capital Variable'
                  as similar,
                current_setting('pg_trgm.similarity_threshold') as threshold`,
      );
      expect(rows).toEqual([{ similar: false, threshold: String(TRIGRAM_THRESHOLD) }]);
    } finally {
      await fresh.end();
    }
  });

  it('is left unmarked, and says so, when the migrating role is not a superuser', async () => {
    await clients.admin.query(`alter function similarity_op(text, text) not leakproof cost 1`);
    await clients.admin.query('set role nexo_owner');
    try {
      expect(await tuneSimilarityOperator(clients.admin)).toBe(false);
    } finally {
      await clients.admin.query('reset role');
    }
    const { rows } = await clients.admin.query(
      `select proleakproof from pg_proc where proname = 'similarity_op'`,
    );
    expect(rows).toEqual([{ proleakproof: false }]);
  });
});
