import { randomBytes } from 'node:crypto';
import type { Database } from '@nexo/db';
import { tenants } from '@nexo/tenancy/tables';
import { newId } from '@nexo/utils';

/** A new company for one test, through the app role and RLS like any other write. */
export async function createTenant(
  database: Database,
  name = 'Empresa de prueba',
): Promise<{ id: string; slug: string }> {
  const id = newId();
  const slug = `t-${randomBytes(6).toString('hex')}`;
  await database.withContext({ tenantId: id }, (tx) =>
    tx.insert(tenants).values({ id, slug, name }),
  );
  return { id, slug };
}
