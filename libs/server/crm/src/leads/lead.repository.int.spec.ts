import { type Database } from '@nexo/db';
import { createTenant, useTestDatabase } from '@nexo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  insertLead,
  insertOpportunity,
  insertParty,
  insertPipeline,
} from '../testing/crm.factories.js';
import { LeadRepository } from './lead.repository.js';

/** LeadRepository on a real PostgreSQL: the conversion's mark and a merge's references. */
describe('the lead repository', () => {
  const db = useTestDatabase();
  let database: Database;
  let repository: LeadRepository;
  let a: string;
  let b: string;
  beforeAll(async () => {
    database = db.current.database;
    repository = new LeadRepository(database);
    a = (await createTenant(database, 'Empresa A')).id;
    b = (await createTenant(database, 'Empresa B')).id;
  });
  const inTenant = <T>(tenantId: string, fn: () => Promise<T>) =>
    database.withContext({ tenantId }, fn);

  it('marks a lead converted into its party and opportunity, at a new version', async () => {
    const lead = await insertLead(database, a, { name: 'Ana', companyName: 'Lácteos Sur' });
    const party = await insertParty(database, a);
    const { pipeline, stages } = await insertPipeline(database, a);
    const opportunity = await insertOpportunity(database, a, {
      pipelineId: pipeline.id,
      stageId: stages[0]!.id,
      partyId: party.id,
    });
    const into = { partyId: party.id, opportunityId: opportunity.id };
    // Another company's conversion finds no lead.
    expect(await inTenant(b, () => repository.markConverted(b, lead.id, into))).toBeUndefined();
    expect(await inTenant(a, () => repository.markConverted(a, lead.id, into))).toMatchObject({
      status: 'converted',
      convertedPartyId: party.id,
      convertedOpportunityId: opportunity.id,
      convertedAt: expect.any(Date),
      version: 2,
    });
  });

  it("repoints a custom reference in the company's own leads only", async () => {
    const from = await insertParty(database, a);
    const to = await insertParty(database, a);
    const pointing = await insertLead(database, a, { custom: { cliente: from.id, nota: 'x' } });
    const elsewhere = await insertLead(database, a, { custom: { cliente: to.id } });
    const theirs = await insertLead(database, b, { custom: { cliente: from.id } });

    await inTenant(a, () => repository.repointCustomReference(a, 'cliente', from.id, to.id));
    expect((await inTenant(a, () => repository.byId(a, pointing.id)))?.custom).toEqual({
      cliente: to.id,
      nota: 'x',
    });
    expect((await inTenant(a, () => repository.byId(a, elsewhere.id)))?.custom).toEqual({
      cliente: to.id,
    });
    expect((await inTenant(b, () => repository.byId(b, theirs.id)))?.custom).toEqual({
      cliente: from.id,
    });
  });
});
