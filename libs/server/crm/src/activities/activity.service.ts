import { Inject, Injectable } from '@nestjs/common';
import type { CreateActivityInputSchema, UpdateActivityInputSchema } from '@nexo/contracts';
import { CustomFields } from '@nexo/custom-fields';
import type { ListPage } from '@nexo/db';
import { PermissionService } from '@nexo/permissions';
import { DomainError, currentPrincipal } from '@nexo/platform';
import { RecordWrites, listRecords, type Masked, type RecordList } from '@nexo/records';
import { newId } from '@nexo/utils';
import type { z } from 'zod';
import { activities } from '../db/crm.tables.js';
import { LeadRepository } from '../leads/lead.repository.js';
import { OpportunityService } from '../opportunities/opportunity.service.js';
import { PartyRepository } from '../parties/party.repository.js';
import { PartyService } from '../parties/party.service.js';
import { defaultMember } from '../shared/default-member.js';
import { ACTIVITY_LIST } from './activity.list.js';
import { ActivityRepository, type ActivityRow } from './activity.repository.js';

export type { ActivityRow } from './activity.repository.js';
/**
 * An activity as it leaves the API: what the caller may read of it (`updatedAt`, which the
 * contract does not list, is left out by the response schema).
 */
export type ActivityView = Masked<ActivityRow>;
const SUBJECT = 'crm.activity';
const LIST: RecordList = { subject: SUBJECT, table: activities, definition: ACTIVITY_LIST };

/** Tasks, calls, meetings, notes and logged emails; "my open tasks". */
@Injectable()
export class ActivityService {
  constructor(
    @Inject(ActivityRepository) private readonly activities: ActivityRepository,
    @Inject(PartyRepository) private readonly partyRecords: PartyRepository,
    @Inject(LeadRepository) private readonly leads: LeadRepository,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(CustomFields) private readonly customFields: CustomFields,
    @Inject(RecordWrites) private readonly writes: RecordWrites,
    @Inject(PartyService) private readonly parties: PartyService,
    @Inject(OpportunityService) private readonly opportunities: OpportunityService,
  ) {}

  async list(
    query: Record<string, unknown>,
    only?: 'my-open-tasks',
  ): Promise<ListPage<ActivityView>> {
    const principal = currentPrincipal();
    const { done, ...rest } = query;
    return listRecords(
      { permissions: this.permissions, customFields: this.customFields },
      {
        ...LIST,
        definition: only ? { ...ACTIVITY_LIST, defaultSort: 'dueAt' } : ACTIVITY_LIST,
        records: this.activities,
      },
      rest,
      {
        narrow: this.activities.narrowing({
          openTasksOf: only ? principal.userId : undefined,
          notDone: done === 'false',
        }),
      },
    );
  }

  /** Every link must be a record of this tenant the caller may read. */
  private async checkLinks(input: {
    partyId?: string | undefined;
    contactId?: string | undefined;
    leadId?: string | undefined;
    opportunityId?: string | undefined;
  }): Promise<{ partyId?: string }> {
    const tenantId = currentPrincipal().tenantId;
    let partyId = input.partyId;
    if (input.partyId) await this.parties.load(input.partyId);
    if (input.opportunityId) {
      const opportunity = await this.opportunities.load(input.opportunityId);
      partyId ??= opportunity.partyId ?? undefined;
    }
    if (input.contactId) {
      const contact = await this.partyRecords.contacts.byId(tenantId, input.contactId);
      if (!contact)
        throw DomainError.unknownReference([
          { path: 'contactId', code: 'not_found', message: 'No such contact' },
        ]);
      partyId ??= contact.partyId;
    }
    if (input.leadId) {
      const lead = await this.leads.byId(tenantId, input.leadId);
      if (!lead)
        throw DomainError.unknownReference([
          { path: 'leadId', code: 'not_found', message: 'No such lead' },
        ]);
    }
    return partyId ? { partyId } : {};
  }

  async create(input: z.infer<typeof CreateActivityInputSchema>): Promise<ActivityView> {
    const principal = currentPrincipal();
    const links = await this.checkLinks(input);
    const values = {
      ...input,
      ...links,
      dueAt: input.dueAt ? new Date(input.dueAt) : null,
      assigneeId: input.assigneeId ?? (input.kind === 'task' ? defaultMember(principal) : null),
      createdBy: principal.userId,
      // Calls, meetings, notes and emails are logged after the fact: done when written.
      doneAt: input.kind === 'task' ? null : new Date(),
    };
    return this.writes.create({
      subject: SUBJECT,
      input: values,
      insert: () =>
        this.activities.insert({ tenantId: principal.tenantId, id: newId(), ...values }),
    });
  }

  async update(
    id: string,
    version: number,
    input: z.infer<typeof UpdateActivityInputSchema>,
  ): Promise<ActivityView> {
    const tenantId = currentPrincipal().tenantId;
    const before = await this.activities.byId(tenantId, id);
    if (!before) throw DomainError.notFound('Activity');
    const { done, dueAt, ...rest } = input;
    const changes = {
      ...rest,
      ...(dueAt !== undefined ? { dueAt: dueAt ? new Date(dueAt) : null } : {}),
      ...(done !== undefined ? { doneAt: done ? (before.doneAt ?? new Date()) : null } : {}),
    };
    return this.writes.update({
      subject: SUBJECT,
      name: 'Activity',
      input: changes,
      load: () => Promise.resolve(before),
      write: () => this.activities.update(tenantId, id, version, changes),
    });
  }
}
