import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Database } from '@nexo/db';
import { EventSubscriptions, type EventEnvelope } from '@nexo/events';
import { currentPrincipal } from '@nexo/platform';
import { newId } from '@nexo/utils';
import { and, desc, eq, inArray, or } from 'drizzle-orm';
import { activities, opportunities, timelineEntries } from '../db/crm.tables.js';
import { activityView, type ActivityView } from '../activities/activity.service.js';
import { TIMELINE_EVENTS } from '../events/crm.events.js';
import { OpportunityService } from '../opportunities/opportunity.service.js';
import { PartyService } from '../parties/party.service.js';

export interface TimelineItem {
  id: string;
  at: Date;
  type: string;
  activity?: ActivityView;
  data?: Record<string, unknown>;
}

/**
 * One feed per party or opportunity: its activities and what happened to it. The events
 * arrive through the bus (at least once; the consumer records each id, so once in the feed).
 */
@Injectable()
export class TimelineService implements OnModuleInit {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(EventSubscriptions) private readonly subscriptions: EventSubscriptions,
    @Inject(PartyService) private readonly parties: PartyService,
    @Inject(OpportunityService) private readonly opportunities: OpportunityService,
  ) {}

  onModuleInit(): void {
    this.subscriptions.on('crm-timeline', TIMELINE_EVENTS, async (event, tx) => {
      await tx
        .insert(timelineEntries)
        .values({
          tenantId: event.tenantId,
          id: newId(),
          eventId: event.id,
          ...this.placement(event),
          occurredAt: new Date(event.occurredAt),
          type: event.type,
          data: event.payload as Record<string, unknown>,
        })
        .onConflictDoNothing();
    });
  }

  /** Which feeds an event belongs to. */
  private placement(event: EventEnvelope): {
    partyId: string | null;
    opportunityId: string | null;
  } {
    const payload = event.payload as {
      partyId?: string | null;
      opportunityId?: string;
      intoId?: string;
    };
    switch (event.aggregateType) {
      case 'crm.party':
        return { partyId: payload.intoId ?? event.aggregateId, opportunityId: null };
      case 'crm.opportunity':
        return { partyId: payload.partyId ?? null, opportunityId: event.aggregateId };
      default:
        return { partyId: payload.partyId ?? null, opportunityId: payload.opportunityId ?? null };
    }
  }

  async forParty(partyId: string, limit: number): Promise<TimelineItem[]> {
    await this.parties.load(partyId);
    const tenantId = currentPrincipal().tenantId;
    const tx = this.database.tx();
    const opportunityIds = tx
      .select({ id: opportunities.id })
      .from(opportunities)
      .where(and(eq(opportunities.tenantId, tenantId), eq(opportunities.partyId, partyId)));
    return this.merge(
      await tx
        .select()
        .from(activities)
        .where(
          and(
            eq(activities.tenantId, tenantId),
            or(eq(activities.partyId, partyId), inArray(activities.opportunityId, opportunityIds)),
          ),
        )
        .orderBy(desc(activities.createdAt))
        .limit(limit),
      await tx
        .select()
        .from(timelineEntries)
        .where(and(eq(timelineEntries.tenantId, tenantId), eq(timelineEntries.partyId, partyId)))
        .orderBy(desc(timelineEntries.occurredAt))
        .limit(limit),
      limit,
    );
  }

  async forOpportunity(opportunityId: string, limit: number): Promise<TimelineItem[]> {
    await this.opportunities.load(opportunityId);
    const tenantId = currentPrincipal().tenantId;
    const tx = this.database.tx();
    return this.merge(
      await tx
        .select()
        .from(activities)
        .where(and(eq(activities.tenantId, tenantId), eq(activities.opportunityId, opportunityId)))
        .orderBy(desc(activities.createdAt))
        .limit(limit),
      await tx
        .select()
        .from(timelineEntries)
        .where(
          and(
            eq(timelineEntries.tenantId, tenantId),
            eq(timelineEntries.opportunityId, opportunityId),
          ),
        )
        .orderBy(desc(timelineEntries.occurredAt))
        .limit(limit),
      limit,
    );
  }

  private merge(
    acts: (typeof activities.$inferSelect)[],
    entries: (typeof timelineEntries.$inferSelect)[],
    limit: number,
  ): TimelineItem[] {
    return [
      ...acts.map((a) => ({
        id: a.id,
        at: a.createdAt,
        type: 'activity',
        activity: activityView(a),
      })),
      ...entries.map((e) => ({ id: e.id, at: e.occurredAt, type: e.type, data: e.data })),
    ]
      .sort((a, b) => b.at.getTime() - a.at.getTime())
      .slice(0, limit);
  }
}
