import { Inject, Injectable } from '@nestjs/common';
import { Database, VersionedRecords } from '@nexo/db';
import { and, desc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { activities, opportunities } from '../db/crm.tables.js';

export type ActivityRow = typeof activities.$inferSelect;

/** Activities: the versioned-record queries and a record's feed, tenant first, on the request's transaction. */
@Injectable()
export class ActivityRepository extends VersionedRecords<typeof activities> {
  constructor(@Inject(Database) database: Database) {
    super(database, activities);
  }

  /**
   * A view of the list: `openTasksOf` a user (that user's tasks not done yet), `notDone`
   * (anything not done yet); none for neither.
   */
  narrowing(view: { openTasksOf?: string | undefined; notDone?: boolean }): SQL | undefined {
    return and(
      view.openTasksOf
        ? and(
            eq(activities.assigneeId, view.openTasksOf),
            eq(activities.kind, 'task'),
            isNull(activities.doneAt),
          )
        : undefined,
      view.notDone ? isNull(activities.doneAt) : undefined,
    );
  }

  /** A party's latest activities: its own and its opportunities'. */
  async latestOfParty(tenantId: string, partyId: string, limit: number): Promise<ActivityRow[]> {
    const tx = this.database.tx();
    const opportunityIds = tx
      .select({ id: opportunities.id })
      .from(opportunities)
      .where(and(eq(opportunities.tenantId, tenantId), eq(opportunities.partyId, partyId)));
    return tx
      .select()
      .from(activities)
      .where(
        and(
          eq(activities.tenantId, tenantId),
          or(eq(activities.partyId, partyId), inArray(activities.opportunityId, opportunityIds)),
        ),
      )
      .orderBy(desc(activities.createdAt))
      .limit(limit);
  }

  /** An opportunity's latest activities. */
  async latestOfOpportunity(
    tenantId: string,
    opportunityId: string,
    limit: number,
  ): Promise<ActivityRow[]> {
    return this.database
      .tx()
      .select()
      .from(activities)
      .where(and(eq(activities.tenantId, tenantId), eq(activities.opportunityId, opportunityId)))
      .orderBy(desc(activities.createdAt))
      .limit(limit);
  }

  /** Every activity of `fromPartyId` now belongs to `toPartyId` (a merge). */
  async reassignParty(tenantId: string, fromPartyId: string, toPartyId: string): Promise<void> {
    await this.database
      .tx()
      .update(activities)
      .set({ partyId: toPartyId })
      .where(and(eq(activities.tenantId, tenantId), eq(activities.partyId, fromPartyId)));
  }
}
