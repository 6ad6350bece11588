import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import type {
  ConvertLeadInput,
  CreateLeadInputSchema,
  UpdateLeadInputSchema,
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
  type Masked,
  type RecordList,
} from '@nexo/records';
import { newId } from '@nexo/utils';
import type { z } from 'zod';
import { leads } from '../db/crm.tables.js';
import { LeadConverted } from '../crm.events.js';
import { OpportunityService, type OpportunityView } from '../opportunities/opportunity.service.js';
import { PartyService, type PartyView } from '../parties/party.service.js';
import { defaultMember } from '../shared/default-member.js';
import { LEAD_LIST } from './lead.list.js';
import { assertChangeable, assertConvertible, partyOfLead } from './lead.policy.js';
import { LeadRepository, type LeadRow } from './lead.repository.js';

export type { LeadRow } from './lead.repository.js';
/** A lead as it leaves the API: what the caller may read of it. */
export type LeadView = Masked<LeadRow>;
const SUBJECT = 'crm.lead';
const LIST: RecordList = {
  subject: SUBJECT,
  table: leads,
  definition: LEAD_LIST,
  custom: leads.custom,
};

/** Leads: their rules (permissions, custom fields, audit) and their conversion. */
@Injectable()
export class LeadService {
  constructor(
    @Inject(LeadRepository) private readonly leads: LeadRepository,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
    @Inject(CustomFields) private readonly customFields: CustomFields,
    @Inject(RecordWrites) private readonly writes: RecordWrites,
    @Inject(PartyService) private readonly parties: PartyService,
    @Inject(OpportunityService) private readonly opportunities: OpportunityService,
  ) {}

  private async view(row: LeadRow): Promise<LeadView> {
    return (await this.permissions.viewer<LeadRow>(SUBJECT))(row);
  }

  async list(query: Record<string, unknown>): Promise<ListPage<LeadView>> {
    return listRecords(
      { permissions: this.permissions, customFields: this.customFields },
      { ...LIST, records: this.leads },
      query,
    );
  }

  private async load(id: string, action = 'read'): Promise<LeadRow> {
    const row = await this.leads.byId(currentPrincipal().tenantId, id);
    if (!row) throw DomainError.notFound('Lead');
    await this.permissions.assertCan(action, SUBJECT, row);
    return row;
  }

  async get(id: string): Promise<LeadView> {
    return this.view(await this.load(id));
  }

  async create(input: z.infer<typeof CreateLeadInputSchema>): Promise<LeadView> {
    const principal = currentPrincipal();
    const values = {
      ...input,
      ownerId: input.ownerId ?? defaultMember(principal),
      custom: await this.customFields.validate(SUBJECT, input.custom),
    };
    return this.writes.create({
      subject: SUBJECT,
      input: values,
      insert: () => this.leads.insert({ tenantId: principal.tenantId, id: newId(), ...values }),
    });
  }

  async update(
    id: string,
    version: number,
    input: z.infer<typeof UpdateLeadInputSchema>,
  ): Promise<LeadView> {
    const before = await this.load(id, 'update');
    assertChangeable(before);
    const changes = {
      ...input,
      ...(input.custom !== undefined
        ? { custom: await this.customFields.validate(SUBJECT, input.custom, before.custom) }
        : {}),
    };
    return this.writes.update({
      subject: SUBJECT,
      name: 'Lead',
      input: changes,
      load: () => Promise.resolve(before),
      write: () => this.leads.update(before.tenantId, id, version, changes),
    });
  }

  /**
   * Lead → party (new or existing) + opportunity, in the request's one transaction: if any
   * step fails (a bad stage, a duplicate key, a forbidden field) nothing stays behind.
   */
  async convert(
    id: string,
    input: ConvertLeadInput,
  ): Promise<{ lead: LeadView; party: PartyView; opportunity: OpportunityView }> {
    const lead = await this.load(id, 'convert');
    assertConvertible(lead);
    const party = input.partyId
      ? await this.parties.get(input.partyId)
      : await this.parties.create({
          ...(input.party ?? partyOfLead(lead)),
          isCustomer: true,
        });
    const opportunity = await this.opportunities.create({
      ...input.opportunity,
      partyId: party.id,
    });
    const row = await this.leads.markConverted(lead.tenantId, id, {
      partyId: party.id,
      opportunityId: opportunity.id,
    });
    if (!row) throw DomainError.notFound('Lead');
    await this.audit.record({
      action: 'convert',
      resource: SUBJECT,
      resourceId: id,
      before: auditSnapshot(lead),
      after: auditSnapshot(row),
    });
    await this.outbox.publish(
      LeadConverted.of(id, { partyId: party.id, opportunityId: opportunity.id, name: lead.name }),
    );
    const { duplicates: _d, ...partyView } = party as PartyView & { duplicates?: unknown };
    return { lead: await this.view(row), party: partyView, opportunity };
  }
}
