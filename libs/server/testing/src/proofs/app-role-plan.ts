import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { createTenant } from '../tenants.factory.js';
import { adminClient, type useTestDatabase } from '../test-database.js';

/**
 * For the index proofs: an admin connection, an app-role connection and `count` companies of
 * the test database, opened before the file's tests and closed after.
 */
export function useAppRoleClients(db: ReturnType<typeof useTestDatabase>, count: number) {
  const clients = {
    admin: undefined as unknown as pg.Client,
    app: undefined as unknown as pg.Client,
  };
  const tenants: string[] = [];
  beforeAll(async () => {
    clients.admin = await adminClient(db.current);
    clients.app = new pg.Client({ connectionString: db.current.appUrl });
    await clients.app.connect();
    for (let n = 0; n < count; n++) tenants.push((await createTenant(db.current.database)).id);
  });
  afterAll(async () => {
    await clients.app.end();
    await clients.admin.end();
  });
  return { clients, tenants };
}

/**
 * As the app role in company `as`, in a transaction rolled back: the plan of `statement` with
 * `values` (EXPLAIN, text format) and the rows it returns.
 */
export async function planAndRows<R extends pg.QueryResultRow>(
  app: pg.Client,
  as: string,
  statement: string,
  values: unknown[],
): Promise<{ plan: string; rows: R[] }> {
  await app.query('begin');
  try {
    await app.query(`select set_config('app.tenant_id', $1, true)`, [as]);
    const explained = await app.query<{ 'QUERY PLAN': string }>(`explain ${statement}`, values);
    const found = await app.query<R>(statement, values);
    return { plan: explained.rows.map((r) => r['QUERY PLAN']).join('\n'), rows: found.rows };
  } finally {
    await app.query('rollback');
  }
}
