import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import type { z } from 'zod';
import type {
  CreatePipelineInputSchema,
  StageInputSchema,
  UpdatePipelineInputSchema,
  UpdateStageInputSchema,
} from '@nexo/contracts';
import { PermissionService } from '@nexo/permissions';
import { DomainError, currentPrincipal, stale } from '@nexo/platform';
import { auditSnapshot } from '@nexo/records';
import { newId } from '@nexo/utils';
import { PipelineRepository, type PipelineRow, type StageRow } from './pipeline.repository.js';

export type { PipelineRow, StageRow } from './pipeline.repository.js';
/** A pipeline as it leaves the API, with its stages in order (not masked: `crm.pipeline` gates it whole). */
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
    @Inject(PipelineRepository) private readonly pipelines: PipelineRepository,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  async list(): Promise<PipelineView[]> {
    const tenantId = currentPrincipal().tenantId;
    const rows = await this.pipelines.all(tenantId);
    const allStages = await this.pipelines.stages.all(tenantId);
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
    const row = await this.pipelines.stages.byId(currentPrincipal().tenantId, id);
    if (!row) throw DomainError.notFound('Stage');
    return row;
  }

  async create(input: z.infer<typeof CreatePipelineInputSchema>): Promise<PipelineView> {
    await this.permissions.assertWritable('create', 'crm.pipeline', undefined, {
      name: input.name,
    });
    const tenantId = currentPrincipal().tenantId;
    const id = newId();
    if (input.isDefault) await this.pipelines.clearDefault(tenantId);
    const row = await this.pipelines.insertNew({
      tenantId,
      id,
      name: input.name,
      isDefault: input.isDefault,
    });
    if (!row) throw DomainError.conflict(`A pipeline named "${input.name}" exists`);
    await this.pipelines.stages.insertMany(
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

  async update(
    id: string,
    version: number,
    input: z.infer<typeof UpdatePipelineInputSchema>,
  ): Promise<PipelineView> {
    const before = await this.get(id);
    const tenantId = currentPrincipal().tenantId;
    if (input.isDefault) await this.pipelines.clearDefault(tenantId);
    const row = await this.pipelines.update(tenantId, id, version, input);
    if (!row) throw stale();
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
    const last = await this.pipelines.stages.lastPosition(tenantId, pipelineId);
    const row = await this.pipelines.stages.insert({
      tenantId,
      id: newId(),
      pipelineId,
      position: (last ?? -1) + 1,
      ...input,
    });
    await this.audit.record({
      action: 'create',
      resource: 'crm.stage',
      resourceId: row.id,
      after: auditSnapshot(row),
    });
    return stageView(row);
  }

  async updateStage(id: string, version: number, input: z.infer<typeof UpdateStageInputSchema>) {
    const before = await this.stage(id);
    if (input.position !== undefined && input.position !== before.position) {
      // Make room: the stages from the new position on shift by one.
      const siblings = await this.pipelines.stages.siblings(before.tenantId, before.pipelineId, id);
      const order = siblings.map((s) => s.id);
      order.splice(Math.min(input.position, order.length), 0, id);
      for (const [position, stageId] of order.entries()) {
        if (stageId !== id)
          await this.pipelines.stages.setPosition(before.tenantId, stageId, position);
      }
      input = { ...input, position: order.indexOf(id) };
    }
    const row = await this.pipelines.stages.update(before.tenantId, id, version, input);
    if (!row) throw stale();
    await this.audit.record({
      action: 'update',
      resource: 'crm.stage',
      resourceId: id,
      before: auditSnapshot(before),
      after: auditSnapshot(row),
    });
    return stageView(row);
  }
}
