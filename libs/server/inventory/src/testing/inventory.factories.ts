import type { Database } from '@nexo/db';
import { newId } from '@nexo/utils';
import { warehouses } from '../db/inventory.tables.js';

/**
 * Inventory's records for integration tests on a real PostgreSQL, written as the app role
 * under RLS in a transaction of the company; pass only what the test is about.
 */
export async function insertWarehouse(
  database: Database,
  tenantId: string,
  fields: Partial<typeof warehouses.$inferInsert> = {},
) {
  const [row] = await database.withContext({ tenantId }, (tx) =>
    tx
      .insert(warehouses)
      .values({
        name: `Warehouse ${newId().slice(-6)}`,
        ...fields,
        tenantId,
        id: fields.id ?? newId(),
      })
      .returning(),
  );
  if (!row) throw new Error('insert returned no row');
  return row;
}
