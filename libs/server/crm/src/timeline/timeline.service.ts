import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { EventSubscriptions, type EventEnvelope } from '@nexo/events';
import { currentPrincipal } from '@nexo/platform';
import { newId } from '@nexo/utils';
import { ActivityRepository, type ActivityRow } from '../activities/activity.repository.js';
import { TIMELINE_EVENTS } from '../crm.events.js';
import { OpportunityService } from '../opportunities/opportunity.service.js';
import { PartyService } from '../parties/party.service.js';
import { TimelineRepository, type TimelineEntryRow } from './timeline.repository.js';

/**
 * An activity as a feed shows it: the row without its tenant and `updatedAt`. Not masked by
 * `crm.activity`: the feed is read under the party's or opportunity's permission, and a role
 * that reads the party (warehouse, accountants) sees its activities whole.
 */
export type TimelineActivity = Omit<ActivityRow, 'tenantId' | 'updatedAt'>;

export interface TimelineItem {
  id: string;
  at: Date;
  type: string;
  activity?: TimelineActivity;
  data?: Record<string, unknown>;
}

const feedActivity = ({ tenantId: _t, updatedAt: _u, ...a }: ActivityRow): TimelineActivity => a;

/**
 * One feed per party or opportunity: its activities and what happened to it. The events
 * arrive through the bus (at least once; the consumer records each id, so once in the feed).
 */
@Injectable()
export class TimelineService implements OnModuleInit {
  constructor(
    @Inject(TimelineRepository) private readonly entries: TimelineRepository,
    @Inject(ActivityRepository) private readonly activities: ActivityRepository,
    @Inject(EventSubscriptions) private readonly subscriptions: EventSubscriptions,
    @Inject(PartyService) private readonly parties: PartyService,
    @Inject(OpportunityService) private readonly opportunities: OpportunityService,
  ) {}

  onModuleInit(): void {
    // The consumer's transaction is the one in flight: the repository writes on it.
    this.subscriptions.on('crm-timeline', TIMELINE_EVENTS, async (event) => {
      await this.entries.insertOnce({
        tenantId: event.tenantId,
        id: newId(),
        eventId: event.id,
        ...this.placement(event),
        occurredAt: new Date(event.occurredAt),
        type: event.type,
        data: event.payload as Record<string, unknown>,
      });
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
    return this.merge(
      await this.activities.latestOfParty(tenantId, partyId, limit),
      await this.entries.latestOfParty(tenantId, partyId, limit),
      limit,
    );
  }

  async forOpportunity(opportunityId: string, limit: number): Promise<TimelineItem[]> {
    await this.opportunities.load(opportunityId);
    const tenantId = currentPrincipal().tenantId;
    return this.merge(
      await this.activities.latestOfOpportunity(tenantId, opportunityId, limit),
      await this.entries.latestOfOpportunity(tenantId, opportunityId, limit),
      limit,
    );
  }

  private merge(acts: ActivityRow[], entries: TimelineEntryRow[], limit: number): TimelineItem[] {
    return [
      ...acts.map((a) => ({
        id: a.id,
        at: a.createdAt,
        type: 'activity',
        activity: feedActivity(a),
      })),
      ...entries.map((e) => ({ id: e.id, at: e.occurredAt, type: e.type, data: e.data })),
    ]
      .sort((a, b) => b.at.getTime() - a.at.getTime())
      .slice(0, limit);
  }
}
