import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type {
  CreatePipelineInputSchema,
  StageInputSchema,
  UpdatePipelineInputSchema,
  UpdateStageInputSchema,
} from '@nexo/contracts';
import { DomainError, currentPrincipal } from '@nexo/platform';
import { RecordWrites, type Masked } from '@nexo/records';
import { newId } from '@nexo/utils';
import { PipelineRepository, type PipelineRow, type StageRow } from './pipeline.repository.js';

export type { PipelineRow, StageRow } from './pipeline.repository.js';
/** A pipeline with its stages in order, as stored: what the opportunity rules read. */
export type PipelineDetail = PipelineRow & { stages: StageRow[] };
/**
 * A stage as it leaves the API: what the caller may read of it by its pipeline's rules
 * (`crm.pipeline`: the routes read and change stages under it; `crm.stage` has write rules).
 */
export type StageView = Masked<StageRow>;
/** A pipeline as it leaves the API: what the caller may read of it, its stages each a StageView. */
export type PipelineView = Masked<PipelineRow & { stages: StageView[] }>;

const PIPELINE = 'crm.pipeline';
const STAGE = 'crm.stage';

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

/** Pipelines and their ordered stages (tenant-defined; the demo seeds two). */
@Injectable()
export class PipelineService {
  constructor(
    @Inject(PipelineRepository) private readonly pipelines: PipelineRepository,
    @Inject(RecordWrites) private readonly writes: RecordWrites,
  ) {}

  /** How pipelines, with their stages, are shown to the caller. One function for a list. */
  private async viewer(): Promise<(p: PipelineDetail) => PipelineView> {
    const pipeline = await this.writes.viewer<PipelineRow & { stages: StageView[] }>(PIPELINE);
    const stage = await this.writes.viewer<StageRow>(PIPELINE);
    return (p) => pipeline({ ...p, stages: p.stages.map(stage) });
  }

  /** What the caller may read of a pipeline and its stages (the board shows it so). */
  async view(detail: PipelineDetail): Promise<PipelineView> {
    return (await this.viewer())(detail);
  }

  private async stageView(row: StageRow): Promise<StageView> {
    return this.writes.view(PIPELINE, row);
  }

  async list(): Promise<PipelineView[]> {
    const view = await this.viewer();
    return (await this.details()).map(view);
  }

  private async details(): Promise<PipelineDetail[]> {
    const tenantId = currentPrincipal().tenantId;
    const rows = await this.pipelines.all(tenantId);
    const allStages = await this.pipelines.stages.all(tenantId);
    return rows.map((p) => ({ ...p, stages: allStages.filter((s) => s.pipelineId === p.id) }));
  }

  /** A pipeline with its stages, as stored; 404 when the company has none of that id. */
  async get(id: string): Promise<PipelineDetail> {
    const detail = await this.detail(id);
    if (!detail) throw DomainError.notFound('Pipeline');
    return detail;
  }

  private async detail(id: string): Promise<PipelineDetail | undefined> {
    const tenantId = currentPrincipal().tenantId;
    const row = await this.pipelines.byId(tenantId, id);
    return row && { ...row, stages: await this.pipelines.stages.ofPipeline(tenantId, id) };
  }

  /**
   * The pipeline to use when none is named: the default one, else the first; a company
   * with none gets the standard sales pipeline on its first opportunity.
   */
  async defaultPipeline(): Promise<PipelineDetail> {
    const all = await this.details();
    return all.find((p) => p.isDefault) ?? all[0] ?? this.insert(STANDARD_PIPELINE);
  }

  async stage(id: string): Promise<StageRow> {
    const row = await this.pipelines.stages.byId(currentPrincipal().tenantId, id);
    if (!row) throw DomainError.notFound('Stage');
    return row;
  }

  async create(input: z.infer<typeof CreatePipelineInputSchema>): Promise<PipelineView> {
    return this.view(await this.insert(input));
  }

  /** A new pipeline with its stages, audited whole. */
  private async insert(input: z.infer<typeof CreatePipelineInputSchema>): Promise<PipelineDetail> {
    const tenantId = currentPrincipal().tenantId;
    const id = newId();
    let created: PipelineDetail | undefined;
    await this.writes.create<PipelineDetail>({
      subject: PIPELINE,
      input: { name: input.name, isDefault: input.isDefault },
      insert: async () => {
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
        created = { ...row, stages: await this.pipelines.stages.ofPipeline(tenantId, id) };
        return created;
      },
    });
    if (!created) throw DomainError.notFound('Pipeline');
    return created;
  }

  async update(
    id: string,
    version: number,
    input: z.infer<typeof UpdatePipelineInputSchema>,
  ): Promise<PipelineView> {
    const tenantId = currentPrincipal().tenantId;
    await this.writes.update<PipelineRow>({
      subject: PIPELINE,
      name: 'Pipeline',
      input,
      load: () => this.pipelines.byId(tenantId, id),
      write: async () => {
        if (input.isDefault) await this.pipelines.clearDefault(tenantId);
        return this.pipelines.update(tenantId, id, version, input);
      },
    });
    return this.view(await this.get(id));
  }

  async addStage(pipelineId: string, input: z.infer<typeof StageInputSchema>): Promise<StageView> {
    await this.get(pipelineId);
    const tenantId = currentPrincipal().tenantId;
    let created: StageRow | undefined;
    await this.writes.create<StageRow>({
      subject: STAGE,
      input,
      insert: async () => {
        const last = await this.pipelines.stages.lastPosition(tenantId, pipelineId);
        created = await this.pipelines.stages.insert({
          tenantId,
          id: newId(),
          pipelineId,
          position: (last ?? -1) + 1,
          ...input,
        });
        return created;
      },
    });
    if (!created) throw DomainError.notFound('Stage');
    return this.stageView(created);
  }

  async updateStage(
    id: string,
    version: number,
    input: z.infer<typeof UpdateStageInputSchema>,
  ): Promise<StageView> {
    let updated: StageRow | undefined;
    await this.writes.update<StageRow>({
      subject: STAGE,
      name: 'Stage',
      input,
      load: () => this.pipelines.stages.byId(currentPrincipal().tenantId, id),
      write: async (before) => {
        updated = await this.pipelines.stages.update(
          before.tenantId,
          id,
          version,
          await this.placed(before, input),
        );
        return updated;
      },
    });
    if (!updated) throw DomainError.notFound('Stage');
    return this.stageView(updated);
  }

  /** The change, its position made room for: the stages from the new position on shift by one. */
  private async placed(
    before: StageRow,
    input: z.infer<typeof UpdateStageInputSchema>,
  ): Promise<z.infer<typeof UpdateStageInputSchema>> {
    if (input.position === undefined || input.position === before.position) return input;
    const siblings = await this.pipelines.stages.siblings(
      before.tenantId,
      before.pipelineId,
      before.id,
    );
    const order = siblings.map((s) => s.id);
    order.splice(Math.min(input.position, order.length), 0, before.id);
    for (const [position, stageId] of order.entries()) {
      if (stageId !== before.id)
        await this.pipelines.stages.setPosition(before.tenantId, stageId, position);
    }
    return { ...input, position: order.indexOf(before.id) };
  }
}
