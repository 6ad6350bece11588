import type { Database } from '@nexo/db';
import { newId } from '@nexo/utils';
import { accounts } from '../db/accounts.tables.js';

/**
 * Accounts's records for integration tests on a real PostgreSQL, written as the app role
 * under RLS in a transaction of the company; pass only what the test is about.
 */
export async function insertAccount(
  database: Database,
  tenantId: string,
  fields: Partial<typeof accounts.$inferInsert> = {},
) {
  const [row] = await database.withContext({ tenantId }, (tx) =>
    tx
      .insert(accounts)
      .values({
        code: `${newId().slice(-8)}`,
        name: `Account ${newId().slice(-6)}`,
        type: 'asset',
        ...fields,
        tenantId,
        id: fields.id ?? newId(),
      })
      .returning(),
  );
  if (!row) throw new Error('insert returned no row');
  return row;
}
