import { Inject, Injectable } from '@nestjs/common';
import { Database, VersionedRecords, byId } from '@nexo/db';
import { and, asc, eq, max, ne } from 'drizzle-orm';
import { pipelines, stages } from '../db/crm.tables.js';

export type PipelineRow = typeof pipelines.$inferSelect;
export type StageRow = typeof stages.$inferSelect;

/** A pipeline's stages, in order: versioned records of the pipeline. */
export class StageRecords extends VersionedRecords<typeof stages> {
  constructor(database: Database) {
    super(database, stages);
  }

  /** Every stage of the company, in order (by position, then id). */
  async all(tenantId: string): Promise<StageRow[]> {
    return this.database
      .tx()
      .select()
      .from(stages)
      .where(eq(stages.tenantId, tenantId))
      .orderBy(asc(stages.position), asc(stages.id));
  }

  /** A pipeline's stages, in order. */
  async ofPipeline(tenantId: string, pipelineId: string): Promise<StageRow[]> {
    return this.database
      .tx()
      .select()
      .from(stages)
      .where(and(eq(stages.tenantId, tenantId), eq(stages.pipelineId, pipelineId)))
      .orderBy(asc(stages.position), asc(stages.id));
  }

  /** The other stages of a pipeline than `exceptId`, in order. */
  async siblings(tenantId: string, pipelineId: string, exceptId: string): Promise<StageRow[]> {
    return this.database
      .tx()
      .select()
      .from(stages)
      .where(
        and(
          eq(stages.tenantId, tenantId),
          eq(stages.pipelineId, pipelineId),
          ne(stages.id, exceptId),
        ),
      )
      .orderBy(asc(stages.position), asc(stages.id));
  }

  /** The highest position in a pipeline; undefined for none. */
  async lastPosition(tenantId: string, pipelineId: string): Promise<number | undefined> {
    const [last] = await this.database
      .tx()
      .select({ position: max(stages.position) })
      .from(stages)
      .where(and(eq(stages.tenantId, tenantId), eq(stages.pipelineId, pipelineId)));
    return last?.position ?? undefined;
  }

  async insertMany(rows: (typeof stages.$inferInsert)[]): Promise<void> {
    if (rows.length) await this.database.tx().insert(stages).values(rows);
  }

  /** Moves a stage to `position` without a new version (room made for another's move). */
  async setPosition(tenantId: string, id: string, position: number): Promise<void> {
    await this.database
      .tx()
      .update(stages)
      .set({ position })
      .where(byId(stages, tenantId, id));
  }
}

/** Pipelines and their stages (one aggregate): the queries, tenant first, on the request's transaction. */
@Injectable()
export class PipelineRepository extends VersionedRecords<typeof pipelines> {
  readonly stages: StageRecords;

  constructor(@Inject(Database) database: Database) {
    super(database, pipelines);
    this.stages = new StageRecords(database);
  }

  /** Every pipeline of the company, by name. */
  async all(tenantId: string): Promise<PipelineRow[]> {
    return this.database
      .tx()
      .select()
      .from(pipelines)
      .where(eq(pipelines.tenantId, tenantId))
      .orderBy(asc(pipelines.name));
  }

  /** A new pipeline; undefined when its name is taken. */
  async insertNew(row: typeof pipelines.$inferInsert): Promise<PipelineRow | undefined> {
    const [created] = await this.database
      .tx()
      .insert(pipelines)
      .values(row)
      .onConflictDoNothing()
      .returning();
    return created;
  }

  /** No pipeline of the company is the default any more. */
  async clearDefault(tenantId: string): Promise<void> {
    await this.database
      .tx()
      .update(pipelines)
      .set({ isDefault: false })
      .where(and(eq(pipelines.tenantId, tenantId), eq(pipelines.isDefault, true)));
  }
}
