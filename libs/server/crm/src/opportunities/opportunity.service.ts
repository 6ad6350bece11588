import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import {
  amountDecimalsIssue,
  type CreateOpportunityInput,
  type UpdateOpportunityInputSchema,
} from '@nexo/contracts';
import { CustomFields } from '@nexo/custom-fields';
import type { ListPage } from '@nexo/db';
import { EventOutbox } from '@nexo/events';
import { PermissionService } from '@nexo/permissions';
import { DomainError, currentPrincipal } from '@nexo/platform';
import {
  RecordWrites,
  auditSnapshot,
  listRecords,
  recordScope,
  type Masked,
  type RecordList,
} from '@nexo/records';
import { newId } from '@nexo/utils';
import type { z } from 'zod';
import { opportunities } from '../db/crm.tables.js';
import { OpportunityClosed, OpportunityCreated, OpportunityStageChanged } from '../crm.events.js';
import { PartyService } from '../parties/party.service.js';
import { PipelineService, type StageRow } from '../pipelines/pipeline.service.js';
import { defaultMember } from '../shared/default-member.js';
import { MAX_RANK_LENGTH, RANK_STEP, rankBetween } from './kanban-rank.policy.js';
import { OPPORTUNITY_LIST } from './opportunity.list.js';
import { closedBy, closingStage, entryStage, moveTo, statusIn } from './opportunity.policy.js';
import { OpportunityRepository, type OpportunityRow } from './opportunity.repository.js';

export type { OpportunityRow } from './opportunity.repository.js';
/** An opportunity as it leaves the API: what the caller may read of it. */
export type OpportunityView = Masked<OpportunityRow>;
const SUBJECT = 'crm.opportunity';
const LIST: RecordList = {
  subject: SUBJECT,
  table: opportunities,
  definition: OPPORTUNITY_LIST,
  custom: opportunities.custom,
};

/** Opportunities: the pipeline's cards, their order, stage changes, wins and losses. */
@Injectable()
export class OpportunityService {
  constructor(
    @Inject(OpportunityRepository) private readonly opportunities: OpportunityRepository,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
    @Inject(CustomFields) private readonly customFields: CustomFields,
    @Inject(RecordWrites) private readonly writes: RecordWrites,
    @Inject(PipelineService) private readonly pipelines: PipelineService,
    @Inject(PartyService) private readonly parties: PartyService,
  ) {}

  async view(row: OpportunityRow): Promise<OpportunityView> {
    return (await this.permissions.viewer<OpportunityRow>(SUBJECT))(row);
  }

  /** The caller's scope on opportunities, for lists, the board and the forecast. */
  async scope(): ReturnType<typeof recordScope> {
    return recordScope(this.permissions, LIST);
  }

  async list(query: Record<string, unknown>): Promise<ListPage<OpportunityView>> {
    return listRecords(
      { permissions: this.permissions, customFields: this.customFields },
      { ...LIST, records: this.opportunities },
      query,
    );
  }

  async load(id: string, action = 'read'): Promise<OpportunityRow> {
    const row = await this.opportunities.byId(currentPrincipal().tenantId, id);
    if (!row) throw DomainError.notFound('Opportunity');
    await this.permissions.assertCan(action, SUBJECT, row);
    return row;
  }

  async get(id: string): Promise<OpportunityView> {
    return this.view(await this.load(id));
  }

  /** The rank for a card placed after `afterId` (or first) in a stage, renumbering if crowded. */
  private async rankIn(
    stageId: string,
    movingId: string | null,
    afterId: string | null,
  ): Promise<string> {
    await this.opportunities.lockColumn(stageId);
    const tenantId = currentPrincipal().tenantId;
    let before: string | null = null;
    if (afterId) {
      const after = await this.opportunities.rankIn(tenantId, stageId, afterId, movingId);
      if (after === undefined)
        throw DomainError.validation([
          {
            path: 'afterId',
            code: 'not_in_stage',
            message: 'That card is not in the target stage',
          },
        ]);
      before = after;
    }
    const next = await this.opportunities.nextRank(tenantId, stageId, before, movingId);
    const rank = rankBetween(before, next);
    if (rank.length <= MAX_RANK_LENGTH) return rank;
    // Too many cards squeezed into one gap: space the column out again, then place.
    await this.opportunities.respaceColumn(tenantId, stageId, RANK_STEP);
    return this.rankIn(stageId, movingId, afterId);
  }

  /** The last rank of a column + a step: new cards go to the end. */
  private async endOf(stageId: string): Promise<string> {
    await this.opportunities.lockColumn(stageId);
    const last = await this.opportunities.lastInColumn(currentPrincipal().tenantId, stageId);
    return rankBetween(last?.rank ?? null, null);
  }

  private async resolveStage(input: {
    pipelineId?: string | undefined;
    stageId?: string | undefined;
  }): Promise<StageRow> {
    if (input.stageId) {
      const stage = await this.pipelines.stage(input.stageId);
      if (input.pipelineId && stage.pipelineId !== input.pipelineId)
        throw DomainError.validation([
          {
            path: 'stageId',
            code: 'wrong_pipeline',
            message: 'The stage belongs to another pipeline',
          },
        ]);
      return stage;
    }
    const pipeline = input.pipelineId
      ? await this.pipelines.get(input.pipelineId)
      : await this.pipelines.defaultPipeline();
    const first = entryStage(pipeline.stages);
    if (!first) throw DomainError.conflict('The pipeline has no stages');
    return this.pipelines.stage(first.id);
  }

  async create(input: CreateOpportunityInput): Promise<OpportunityView> {
    const principal = currentPrincipal();
    const stage = await this.resolveStage(input);
    if (input.partyId) await this.parties.load(input.partyId);
    const { pipelineId: _p, stageId: _s, ...fields } = input;
    const values = {
      ...fields,
      pipelineId: stage.pipelineId,
      stageId: stage.id,
      ownerId: fields.ownerId ?? defaultMember(principal),
      custom: await this.customFields.validate(SUBJECT, fields.custom),
      status: statusIn(stage),
    };
    return this.writes.create({
      subject: SUBJECT,
      input: values,
      insert: async () =>
        this.opportunities.insert({
          tenantId: principal.tenantId,
          id: newId(),
          ...values,
          rank: await this.endOf(stage.id),
        }),
      event: (row) =>
        OpportunityCreated.of(row.id, {
          partyId: row.partyId,
          title: row.title,
          stageId: row.stageId,
        }),
    });
  }

  async update(
    id: string,
    version: number,
    input: z.infer<typeof UpdateOpportunityInputSchema>,
  ): Promise<OpportunityView> {
    const before = await this.load(id, 'update');
    if (input.partyId) await this.parties.load(input.partyId);
    // An amount keeps its currency's decimals: a change of either is checked with the other.
    const amountIssue =
      (input.amount !== undefined || input.currency !== undefined) &&
      amountDecimalsIssue(input.amount ?? before.amount, input.currency ?? before.currency);
    if (amountIssue)
      throw DomainError.validation([{ path: 'amount', code: 'custom', message: amountIssue }]);
    const changes = {
      ...input,
      ...(input.custom !== undefined
        ? { custom: await this.customFields.validate(SUBJECT, input.custom, before.custom) }
        : {}),
    };
    return this.writes.update({
      subject: SUBJECT,
      name: 'Opportunity',
      input: changes,
      load: () => Promise.resolve(before),
      write: () => this.opportunities.update(before.tenantId, id, version, changes),
    });
  }

  /**
   * One request moves a card: to a stage (of the same pipeline), after a card or first.
   * A won or lost stage closes the opportunity; leaving one reopens it.
   */
  async move(
    id: string,
    target: { stageId: string; afterId: string | null },
    reason: string | null = null,
  ): Promise<OpportunityView> {
    const before = await this.load(id, 'update');
    const stage = await this.pipelines.stage(target.stageId);
    if (stage.pipelineId !== before.pipelineId)
      throw DomainError.validation([
        { path: 'stageId', code: 'wrong_pipeline', message: 'Move within the same pipeline' },
      ]);
    const changes = moveTo(before, stage, reason, new Date());
    await this.permissions.assertWritable('update', SUBJECT, before, { stageId: stage.id });
    const rank = await this.rankIn(stage.id, id, target.afterId);
    const row = await this.opportunities.place(before.tenantId, id, { ...changes, rank });
    if (!row) throw DomainError.notFound('Opportunity');
    await this.audit.record({
      action: 'move',
      resource: SUBJECT,
      resourceId: id,
      before: auditSnapshot(before),
      after: auditSnapshot(row),
    });
    if (before.stageId !== row.stageId) {
      const from = await this.pipelines.stage(before.stageId);
      await this.outbox.publish(
        OpportunityStageChanged.of(id, {
          partyId: row.partyId,
          title: row.title,
          fromStageId: from.id,
          fromStage: from.name,
          toStageId: stage.id,
          toStage: stage.name,
        }),
      );
    }
    if (closedBy(before, row)) {
      await this.outbox.publish(
        OpportunityClosed.of(id, {
          partyId: row.partyId,
          title: row.title,
          status: row.status,
          reason: row.lostReason,
          amount: row.amount,
          currency: row.currency,
        }),
      );
    }
    return this.view(row);
  }

  /** Won or lost: to the end of the pipeline's first stage of that kind. */
  async close(
    id: string,
    outcome: 'won' | 'lost',
    reason: string | null = null,
  ): Promise<OpportunityView> {
    const current = await this.load(id, 'update');
    const pipeline = await this.pipelines.get(current.pipelineId);
    const stage = closingStage(pipeline.stages, outcome);
    if (!stage) throw DomainError.conflict(`The pipeline has no ${outcome} stage`);
    return this.move(
      id,
      { stageId: stage.id, afterId: await this.lastCardOf(stage.id, id) },
      reason,
    );
  }

  private async lastCardOf(stageId: string, exceptId: string): Promise<string | null> {
    const last = await this.opportunities.lastInColumn(
      currentPrincipal().tenantId,
      stageId,
      exceptId,
    );
    return last?.id ?? null;
  }
}
