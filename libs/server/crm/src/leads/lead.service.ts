import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import type {
  ConvertLeadInput,
  CreateLeadInputSchema,
  UpdateLeadInputSchema,
} from '@nexo/contracts';
import { CustomFields } from '@nexo/custom-fields';
import { Database, parseListQuery, runList, type ListDefinition, type ListPage } from '@nexo/db';
import { EventOutbox } from '@nexo/events';
import { PermissionService, columnsOf } from '@nexo/permissions';
import { DomainError, currentPrincipal } from '@nexo/platform';
import { newId } from '@nexo/utils';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { leads } from '../db/crm.tables.js';
import { LeadConverted } from '../events/crm.events.js';
import { OpportunityService, type OpportunityView } from '../opportunities/opportunity.service.js';
import { PartyService, type PartyView } from '../parties/party.service.js';
import { bump, byId, noRowUpdated, updateAtVersion, withoutTenant } from '../shared/records.js';
import { defaultMember } from '../shared/references.js';

type LeadRow = typeof leads.$inferSelect;
export type LeadView = Partial<Omit<LeadRow, 'tenantId'>> & { id: string };
const SUBJECT = 'crm.lead';

const LEAD_LIST: ListDefinition = {
  fields: {
    name: { column: leads.name, type: 'text', sortable: true, searchable: true },
    companyName: { column: leads.companyName, type: 'text', searchable: true },
    email: { column: leads.email, type: 'text', searchable: true },
    status: { column: leads.status, type: 'text' },
    source: { column: leads.source, type: 'text' },
    ownerId: { column: leads.ownerId, type: 'uuid' },
    updatedAt: { column: leads.updatedAt, type: 'date', sortable: true },
  },
  defaultSort: '-updatedAt',
  id: leads.id,
};

@Injectable()
export class LeadService {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
    @Inject(CustomFields) private readonly customFields: CustomFields,
    @Inject(PartyService) private readonly parties: PartyService,
    @Inject(OpportunityService) private readonly opportunities: OpportunityService,
  ) {}

  private async view(row: LeadRow): Promise<LeadView> {
    return (await this.permissions.viewer<LeadRow>(SUBJECT))(row);
  }

  async list(query: Record<string, unknown>): Promise<ListPage<LeadView>> {
    const custom = await this.customFields.listFields(SUBJECT, leads.custom, query);
    const list = parseListQuery(
      { ...LEAD_LIST, fields: { ...LEAD_LIST.fields, ...custom } },
      query,
      and(
        eq(leads.tenantId, currentPrincipal().tenantId),
        await this.permissions.where('read', SUBJECT, columnsOf(leads)),
      ),
    );
    const tx = this.database.tx();
    const page = await runList(
      tx,
      list,
      (limit) =>
        tx
          .select({ row: leads, sortKey: list.sortValue })
          .from(leads)
          .where(list.where)
          .orderBy(...list.orderBy)
          .limit(limit),
      leads,
    );
    const view = await this.permissions.viewer<LeadRow>(SUBJECT);
    return { ...page, items: page.items.map(view) };
  }

  private async load(id: string, action = 'read'): Promise<LeadRow> {
    const [row] = await this.database
      .tx()
      .select()
      .from(leads)
      .where(byId(leads, currentPrincipal().tenantId, id));
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
    await this.permissions.assertWritable('create', SUBJECT, undefined, values);
    const [row] = await this.database
      .tx()
      .insert(leads)
      .values({ tenantId: principal.tenantId, id: newId(), ...values })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await this.audit.record({
      action: 'create',
      resource: SUBJECT,
      resourceId: row.id,
      after: withoutTenant(row),
    });
    return this.view(row);
  }

  async update(
    id: string,
    version: number,
    input: z.infer<typeof UpdateLeadInputSchema>,
  ): Promise<LeadView> {
    const before = await this.load(id, 'update');
    if (before.status === 'converted') throw DomainError.conflict('A converted lead cannot change');
    const changes = {
      ...input,
      ...(input.custom !== undefined
        ? { custom: await this.customFields.validate(SUBJECT, input.custom, before.custom) }
        : {}),
    };
    await this.permissions.assertWritable('update', SUBJECT, before, changes);
    const row = await updateAtVersion(this.database, leads, before.tenantId, id, version, changes);
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
   * Lead → party (new or existing) + opportunity, in the request's one transaction: if any
   * step fails (a bad stage, a duplicate key, a forbidden field) nothing stays behind.
   */
  async convert(
    id: string,
    input: ConvertLeadInput,
  ): Promise<{ lead: LeadView; party: PartyView; opportunity: OpportunityView }> {
    const lead = await this.load(id, 'convert');
    if (lead.status === 'converted') throw DomainError.conflict('This lead was already converted');
    const party = input.partyId
      ? await this.parties.get(input.partyId)
      : await this.parties.create({
          ...(input.party ?? { kind: 'organization', name: lead.companyName ?? lead.name }),
          isCustomer: true,
        });
    const opportunity = await this.opportunities.create({
      ...input.opportunity,
      partyId: party.id,
    });
    const [row] = await this.database
      .tx()
      .update(leads)
      .set({
        status: 'converted',
        convertedPartyId: party.id,
        convertedOpportunityId: opportunity.id,
        convertedAt: new Date(),
        ...bump(leads),
      })
      .where(byId(leads, lead.tenantId, id))
      .returning();
    if (!row) throw DomainError.notFound('Lead');
    await this.audit.record({
      action: 'convert',
      resource: SUBJECT,
      resourceId: id,
      before: withoutTenant(lead),
      after: withoutTenant(row),
    });
    await this.outbox.publish(
      LeadConverted.of(id, { partyId: party.id, opportunityId: opportunity.id, name: lead.name }),
    );
    const { duplicates: _d, ...partyView } = party as PartyView & { duplicates?: unknown };
    return { lead: await this.view(row), party: partyView, opportunity };
  }
}
