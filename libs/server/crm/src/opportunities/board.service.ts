import { Inject, Injectable } from '@nestjs/common';
import { currentPrincipal } from '@nexo/platform';
import { Money } from '@nexo/utils';
import { PipelineService, type PipelineView } from '../pipelines/pipeline.service.js';
import { OpportunityRepository } from './opportunity.repository.js';
import { OpportunityService, type OpportunityView } from './opportunity.service.js';

const CARDS_PER_COLUMN = 50;

/** The kanban board and the weighted forecast of a pipeline, within the caller's scope. */
@Injectable()
export class BoardService {
  constructor(
    @Inject(OpportunityRepository) private readonly opportunityRecords: OpportunityRepository,
    @Inject(PipelineService) private readonly pipelines: PipelineService,
    @Inject(OpportunityService) private readonly opportunities: OpportunityService,
  ) {}

  async board(pipelineId: string): Promise<{
    pipeline: PipelineView;
    columns: { stageId: string; cards: OpportunityView[]; more: boolean }[];
  }> {
    const pipeline = await this.pipelines.get(pipelineId);
    const scope = await this.opportunities.scope();
    // In turn: the queries share the request's one connection.
    const columns = [];
    for (const stage of pipeline.stages) {
      const rows = await this.opportunityRecords.column(scope, stage.id, CARDS_PER_COLUMN + 1);
      columns.push({
        stageId: stage.id,
        cards: await Promise.all(
          rows.slice(0, CARDS_PER_COLUMN).map((r) => this.opportunities.view(r)),
        ),
        more: rows.length > CARDS_PER_COLUMN,
      });
    }
    return { pipeline: await this.pipelines.view(pipeline), columns };
  }

  /** Open amounts by stage and expected month, weighted by the stage's probability. */
  async forecast(pipelineId: string, currency?: string) {
    await this.pipelines.get(pipelineId);
    const inCurrency =
      currency ??
      (await this.opportunityRecords.companyCurrency(currentPrincipal().tenantId)) ??
      'ARS';
    const rows = await this.opportunityRecords.forecast(
      await this.opportunities.scope(),
      pipelineId,
      inCurrency,
    );
    // Exact sums rounded once, to the currency's minor unit (CLP none, KWD three).
    return {
      currency: inCurrency,
      rows: rows.map((r) => ({
        ...r,
        amount: Money.of(r.amount, inCurrency).round().toString(),
        weighted: Money.of(r.weighted, inCurrency).dividedBy('100').round().toString(),
      })),
    };
  }
}
