import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import { MembershipTeams } from '@nexo/auth';
import { CustomFields } from '@nexo/custom-fields';
import { EventOutbox } from '@nexo/events';
import { DomainError, currentPrincipal } from '@nexo/platform';
import { auditSnapshot } from '@nexo/records';
import { ActivityRepository } from '../activities/activity.repository.js';
import { PartyMerged } from '../crm.events.js';
import { LeadRepository } from '../leads/lead.repository.js';
import { OpportunityRepository } from '../opportunities/opportunity.repository.js';
import { TimelineRepository } from '../timeline/timeline.repository.js';
import { absorbed, assertDistinct, assertMergeable } from './party-merge.policy.js';
import { PartyRepository } from './party.repository.js';
import { PartyService, type PartyView } from './party.service.js';

/**
 * Merges a duplicate into the party that stays, in the request's one transaction: every
 * link moves (contacts, addresses, opportunities, activities, timeline, portal members,
 * custom fields that reference it), blanks are filled, and the duplicate is kept as
 * `merged` with a pointer, so old references still resolve.
 */
@Injectable()
export class PartyMergeService {
  constructor(
    @Inject(PartyService) private readonly parties: PartyService,
    @Inject(PartyRepository) private readonly partyRecords: PartyRepository,
    @Inject(LeadRepository) private readonly leads: LeadRepository,
    @Inject(OpportunityRepository) private readonly opportunities: OpportunityRepository,
    @Inject(ActivityRepository) private readonly activities: ActivityRepository,
    @Inject(TimelineRepository) private readonly timeline: TimelineRepository,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
    @Inject(CustomFields) private readonly customFields: CustomFields,
    @Inject(MembershipTeams) private readonly memberships: MembershipTeams,
  ) {}

  async merge(sourceId: string, intoId: string): Promise<PartyView> {
    assertDistinct(sourceId, intoId);
    const source = await this.parties.load(sourceId, 'merge');
    const target = await this.parties.load(intoId, 'update');
    assertMergeable(source, target);
    const tenantId = currentPrincipal().tenantId;
    await this.partyRecords.contacts.reassignParty(tenantId, sourceId, intoId);
    await this.partyRecords.addresses.reassignParty(tenantId, sourceId, intoId);
    await this.opportunities.reassignParty(tenantId, sourceId, intoId);
    await this.activities.reassignParty(tenantId, sourceId, intoId);
    await this.timeline.reassignParty(tenantId, sourceId, intoId);
    await this.memberships.reassignParty(tenantId, sourceId, intoId);
    await this.moveCustomReferences(tenantId, sourceId, intoId);

    const merged = await this.partyRecords.absorb(tenantId, intoId, absorbed(target, source));
    await this.partyRecords.markMerged(tenantId, sourceId, intoId);
    if (!merged) throw DomainError.notFound('Party');
    await this.audit.record({
      action: 'merge',
      resource: 'crm.party',
      resourceId: sourceId,
      before: auditSnapshot(source),
      after: { status: 'merged', mergedIntoId: intoId },
    });
    await this.audit.record({
      action: 'update',
      resource: 'crm.party',
      resourceId: intoId,
      before: auditSnapshot(target),
      after: auditSnapshot(merged),
    });
    await this.outbox.publish(PartyMerged.of(sourceId, { intoId, name: source.name }));
    return this.parties.view(merged);
  }

  /** Custom `reference` fields pointing at the merged party now point at the survivor. */
  private async moveCustomReferences(
    tenantId: string,
    sourceId: string,
    intoId: string,
  ): Promise<void> {
    const records = {
      'crm.party': this.partyRecords,
      'crm.lead': this.leads,
      'crm.opportunity': this.opportunities,
    };
    for (const field of await this.customFields.list()) {
      const repository = records[field.resource as keyof typeof records];
      if (field.type !== 'reference' || field.options.reference !== 'crm.party' || !repository)
        continue;
      await repository.repointCustomReference(tenantId, field.key, sourceId, intoId);
    }
  }
}
