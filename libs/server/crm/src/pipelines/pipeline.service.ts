import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import type { z } from 'zod';
import type {
  CreatePipelineInputSchema,
  StageInputSchema,
  UpdatePipelineInputSchema,
  UpdateStageInputSchema,
} from '@nexo/contracts';
import { Database } from '@nexo/db';
import { PermissionService } from '@nexo/permissions';
import { DomainError, currentPrincipal } from '@nexo/platform';
import { newId } from '@nexo/utils';
import { and, asc, eq, max, ne } from 'drizzle-orm';
import { pipelines, stages } from '../db/crm.tables.js';
import { byId, noRowUpdated, updateAtVersion, withoutTenant } from '../shared/records.js';

export type StageRow = typeof stages.$inferSelect;
export type PipelineRow = typeof pipelines.$inferSelect;
export type PipelineView = Omit<PipelineRow, 'tenantId' | 'createdAt' | 'updatedAt'> & {
  stages: Omit<StageRow, 'tenantId' | 'createdAt' | 'updatedAt'>[];
};

/** What a new company starts with (Spanish first, like the rest of its data). */
export const STANDARD_PIPELINE = {
  name: 'Ventas',
  isDefault: true,
  stages: [
    { name: 'Nuevo', probability: 10, isWon: false, isLost: false },
    { name: 'Calificado', probability: 30, isWon: false, isLost: false },
    { name: 'Propuesta', probability: 60, isWon: false, isLost: false },
    { name: 'Negociación', probability: 80, isWon: false, isLost: false },
    { name: 'Ganado', probability: 100, isWon: true, isLost: false },
    { name: 'Perdido', probability: 0, isWon: false, isLost: true },
  ],
};

const stageView = ({ tenantId: _t, createdAt: _c, updatedAt: _u, ...s }: StageRow) => s;

/** Pipelines and their ordered stages (tenant-defined; the demo seeds two). */
@Injectable()
export class PipelineService {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  async list(): Promise<PipelineView[]> {
    const tenantId = currentPrincipal().tenantId;
    const tx = this.database.tx();
    const rows = await tx
      .select()
      .from(pipelines)
      .where(eq(pipelines.tenantId, tenantId))
      .orderBy(asc(pipelines.name));
    const allStages = await tx
      .select()
      .from(stages)
      .where(eq(stages.tenantId, tenantId))
      .orderBy(asc(stages.position), asc(stages.id));
    return rows.map((p) => this.view(p, allStages));
  }

  private view(p: PipelineRow, allStages: StageRow[]): PipelineView {
    const { tenantId: _t, createdAt: _c, updatedAt: _u, ...rest } = p;
    return { ...rest, stages: allStages.filter((s) => s.pipelineId === p.id).map(stageView) };
  }

  async get(id: string): Promise<PipelineView> {
    const found = (await this.list()).find((p) => p.id === id);
    if (!found) throw DomainError.notFound('Pipeline');
    return found;
  }

  /**
   * The pipeline to use when none is named: the default one, else the first; a company
   * with none gets the standard sales pipeline on its first opportunity.
   */
  async defaultPipeline(): Promise<PipelineView> {
    const all = await this.list();
    return all.find((p) => p.isDefault) ?? all[0] ?? this.create(STANDARD_PIPELINE);
  }

  async stage(id: string): Promise<StageRow> {
    const [row] = await this.database
      .tx()
      .select()
      .from(stages)
      .where(byId(stages, currentPrincipal().tenantId, id));
    if (!row) throw DomainError.notFound('Stage');
    return row;
  }

  async create(input: z.infer<typeof CreatePipelineInputSchema>): Promise<PipelineView> {
    await this.permissions.assertWritable('create', 'crm.pipeline', undefined, {
      name: input.name,
    });
    const tenantId = currentPrincipal().tenantId;
    const tx = this.database.tx();
    const id = newId();
    if (input.isDefault) await this.clearDefault();
    const [row] = await tx
      .insert(pipelines)
      .values({ tenantId, id, name: input.name, isDefault: input.isDefault })
      .onConflictDoNothing()
      .returning();
    if (!row) throw DomainError.conflict(`A pipeline named "${input.name}" exists`);
    await tx.insert(stages).values(
      input.stages.map((s, position) => ({
        tenantId,
        id: newId(),
        pipelineId: id,
        position,
        ...s,
      })),
    );
    await this.audit.record({
      action: 'create',
      resource: 'crm.pipeline',
      resourceId: id,
      after: input,
    });
    return this.get(id);
  }

  private async clearDefault(): Promise<void> {
    await this.database
      .tx()
      .update(pipelines)
      .set({ isDefault: false })
      .where(
        and(eq(pipelines.tenantId, currentPrincipal().tenantId), eq(pipelines.isDefault, true)),
      );
  }

  async update(
    id: string,
    version: number,
    input: z.infer<typeof UpdatePipelineInputSchema>,
  ): Promise<PipelineView> {
    const before = await this.get(id);
    if (input.isDefault) await this.clearDefault();
    const row = await updateAtVersion(
      this.database,
      pipelines,
      currentPrincipal().tenantId,
      id,
      version,
      input,
    );
    if (!row) noRowUpdated(true);
    await this.audit.record({
      action: 'update',
      resource: 'crm.pipeline',
      resourceId: id,
      before,
      after: input,
    });
    return this.get(id);
  }

  async addStage(pipelineId: string, input: z.infer<typeof StageInputSchema>) {
    await this.get(pipelineId);
    const tenantId = currentPrincipal().tenantId;
    const tx = this.database.tx();
    const [last] = await tx
      .select({ position: max(stages.position) })
      .from(stages)
      .where(and(eq(stages.tenantId, tenantId), eq(stages.pipelineId, pipelineId)));
    const [row] = await tx
      .insert(stages)
      .values({ tenantId, id: newId(), pipelineId, position: (last?.position ?? -1) + 1, ...input })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await this.audit.record({
      action: 'create',
      resource: 'crm.stage',
      resourceId: row.id,
      after: withoutTenant(row),
    });
    return stageView(row);
  }

  async updateStage(id: string, version: number, input: z.infer<typeof UpdateStageInputSchema>) {
    const before = await this.stage(id);
    const tx = this.database.tx();
    if (input.position !== undefined && input.position !== before.position) {
      // Make room: the stages from the new position on shift by one.
      const siblings = await tx
        .select()
        .from(stages)
        .where(
          and(
            eq(stages.tenantId, before.tenantId),
            eq(stages.pipelineId, before.pipelineId),
            ne(stages.id, id),
          ),
        )
        .orderBy(asc(stages.position), asc(stages.id));
      const order = siblings.map((s) => s.id);
      order.splice(Math.min(input.position, order.length), 0, id);
      for (const [position, stageId] of order.entries()) {
        if (stageId !== id)
          await tx
            .update(stages)
            .set({ position })
            .where(byId(stages, before.tenantId, stageId));
      }
      input = { ...input, position: order.indexOf(id) };
    }
    const row = await updateAtVersion(this.database, stages, before.tenantId, id, version, input);
    if (!row) noRowUpdated(true);
    await this.audit.record({
      action: 'update',
      resource: 'crm.stage',
      resourceId: id,
      before: withoutTenant(before),
      after: withoutTenant(row),
    });
    return stageView(row);
  }
}
