import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@nexo/db';
import { tenants } from '@nexo/tenancy/tables';
import { currentPrincipal } from '@nexo/platform';
import { and, asc, eq, sql } from 'drizzle-orm';
import { opportunities, stages } from '../db/crm.tables.js';
import { PipelineService, type PipelineView } from '../pipelines/pipeline.service.js';
import { OpportunityService, type OpportunityView } from './opportunity.service.js';

const CARDS_PER_COLUMN = 50;

/** The kanban board and the weighted forecast of a pipeline, within the caller's scope. */
@Injectable()
export class BoardService {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(PipelineService) private readonly pipelines: PipelineService,
    @Inject(OpportunityService) private readonly opportunities: OpportunityService,
  ) {}

  async board(pipelineId: string): Promise<{
    pipeline: PipelineView;
    columns: { stageId: string; cards: OpportunityView[]; more: boolean }[];
  }> {
    const pipeline = await this.pipelines.get(pipelineId);
    const scope = await this.opportunities.scope();
    const tx = this.database.tx();
    // One index range per column (tenant, stage, rank): cheap however long the column is.
    // In turn: the queries share the request's one connection.
    const columns = [];
    for (const stage of pipeline.stages) {
      const rows = await tx
        .select()
        .from(opportunities)
        .where(and(scope, eq(opportunities.stageId, stage.id)))
        .orderBy(asc(opportunities.rank), asc(opportunities.id))
        .limit(CARDS_PER_COLUMN + 1);
      columns.push({
        stageId: stage.id,
        cards: await Promise.all(
          rows.slice(0, CARDS_PER_COLUMN).map((r) => this.opportunities.view(r)),
        ),
        more: rows.length > CARDS_PER_COLUMN,
      });
    }
    return { pipeline, columns };
  }

  /** Open amounts by stage and expected month, weighted by the stage's probability. */
  async forecast(pipelineId: string, currency?: string) {
    await this.pipelines.get(pipelineId);
    const tx = this.database.tx();
    const [tenant] = await tx
      .select({ currency: tenants.currency })
      .from(tenants)
      .where(eq(tenants.id, currentPrincipal().tenantId));
    const inCurrency = currency ?? tenant?.currency ?? 'ARS';
    const month = sql<string>`coalesce(to_char(${opportunities.expectedCloseDate}, 'YYYY-MM'), 'none')`;
    const rows = await tx
      .select({
        stageId: stages.id,
        stageName: stages.name,
        probability: stages.probability,
        position: stages.position,
        month,
        count: sql<number>`count(*)::int`,
        amount: sql<string>`sum(${opportunities.amount})::numeric(18,2)::text`,
        weighted: sql<string>`sum(${opportunities.amount} * ${stages.probability} / 100)::numeric(18,2)::text`,
      })
      .from(opportunities)
      .innerJoin(
        stages,
        and(eq(stages.tenantId, opportunities.tenantId), eq(stages.id, opportunities.stageId)),
      )
      .where(
        and(
          await this.opportunities.scope(),
          eq(opportunities.pipelineId, pipelineId),
          eq(opportunities.status, 'open'),
          eq(opportunities.currency, inCurrency),
        ),
      )
      .groupBy(stages.id, stages.name, stages.probability, stages.position, month)
      .orderBy(asc(stages.position), asc(month));
    return {
      currency: inCurrency,
      rows: rows.map(({ position: _p, ...r }) => r),
    };
  }
}
