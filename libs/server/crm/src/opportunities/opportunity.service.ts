import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import type { CreateOpportunityInput, UpdateOpportunityInputSchema } from '@nexo/contracts';
import { CustomFields } from '@nexo/custom-fields';
import { Database, parseListQuery, runList, type ListPage } from '@nexo/db';
import { EventOutbox } from '@nexo/events';
import { PermissionService, columnsOf } from '@nexo/permissions';
import { DomainError, currentPrincipal } from '@nexo/platform';
import { newId } from '@nexo/utils';
import { and, asc, desc, eq, gt, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { opportunities } from '../db/crm.tables.js';
import {
  OpportunityClosed,
  OpportunityCreated,
  OpportunityStageChanged,
} from '../events/crm.events.js';
import { PartyService } from '../parties/party.service.js';
import { PipelineService, type StageRow } from '../pipelines/pipeline.service.js';
import { bump, byId, noRowUpdated, updateAtVersion, withoutTenant } from '../shared/records.js';
import { defaultMember } from '../shared/references.js';
import { MAX_RANK_LENGTH, RANK_STEP, rankBetween } from './kanban-rank.js';
import { OPPORTUNITY_LIST } from './opportunity.list.js';

export type OpportunityRow = typeof opportunities.$inferSelect;
export type OpportunityView = Partial<Omit<OpportunityRow, 'tenantId'>> & { id: string };
const SUBJECT = 'crm.opportunity';

/** Opportunities: the pipeline's cards, their order, stage changes, wins and losses. */
@Injectable()
export class OpportunityService {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
    @Inject(CustomFields) private readonly customFields: CustomFields,
    @Inject(PipelineService) private readonly pipelines: PipelineService,
    @Inject(PartyService) private readonly parties: PartyService,
  ) {}

  async view(row: OpportunityRow): Promise<OpportunityView> {
    return (await this.permissions.viewer<OpportunityRow>(SUBJECT))(row);
  }

  /** The caller's scope on opportunities, for lists, the board and the forecast. */
  async scope(): Promise<ReturnType<typeof and>> {
    return and(
      eq(opportunities.tenantId, currentPrincipal().tenantId),
      await this.permissions.where('read', SUBJECT, columnsOf(opportunities)),
    );
  }

  async list(query: Record<string, unknown>): Promise<ListPage<OpportunityView>> {
    const custom = await this.customFields.listFields(SUBJECT, opportunities.custom, query);
    const list = parseListQuery(
      { ...OPPORTUNITY_LIST, fields: { ...OPPORTUNITY_LIST.fields, ...custom } },
      query,
      await this.scope(),
    );
    const tx = this.database.tx();
    const page = await runList(
      tx,
      list,
      (limit) =>
        tx
          .select({ row: opportunities, sortKey: list.sortValue })
          .from(opportunities)
          .where(list.where)
          .orderBy(...list.orderBy)
          .limit(limit),
      opportunities,
    );
    const view = await this.permissions.viewer<OpportunityRow>(SUBJECT);
    return { ...page, items: page.items.map(view) };
  }

  async load(id: string, action = 'read'): Promise<OpportunityRow> {
    const [row] = await this.database
      .tx()
      .select()
      .from(opportunities)
      .where(byId(opportunities, currentPrincipal().tenantId, id));
    if (!row) throw DomainError.notFound('Opportunity');
    await this.permissions.assertCan(action, SUBJECT, row);
    return row;
  }

  async get(id: string): Promise<OpportunityView> {
    return this.view(await this.load(id));
  }

  /** One writer per stage column at a time: concurrent moves into it queue, orders stay whole. */
  private async lockColumn(stageId: string): Promise<void> {
    await this.database
      .tx()
      .execute(sql`select pg_advisory_xact_lock(hashtextextended(${`crm.stage:${stageId}`}, 0))`);
  }

  /** The rank for a card placed after `afterId` (or first) in a stage, renumbering if crowded. */
  private async rankIn(
    stageId: string,
    movingId: string | null,
    afterId: string | null,
  ): Promise<string> {
    await this.lockColumn(stageId);
    const tenantId = currentPrincipal().tenantId;
    const tx = this.database.tx();
    const inColumn = and(
      eq(opportunities.tenantId, tenantId),
      eq(opportunities.stageId, stageId),
      movingId ? ne(opportunities.id, movingId) : undefined,
    );
    let before: string | null = null;
    if (afterId) {
      const [after] = await tx
        .select({ rank: opportunities.rank })
        .from(opportunities)
        .where(and(inColumn, eq(opportunities.id, afterId)));
      if (!after)
        throw DomainError.validation([
          {
            path: 'afterId',
            code: 'not_in_stage',
            message: 'That card is not in the target stage',
          },
        ]);
      before = after.rank;
    }
    const [next] = await tx
      .select({ rank: opportunities.rank })
      .from(opportunities)
      .where(and(inColumn, before === null ? undefined : gt(opportunities.rank, before)))
      .orderBy(asc(opportunities.rank))
      .limit(1);
    const rank = rankBetween(before, next?.rank ?? null);
    if (rank.length <= MAX_RANK_LENGTH) return rank;
    // Too many cards squeezed into one gap: space the column out again, then place.
    await tx.execute(sql`
      update crm.opportunities o set rank = r.n * ${RANK_STEP}
      from (select id, row_number() over (order by rank, id) as n from crm.opportunities
            where tenant_id = ${tenantId} and stage_id = ${stageId}) r
      where o.tenant_id = ${tenantId} and o.id = r.id`);
    return this.rankIn(stageId, movingId, afterId);
  }

  /** The last rank of a column + a step: new cards go to the end. */
  private async endOf(stageId: string): Promise<string> {
    await this.lockColumn(stageId);
    const [last] = await this.database
      .tx()
      .select({ rank: opportunities.rank })
      .from(opportunities)
      .where(
        and(
          eq(opportunities.tenantId, currentPrincipal().tenantId),
          eq(opportunities.stageId, stageId),
        ),
      )
      .orderBy(desc(opportunities.rank))
      .limit(1);
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
    const first = pipeline.stages.find((s) => !s.isWon && !s.isLost) ?? pipeline.stages[0];
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
      status: stage.isWon ? 'won' : stage.isLost ? 'lost' : 'open',
    };
    await this.permissions.assertWritable('create', SUBJECT, undefined, values);
    const [row] = await this.database
      .tx()
      .insert(opportunities)
      .values({
        tenantId: principal.tenantId,
        id: newId(),
        ...values,
        rank: await this.endOf(stage.id),
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await this.audit.record({
      action: 'create',
      resource: SUBJECT,
      resourceId: row.id,
      after: withoutTenant(row),
    });
    await this.outbox.publish(
      OpportunityCreated.of(row.id, {
        partyId: row.partyId,
        title: row.title,
        stageId: row.stageId,
      }),
    );
    return this.view(row);
  }

  async update(
    id: string,
    version: number,
    input: z.infer<typeof UpdateOpportunityInputSchema>,
  ): Promise<OpportunityView> {
    const before = await this.load(id, 'update');
    if (input.partyId) await this.parties.load(input.partyId);
    const changes = {
      ...input,
      ...(input.custom !== undefined
        ? { custom: await this.customFields.validate(SUBJECT, input.custom, before.custom) }
        : {}),
    };
    await this.permissions.assertWritable('update', SUBJECT, before, changes);
    const row = await updateAtVersion(
      this.database,
      opportunities,
      before.tenantId,
      id,
      version,
      changes,
    );
    if (!row) noRowUpdated(true);
    await this.audit.record({
      action: 'update',
      resource: SUBJECT,
      resourceId: id,
      before: withoutTenant(before),
      after: withoutTenant(row),
    });
    return this.view(row);
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
    const status = stage.isWon ? 'won' : stage.isLost ? 'lost' : 'open';
    const changes = {
      stageId: stage.id,
      status,
      lostReason: status === 'lost' ? reason : null,
      closedAt: status === 'open' ? null : (before.closedAt ?? new Date()),
    };
    await this.permissions.assertWritable('update', SUBJECT, before, { stageId: stage.id });
    const rank = await this.rankIn(stage.id, id, target.afterId);
    const [row] = await this.database
      .tx()
      .update(opportunities)
      .set({ ...changes, rank, ...bump(opportunities) })
      .where(byId(opportunities, before.tenantId, id))
      .returning();
    if (!row) throw DomainError.notFound('Opportunity');
    await this.audit.record({
      action: 'move',
      resource: SUBJECT,
      resourceId: id,
      before: withoutTenant(before),
      after: withoutTenant(row),
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
    if (before.status !== row.status && row.status !== 'open') {
      await this.outbox.publish(
        OpportunityClosed.of(id, {
          partyId: row.partyId,
          title: row.title,
          status: row.status as 'won' | 'lost',
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
    const stage = pipeline.stages.find((s) => (outcome === 'won' ? s.isWon : s.isLost));
    if (!stage) throw DomainError.conflict(`The pipeline has no ${outcome} stage`);
    return this.move(
      id,
      { stageId: stage.id, afterId: await this.lastCardOf(stage.id, id) },
      reason,
    );
  }

  private async lastCardOf(stageId: string, exceptId: string): Promise<string | null> {
    const [last] = await this.database
      .tx()
      .select({ id: opportunities.id })
      .from(opportunities)
      .where(
        and(
          eq(opportunities.tenantId, currentPrincipal().tenantId),
          eq(opportunities.stageId, stageId),
          ne(opportunities.id, exceptId),
        ),
      )
      .orderBy(desc(opportunities.rank))
      .limit(1);
    return last?.id ?? null;
  }
}
