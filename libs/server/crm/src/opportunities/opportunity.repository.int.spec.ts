import { type Database } from '@nexo/db';
import { createTenant, useTestDatabase } from '@nexo/testing';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { opportunities } from '../db/crm.tables.js';
import { insertOpportunity, insertPipeline } from '../testing/crm.factories.js';
import { OpportunityRepository } from './opportunity.repository.js';

/** OpportunityRepository on a real PostgreSQL: kanban columns, placement, board and forecast. */
describe('the opportunity repository', () => {
  const db = useTestDatabase();
  let database: Database;
  let repository: OpportunityRepository;
  let a: string;
  let b: string;
  beforeAll(async () => {
    database = db.current.database;
    repository = new OpportunityRepository(database);
    a = (await createTenant(database, 'Empresa A')).id;
    b = (await createTenant(database, 'Empresa B')).id;
  });
  const inTenant = <T>(tenantId: string, fn: () => Promise<T>) =>
    database.withContext({ tenantId }, fn);

  it("reads a column's neighbours by rank, and respacing keeps the order", async () => {
    const { pipeline, stages } = await insertPipeline(database, a);
    const stageId = stages[0]!.id;
    const card = (rank: string) =>
      insertOpportunity(database, a, { pipelineId: pipeline.id, stageId, rank });
    const low = await card('1024');
    const mid = await card('1024.5');
    const high = await card('2048');

    await inTenant(a, async () => {
      await repository.lockColumn(stageId);
      expect(await repository.rankIn(a, stageId, mid.id, null)).toBe('1024.5');
      // The card being moved is not its own neighbour.
      expect(await repository.rankIn(a, stageId, mid.id, mid.id)).toBeUndefined();
      expect(await repository.nextRank(a, stageId, '1024', null)).toBe('1024.5');
      expect(await repository.nextRank(a, stageId, '1024', mid.id)).toBe('2048');
      expect(await repository.nextRank(a, stageId, null, null)).toBe('1024');
      expect(await repository.lastInColumn(a, stageId)).toEqual({ id: high.id, rank: '2048' });
      expect(await repository.lastInColumn(a, stageId, high.id)).toEqual({
        id: mid.id,
        rank: '1024.5',
      });

      await repository.respaceColumn(a, stageId, 1024);
      const column = await repository.column(eq(opportunities.tenantId, a), stageId, 10);
      expect(column.map((o) => [o.id, o.rank])).toEqual([
        [low.id, '1024'],
        [mid.id, '2048'],
        [high.id, '3072'],
      ]);
    });
  });

  it("keeps to the company's own cards, and a placement bumps the version", async () => {
    const ours = await insertPipeline(database, a);
    const theirs = await insertPipeline(database, b);
    const card = await insertOpportunity(database, a, {
      pipelineId: ours.pipeline.id,
      stageId: ours.stages[0]!.id,
    });
    await insertOpportunity(database, b, {
      pipelineId: theirs.pipeline.id,
      stageId: theirs.stages[0]!.id,
    });
    expect(await inTenant(a, () => repository.byId(a, card.id))).toMatchObject({ version: 1 });
    expect(await inTenant(b, () => repository.place(b, card.id, { rank: '1' }))).toBeUndefined();
    // The other company's column is empty to this one, named by id or not.
    expect(
      await inTenant(a, () => repository.lastInColumn(a, theirs.stages[0]!.id)),
    ).toBeUndefined();

    const won = ours.stages.find((s) => s.isWon)!;
    const placed = await inTenant(a, () =>
      repository.place(a, card.id, {
        stageId: won.id,
        status: 'won',
        closedAt: new Date(),
        rank: '4096',
      }),
    );
    expect(placed).toMatchObject({ version: 2, stageId: won.id, status: 'won', rank: '4096' });
    // A stale update at the version read before the placement writes nothing.
    expect(
      await inTenant(a, () => repository.update(a, card.id, 1, { title: 'Tarde' })),
    ).toBeUndefined();
  });

  it('forecasts open amounts in one currency by stage and month, weighted', async () => {
    const { pipeline, stages } = await insertPipeline(database, a);
    const [nuevo, propuesta, ganado] = stages;
    const add = (stageId: string, amount: string, fields: Record<string, unknown> = {}) =>
      insertOpportunity(database, a, { pipelineId: pipeline.id, stageId, amount, ...fields });
    await add(nuevo!.id, '1000.00', { expectedCloseDate: '2026-03-10' });
    await add(nuevo!.id, '500.00', { expectedCloseDate: '2026-03-20' });
    await add(propuesta!.id, '200.00');
    await add(propuesta!.id, '999.00', { currency: 'USD' });
    await add(ganado!.id, '7000.00', { status: 'won' });

    const rows = await inTenant(a, () =>
      repository.forecast(eq(opportunities.tenantId, a), pipeline.id, 'ARS'),
    );
    expect(rows).toEqual([
      {
        stageId: nuevo!.id,
        stageName: 'Nuevo',
        probability: 10,
        month: '2026-03',
        count: 2,
        // Exact sums (the service rounds them to the currency); weighted is × the percentage.
        amount: '1500.0000',
        weighted: '15000.0000',
      },
      {
        stageId: propuesta!.id,
        stageName: 'Propuesta',
        probability: 50,
        month: 'none',
        count: 1,
        amount: '200.0000',
        weighted: '10000.0000',
      },
    ]);
    expect(await inTenant(a, () => repository.companyCurrency(a))).toEqual(expect.any(String));
  });
});
