import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@nexo/db';
import { and, desc, eq } from 'drizzle-orm';
import { timelineEntries } from '../db/crm.tables.js';

export type TimelineEntryRow = typeof timelineEntries.$inferSelect;

/**
 * The feeds' entries (what happened to a party or an opportunity, from the events): written
 * once per event, read newest first; tenant first, on the transaction in flight (a request's
 * or an event consumer's).
 */
@Injectable()
export class TimelineRepository {
  constructor(@Inject(Database) private readonly database: Database) {}

  /** An event's entry; nothing when the event already has one. */
  async insertOnce(entry: typeof timelineEntries.$inferInsert): Promise<void> {
    await this.database.tx().insert(timelineEntries).values(entry).onConflictDoNothing();
  }

  async latestOfParty(
    tenantId: string,
    partyId: string,
    limit: number,
  ): Promise<TimelineEntryRow[]> {
    return this.database
      .tx()
      .select()
      .from(timelineEntries)
      .where(and(eq(timelineEntries.tenantId, tenantId), eq(timelineEntries.partyId, partyId)))
      .orderBy(desc(timelineEntries.occurredAt))
      .limit(limit);
  }

  async latestOfOpportunity(
    tenantId: string,
    opportunityId: string,
    limit: number,
  ): Promise<TimelineEntryRow[]> {
    return this.database
      .tx()
      .select()
      .from(timelineEntries)
      .where(
        and(
          eq(timelineEntries.tenantId, tenantId),
          eq(timelineEntries.opportunityId, opportunityId),
        ),
      )
      .orderBy(desc(timelineEntries.occurredAt))
      .limit(limit);
  }

  /** Every entry of `fromPartyId` now belongs to `toPartyId` (a merge). */
  async reassignParty(tenantId: string, fromPartyId: string, toPartyId: string): Promise<void> {
    await this.database
      .tx()
      .update(timelineEntries)
      .set({ partyId: toPartyId })
      .where(and(eq(timelineEntries.tenantId, tenantId), eq(timelineEntries.partyId, fromPartyId)));
  }
}
