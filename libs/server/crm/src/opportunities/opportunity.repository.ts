import { Inject, Injectable } from '@nestjs/common';
import { Database, VersionedRecords, bump, byId } from '@nexo/db';
import { TenantDirectory } from '@nexo/tenancy';
import { and, asc, desc, eq, gt, ne, sql, type SQL } from 'drizzle-orm';
import { opportunities, stages } from '../db/crm.tables.js';
import { repointCustomReference } from '../shared/custom-reference.js';

export type OpportunityRow = typeof opportunities.$inferSelect;

/** One row of the forecast: a stage and an expected month, with its open and weighted sums. */
export interface ForecastRow {
  stageId: string;
  stageName: string;
  probability: number;
  month: string;
  count: number;
  amount: string;
  weighted: string;
}

/**
 * Opportunities: the versioned-record queries, the kanban columns' ranks and the forecast;
 * tenant first, on the request's transaction.
 */
@Injectable()
export class OpportunityRepository extends VersionedRecords<typeof opportunities> {
  /** The company is tenancy's: its base currency is read through tenancy's directory. */
  private readonly tenants: TenantDirectory;

  constructor(@Inject(Database) database: Database) {
    super(database, opportunities);
    this.tenants = new TenantDirectory(database);
  }

  /** One writer per stage column at a time: concurrent moves into it queue, orders stay whole. */
  async lockColumn(stageId: string): Promise<void> {
    await this.database
      .tx()
      .execute(sql`select pg_advisory_xact_lock(hashtextextended(${`crm.stage:${stageId}`}, 0))`);
  }

  private inColumn(tenantId: string, stageId: string, exceptId: string | null): SQL | undefined {
    return and(
      eq(opportunities.tenantId, tenantId),
      eq(opportunities.stageId, stageId),
      exceptId ? ne(opportunities.id, exceptId) : undefined,
    );
  }

  /** The rank of card `id` in the column (leaving `exceptId` out); undefined when not in it. */
  async rankIn(
    tenantId: string,
    stageId: string,
    id: string,
    exceptId: string | null,
  ): Promise<string | undefined> {
    const [card] = await this.database
      .tx()
      .select({ rank: opportunities.rank })
      .from(opportunities)
      .where(and(this.inColumn(tenantId, stageId, exceptId), eq(opportunities.id, id)));
    return card?.rank;
  }

  /** The first rank of the column after `after` (or the first of all), leaving `exceptId` out. */
  async nextRank(
    tenantId: string,
    stageId: string,
    after: string | null,
    exceptId: string | null,
  ): Promise<string | null> {
    const [next] = await this.database
      .tx()
      .select({ rank: opportunities.rank })
      .from(opportunities)
      .where(
        and(
          this.inColumn(tenantId, stageId, exceptId),
          after === null ? undefined : gt(opportunities.rank, after),
        ),
      )
      .orderBy(asc(opportunities.rank))
      .limit(1);
    return next?.rank ?? null;
  }

  /** The column's last card (leaving `exceptId` out), if any. */
  async lastInColumn(
    tenantId: string,
    stageId: string,
    exceptId: string | null = null,
  ): Promise<{ id: string; rank: string } | undefined> {
    const [last] = await this.database
      .tx()
      .select({ id: opportunities.id, rank: opportunities.rank })
      .from(opportunities)
      .where(this.inColumn(tenantId, stageId, exceptId))
      .orderBy(desc(opportunities.rank))
      .limit(1);
    return last;
  }

  /** Spaces a crowded column out again: the cards keep their order, `step` apart. */
  async respaceColumn(tenantId: string, stageId: string, step: number): Promise<void> {
    await this.database.tx().execute(sql`
      update crm.opportunities o set rank = r.n * ${step}
      from (select id, row_number() over (order by rank, id) as n from crm.opportunities
            where tenant_id = ${tenantId} and stage_id = ${stageId}) r
      where o.tenant_id = ${tenantId} and o.id = r.id`);
  }

  /** A card's move (stage, rank, status), whatever version it is at: the column is locked. */
  async place(
    tenantId: string,
    id: string,
    changes: Partial<typeof opportunities.$inferInsert>,
  ): Promise<OpportunityRow | undefined> {
    const [row] = await this.database
      .tx()
      .update(opportunities)
      .set({ ...changes, ...bump(opportunities) })
      .where(byId(opportunities, tenantId, id))
      .returning();
    return row;
  }

  /** The first `limit` cards of a stage within `scope` (tenant first), by rank. */
  async column(scope: SQL | undefined, stageId: string, limit: number): Promise<OpportunityRow[]> {
    // One index range per column (tenant, stage, rank): cheap however long the column is.
    return this.database
      .tx()
      .select()
      .from(opportunities)
      .where(and(scope, eq(opportunities.stageId, stageId)))
      .orderBy(asc(opportunities.rank), asc(opportunities.id))
      .limit(limit);
  }

  /** Every opportunity of `fromPartyId` now belongs to `toPartyId` (a merge). */
  async reassignParty(tenantId: string, fromPartyId: string, toPartyId: string): Promise<void> {
    await this.database
      .tx()
      .update(opportunities)
      .set({ partyId: toPartyId })
      .where(and(eq(opportunities.tenantId, tenantId), eq(opportunities.partyId, fromPartyId)));
  }

  /** A custom `reference` field `key` that names `fromId` names `toId` instead. */
  repointCustomReference(tenantId: string, key: string, fromId: string, toId: string) {
    return repointCustomReference(this.database, opportunities, tenantId, key, fromId, toId);
  }

  /** The company's base currency (tenancy's settings), when none is asked for. */
  async companyCurrency(tenantId: string): Promise<string | undefined> {
    return (await this.tenants.summaryOf(tenantId))?.currency;
  }

  /**
   * Open amounts of a pipeline within `scope` (tenant first) in one currency, by stage and
   * expected month, and their sums times the stage's probability (a percentage: `weighted`
   * is 100 times the weighted amount, exact); in stage order.
   */
  async forecast(
    scope: SQL | undefined,
    pipelineId: string,
    currency: string,
  ): Promise<ForecastRow[]> {
    const month = sql<string>`coalesce(to_char(${opportunities.expectedCloseDate}, 'YYYY-MM'), 'none')`;
    const rows = await this.database
      .tx()
      .select({
        stageId: stages.id,
        stageName: stages.name,
        probability: stages.probability,
        position: stages.position,
        month,
        count: sql<number>`count(*)::int`,
        // Exact: the service rounds to the currency's minor unit (`Money`).
        amount: sql<string>`sum(${opportunities.amount})::text`,
        weighted: sql<string>`sum(${opportunities.amount} * ${stages.probability})::text`,
      })
      .from(opportunities)
      .innerJoin(
        stages,
        and(eq(stages.tenantId, opportunities.tenantId), eq(stages.id, opportunities.stageId)),
      )
      .where(
        and(
          scope,
          eq(opportunities.pipelineId, pipelineId),
          eq(opportunities.status, 'open'),
          eq(opportunities.currency, currency),
        ),
      )
      .groupBy(stages.id, stages.name, stages.probability, stages.position, month)
      .orderBy(asc(stages.position), asc(month));
    return rows.map(({ position: _p, ...r }) => r);
  }
}
