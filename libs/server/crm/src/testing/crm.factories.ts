import type { Database, Tx } from '@nexo/db';
import { newId } from '@nexo/utils';
import {
  activities,
  contacts,
  leads,
  opportunities,
  parties,
  pipelines,
  stages,
} from '../db/crm.tables.js';

/**
 * Records of the CRM for integration tests on a real PostgreSQL (never a mocked database).
 * Each factory writes in its own transaction of the company, as the app role under RLS like
 * any other write, and answers the row as stored; pass only what the test is about. The
 * company comes from `createTenant` (@nexo/testing).
 */
const inTenant = <T>(database: Database, tenantId: string, fn: (tx: Tx) => Promise<T[]>) =>
  database.withContext({ tenantId }, async (tx) => {
    const [row] = await fn(tx);
    if (!row) throw new Error('insert returned no row');
    return row;
  });

export type PartyFields = Partial<typeof parties.$inferInsert>;

export function insertParty(database: Database, tenantId: string, fields: PartyFields = {}) {
  return inTenant(database, tenantId, (tx) =>
    tx
      .insert(parties)
      .values({
        kind: 'organization',
        name: `Cliente ${newId().slice(-6)}`,
        ...fields,
        tenantId,
        id: fields.id ?? newId(),
      })
      .returning(),
  );
}

export function insertContact(
  database: Database,
  tenantId: string,
  partyId: string,
  fields: Partial<typeof contacts.$inferInsert> = {},
) {
  return inTenant(database, tenantId, (tx) =>
    tx
      .insert(contacts)
      .values({ name: 'Ana Pérez', ...fields, tenantId, partyId, id: fields.id ?? newId() })
      .returning(),
  );
}

export function insertLead(
  database: Database,
  tenantId: string,
  fields: Partial<typeof leads.$inferInsert> = {},
) {
  return inTenant(database, tenantId, (tx) =>
    tx
      .insert(leads)
      .values({ name: 'Interesado', ...fields, tenantId, id: fields.id ?? newId() })
      .returning(),
  );
}

/** The stages of a pipeline made by `insertPipeline` when none are given: open, won, lost. */
export const TEST_STAGES = [
  { name: 'Nuevo', probability: 10, isWon: false, isLost: false },
  { name: 'Propuesta', probability: 50, isWon: false, isLost: false },
  { name: 'Ganado', probability: 100, isWon: true, isLost: false },
  { name: 'Perdido', probability: 0, isWon: false, isLost: true },
];

/** A pipeline with its stages, positions in the order given. */
export async function insertPipeline(
  database: Database,
  tenantId: string,
  fields: Partial<typeof pipelines.$inferInsert> = {},
  stageFields: Omit<
    typeof stages.$inferInsert,
    'tenantId' | 'id' | 'pipelineId' | 'position'
  >[] = TEST_STAGES,
) {
  return database.withContext({ tenantId }, async (tx) => {
    const [pipeline] = await tx
      .insert(pipelines)
      .values({
        name: `Embudo ${newId().slice(-6)}`,
        ...fields,
        tenantId,
        id: fields.id ?? newId(),
      })
      .returning();
    if (!pipeline) throw new Error('insert returned no row');
    const rows = await tx
      .insert(stages)
      .values(
        stageFields.map((s, position) => ({
          ...s,
          tenantId,
          id: newId(),
          pipelineId: pipeline.id,
          position,
        })),
      )
      .returning();
    return { pipeline, stages: rows.sort((a, b) => a.position - b.position) };
  });
}

/** An opportunity in a stage (of its pipeline), at the rank given or 1024. */
export function insertOpportunity(
  database: Database,
  tenantId: string,
  fields: Pick<typeof opportunities.$inferInsert, 'pipelineId' | 'stageId'> &
    Partial<typeof opportunities.$inferInsert>,
) {
  return inTenant(database, tenantId, (tx) =>
    tx
      .insert(opportunities)
      .values({
        title: 'Oportunidad',
        currency: 'ARS',
        rank: '1024',
        ...fields,
        tenantId,
        id: fields.id ?? newId(),
      })
      .returning(),
  );
}

export function insertActivity(
  database: Database,
  tenantId: string,
  fields: Partial<typeof activities.$inferInsert> = {},
) {
  return inTenant(database, tenantId, (tx) =>
    tx
      .insert(activities)
      .values({ kind: 'note', subject: 'Llamado', ...fields, tenantId, id: fields.id ?? newId() })
      .returning(),
  );
}
