import { Database, updateAtVersion } from '@nexo/db';
import { roles } from '@nexo/permissions/tables';
import { newId } from '@nexo/utils';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from '../tenants.factory.js';
import { useTestDatabase } from '../test-database.js';

/**
 * `updateAtVersion` runs one statement per set of changed columns, built once per connection:
 * whatever values come next must land exactly as Drizzle's own UPDATE would write them.
 */
describe('an update at a version', () => {
  const db = useTestDatabase();
  // One connection: the statement built for a shape is reused by the updates after it.
  let single: Database;
  beforeAll(() => {
    single = new Database(db.current.appUrl, { max: 1, applicationName: 'nexo-test-single' });
  });
  afterAll(() => single.close());

  it('writes values through their columns, nulls as NULL, and only at the version read', async () => {
    const { id: tenantId } = await createTenant(db.current.database);
    const id = newId();
    const inTenant = <T>(fn: () => Promise<T>) => single.withContext({ tenantId }, fn);
    await inTenant(() =>
      single
        .tx()
        .insert(roles)
        .values({ tenantId, id, key: 'uno', name: 'Uno', description: 'Primera', rules: [] }),
    );
    const update = (version: number, changes: Parameters<typeof updateAtVersion>[5]) =>
      inTenant(() => updateAtVersion(single, roles, tenantId, id, version, changes));

    const rules = [{ action: 'read', subject: "crm.party's", conditions: { note: 'x"y' } }];
    expect(await update(1, { name: "D'os", rules })).toMatchObject({
      version: 2,
      name: "D'os",
      rules,
      description: 'Primera',
    });
    // The same columns again (the statement built for them), other values.
    expect(await update(2, { name: 'Tres', rules: [] })).toMatchObject({ version: 3, rules: [] });
    // A null is SQL NULL, written into the statement rather than passed through an encoder.
    expect(await update(3, { description: null })).toMatchObject({ version: 4, description: null });
    const { rows } = await inTenant(() =>
      single
        .tx()
        .execute<{ none: boolean }>(
          sql`select description is null as none from permissions.roles where id = ${id}`,
        ),
    );
    expect(rows).toEqual([{ none: true }]);
    // An old version changes nothing; a change given as SQL is built for itself.
    expect(await update(3, { name: 'Cuatro' })).toBeUndefined();
    expect(await update(4, { name: sql`upper(${roles.name})` })).toMatchObject({
      version: 5,
      name: 'TRES',
    });
  });
});
