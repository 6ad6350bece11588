import type { Database } from '@nexo/db';
import { requestContext } from '@nexo/platform';
import { createTenant } from '@nexo/testing';
import { newId } from '@nexo/utils';
import { locations, warehouses } from '../db/inventory.tables.js';

/**
 * Inventory's records for integration tests on a real PostgreSQL, written as the app role
 * under RLS in a transaction of the company; pass only what the test is about.
 */

/** A warehouse with its root location (code and path are the warehouse's code). */
export async function insertWarehouse(
  database: Database,
  tenantId: string,
  fields: Partial<typeof warehouses.$inferInsert> = {},
) {
  const suffix = newId().slice(-6);
  const [row] = await database.withContext({ tenantId }, async (tx) => {
    const made = await tx
      .insert(warehouses)
      .values({
        code: `W${suffix}`,
        name: `Warehouse ${suffix}`,
        ...fields,
        tenantId,
        id: fields.id ?? newId(),
      })
      .returning();
    const [w] = made;
    if (w)
      await tx.insert(locations).values({
        tenantId,
        id: newId(),
        warehouseId: w.id,
        kind: 'internal',
        code: w.code,
        name: w.name,
        path: w.code,
      });
    return made;
  });
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** An internal location under `parent` (a root or any other internal location). */
export async function insertLocation(
  database: Database,
  tenantId: string,
  parent: { id: string; warehouseId: string | null; path: string },
  fields: Partial<typeof locations.$inferInsert> = {},
) {
  const code = fields.code ?? `L${newId().slice(-6)}`;
  const [row] = await database.withContext({ tenantId }, (tx) =>
    tx
      .insert(locations)
      .values({
        name: `Location ${code}`,
        ...fields,
        code,
        path: `${parent.path}/${code}`,
        kind: 'internal',
        warehouseId: parent.warehouseId,
        parentId: parent.id,
        tenantId,
        id: fields.id ?? newId(),
      })
      .returning(),
  );
  if (!row) throw new Error('insert returned no row');
  return row;
}

/**
 * A new company and a way to run code as one request of its owner (principal and tenant
 * transaction), for services built by hand in integration tests.
 */
export async function ownerOfNewCompany(database: Database) {
  const tenant = await createTenant(database);
  const principal = {
    userId: newId(),
    tenantId: tenant.id,
    actor: 'employee' as const,
    membershipId: newId(),
    roles: ['owner'],
    issuedAt: 0,
  };
  const request = <T>(fn: () => Promise<T>): Promise<T> =>
    requestContext.run({ requestId: newId(), principal }, () =>
      database.withContext({ tenantId: tenant.id, userId: principal.userId }, fn),
    );
  return { tenantId: tenant.id, principal, request };
}
