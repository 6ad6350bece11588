import type { Database } from '@nexo/db';
import { createTenant, useTestDatabase } from '@nexo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertAccount } from '../testing/accounts.factories.js';
import { AccountRepository } from './account.repository.js';

/** AccountRepository on a real PostgreSQL: tenant first, and updates only at the version read. */
describe('the account repository', () => {
  const db = useTestDatabase();
  let database: Database;
  let repository: AccountRepository;
  let a: string;
  let b: string;
  beforeAll(async () => {
    database = db.current.database;
    repository = new AccountRepository(database);
    a = (await createTenant(database, 'Empresa A')).id;
    b = (await createTenant(database, 'Empresa B')).id;
  });
  const inTenant = <T>(tenantId: string, fn: () => Promise<T>) =>
    database.withContext({ tenantId }, fn);

  it("finds a company's record and never another's", async () => {
    const mine = await insertAccount(database, a, { name: 'Propio' });
    expect(await inTenant(a, () => repository.byId(a, mine.id))).toMatchObject({ name: 'Propio' });
    expect(await inTenant(b, () => repository.byId(b, mine.id))).toBeUndefined();
  });

  it('updates at the version read, and not at a stale one', async () => {
    const row = await insertAccount(database, a, { name: 'Antes' });
    const updated = await inTenant(a, () =>
      repository.update(a, row.id, row.version, { name: 'Después' }),
    );
    expect(updated).toMatchObject({ name: 'Después', version: row.version + 1 });
    expect(
      await inTenant(a, () => repository.update(a, row.id, row.version, { name: 'Otra' })),
    ).toBeUndefined();
  });
});
