import { parseListQuery, type Database } from '@nexo/db';
import { createTenant, useTestDatabase } from '@nexo/testing';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { parties } from '../db/crm.tables.js';
import { insertContact, insertParty } from '../testing/crm.factories.js';
import { PARTY_LIST } from './party.list.js';
import { PartyRepository } from './party.repository.js';

/** PartyRepository on a real PostgreSQL, as the app role: tenant first, versions enforced. */
describe('the party repository', () => {
  const db = useTestDatabase();
  let database: Database;
  let repository: PartyRepository;
  let a: string;
  let b: string;
  beforeAll(async () => {
    database = db.current.database;
    repository = new PartyRepository(database);
    a = (await createTenant(database, 'Empresa A')).id;
    b = (await createTenant(database, 'Empresa B')).id;
  });
  const inTenant = <T>(tenantId: string, fn: () => Promise<T>) =>
    database.withContext({ tenantId }, fn);

  it("finds a company's own parties only: another company's id is no party", async () => {
    const ours = await insertParty(database, a, { name: 'Almacén Don Pedro' });
    const theirs = await insertParty(database, b, { name: 'Almacén Don Pedro' });
    expect(await inTenant(a, () => repository.byId(a, ours.id))).toMatchObject({
      id: ours.id,
      tenantId: a,
    });
    // Named with the other company's tenant id or not, RLS and the tenant-first key agree.
    expect(await inTenant(a, () => repository.byId(a, theirs.id))).toBeUndefined();
    expect(await inTenant(a, () => repository.byId(b, theirs.id))).toBeUndefined();

    const page = await inTenant(a, () =>
      repository.page(parseListQuery(PARTY_LIST, { q: 'don pedro' }, eq(parties.tenantId, a))),
    );
    expect(page.items.map((p) => p.id)).toEqual([ours.id]);
  });

  it('updates only at the version read; a stale version changes nothing', async () => {
    const party = await insertParty(database, a, { name: 'Kiosco 24' });
    expect(party.version).toBe(1);
    const updated = await inTenant(a, () =>
      repository.update(a, party.id, 1, { name: 'Kiosco 24 Horas', phone: null }),
    );
    expect(updated).toMatchObject({ version: 2, name: 'Kiosco 24 Horas', phone: null });
    // The caller read version 1: someone else's change came first.
    expect(
      await inTenant(a, () => repository.update(a, party.id, 1, { name: 'Otro nombre' })),
    ).toBeUndefined();
    // Another company's update at the right version finds no row either.
    expect(
      await inTenant(b, () => repository.update(b, party.id, 2, { name: 'Ajeno' })),
    ).toBeUndefined();
    expect(await inTenant(a, () => repository.byId(a, party.id))).toMatchObject({
      version: 2,
      name: 'Kiosco 24 Horas',
    });
    expect(await inTenant(a, () => repository.remove(a, party.id, 1))).toBe(false);
    expect(await inTenant(a, () => repository.remove(a, party.id, 2))).toBe(true);
    expect(await inTenant(a, () => repository.byId(a, party.id))).toBeUndefined();
  });

  it("lists a party's contacts primary first, and a merge moves only that party's", async () => {
    const source = await insertParty(database, a);
    const target = await insertParty(database, a);
    const other = await insertParty(database, a);
    const first = await insertContact(database, a, source.id, { name: 'Uno' });
    const primary = await insertContact(database, a, source.id, { name: 'Dos', isPrimary: true });
    const untouched = await insertContact(database, a, other.id, { name: 'Tres' });
    expect(
      (await inTenant(a, () => repository.contacts.ofParty(a, source.id))).map((c) => c.id),
    ).toEqual([primary.id, first.id]);

    await inTenant(a, () => repository.contacts.reassignParty(a, source.id, target.id));
    expect(
      (await inTenant(a, () => repository.contacts.ofParty(a, target.id))).map((c) => c.id),
    ).toEqual([primary.id, first.id]);
    expect(await inTenant(a, () => repository.contacts.ofParty(a, source.id))).toEqual([]);
    expect(
      (await inTenant(a, () => repository.contacts.ofParty(a, other.id))).map((c) => c.id),
    ).toEqual([untouched.id]);
  });

  it("probes duplicates by tax id, email and similar name, in the company's own parties", async () => {
    const taxed = await insertParty(database, a, { name: 'Lácteos del Sur', taxId: '30712345671' });
    const mailed = await insertParty(database, a, {
      name: 'Panadería Norte',
      email: 'ventas@norte.com',
    });
    await insertParty(database, b, { name: 'Lácteos del Sur', taxId: '30712345671' });
    await insertParty(database, a, { name: 'Lácteos Sur (viejo)', status: 'merged' });

    const byTax = await inTenant(a, () =>
      repository.duplicateCandidates(a, { taxId: '30712345671' }, undefined),
    );
    expect(byTax.map((r) => r.id)).toEqual([taxed.id]);
    const byEmail = await inTenant(a, () =>
      repository.duplicateCandidates(a, { email: 'VENTAS@norte.com' }, undefined),
    );
    expect(byEmail.map((r) => r.id)).toEqual([mailed.id]);
    const byName = await inTenant(a, () =>
      repository.duplicateCandidates(a, { name: 'Lacteos del Sur' }, undefined),
    );
    expect(byName.map((r) => r.id)).toEqual([taxed.id]);
    expect(byName[0]?.similarity).toBeGreaterThan(0.5);
    // The probe's own party is left out.
    expect(
      await inTenant(a, () =>
        repository.duplicateCandidates(a, { taxId: '30712345671', excludeId: taxed.id }, undefined),
      ),
    ).toEqual([]);
  });
});
