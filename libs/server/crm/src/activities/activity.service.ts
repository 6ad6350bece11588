import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import type { CreateActivityInputSchema, UpdateActivityInputSchema } from '@nexo/contracts';
import { Database, parseListQuery, runList, type ListDefinition, type ListPage } from '@nexo/db';
import { PermissionService, columnsOf } from '@nexo/permissions';
import { DomainError, currentPrincipal } from '@nexo/platform';
import { newId } from '@nexo/utils';
import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { activities, contacts, leads } from '../db/crm.tables.js';
import { OpportunityService } from '../opportunities/opportunity.service.js';
import { PartyService } from '../parties/party.service.js';
import { byId, noRowUpdated, updateAtVersion, withoutTenant } from '../shared/records.js';
import { defaultMember } from '../shared/references.js';

type ActivityRow = typeof activities.$inferSelect;
export type ActivityView = Omit<ActivityRow, 'tenantId' | 'updatedAt'>;
const SUBJECT = 'crm.activity';

const ACTIVITY_LIST: ListDefinition = {
  fields: {
    kind: { column: activities.kind, type: 'text' },
    subject: { column: activities.subject, type: 'text', searchable: true },
    partyId: { column: activities.partyId, type: 'uuid' },
    leadId: { column: activities.leadId, type: 'uuid' },
    opportunityId: { column: activities.opportunityId, type: 'uuid' },
    assigneeId: { column: activities.assigneeId, type: 'uuid' },
    dueAt: { column: activities.dueAt, type: 'date', sortable: true },
    createdAt: { column: activities.createdAt, type: 'date', sortable: true },
  },
  defaultSort: '-createdAt',
  id: activities.id,
};

export const activityView = ({ tenantId: _t, updatedAt: _u, ...a }: ActivityRow): ActivityView => a;

/** Tasks, calls, meetings, notes and logged emails; "my open tasks". */
@Injectable()
export class ActivityService {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(PartyService) private readonly parties: PartyService,
    @Inject(OpportunityService) private readonly opportunities: OpportunityService,
  ) {}

  async list(
    query: Record<string, unknown>,
    only?: 'my-open-tasks',
  ): Promise<ListPage<ActivityView>> {
    const principal = currentPrincipal();
    const { done, ...rest } = query;
    const list = parseListQuery(
      only ? { ...ACTIVITY_LIST, defaultSort: 'dueAt' } : ACTIVITY_LIST,
      rest,
      and(
        eq(activities.tenantId, principal.tenantId),
        await this.permissions.where('read', SUBJECT, columnsOf(activities)),
        only
          ? and(
              eq(activities.assigneeId, principal.userId),
              eq(activities.kind, 'task'),
              isNull(activities.doneAt),
            )
          : undefined,
        done === 'false' ? isNull(activities.doneAt) : undefined,
      ),
    );
    const tx = this.database.tx();
    const page = await runList(
      tx,
      list,
      (limit) =>
        tx
          .select({ row: activities, sortKey: list.sortValue })
          .from(activities)
          .where(list.where)
          .orderBy(...list.orderBy)
          .limit(limit),
      activities,
    );
    return { ...page, items: page.items.map(activityView) };
  }

  /** Every link must be a record of this tenant the caller may read. */
  private async checkLinks(input: {
    partyId?: string | undefined;
    contactId?: string | undefined;
    leadId?: string | undefined;
    opportunityId?: string | undefined;
  }): Promise<{ partyId?: string }> {
    const tenantId = currentPrincipal().tenantId;
    const tx = this.database.tx();
    let partyId = input.partyId;
    if (input.partyId) await this.parties.load(input.partyId);
    if (input.opportunityId) {
      const opportunity = await this.opportunities.load(input.opportunityId);
      partyId ??= opportunity.partyId ?? undefined;
    }
    if (input.contactId) {
      const [contact] = await tx
        .select()
        .from(contacts)
        .where(byId(contacts, tenantId, input.contactId));
      if (!contact)
        throw DomainError.unknownReference([
          { path: 'contactId', code: 'not_found', message: 'No such contact' },
        ]);
      partyId ??= contact.partyId;
    }
    if (input.leadId) {
      const [lead] = await tx
        .select({ id: leads.id })
        .from(leads)
        .where(byId(leads, tenantId, input.leadId));
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
    await this.permissions.assertWritable('create', SUBJECT, undefined, values);
    const [row] = await this.database
      .tx()
      .insert(activities)
      .values({ tenantId: principal.tenantId, id: newId(), ...values })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await this.audit.record({
      action: 'create',
      resource: SUBJECT,
      resourceId: row.id,
      after: withoutTenant(row),
    });
    return activityView(row);
  }

  async update(
    id: string,
    version: number,
    input: z.infer<typeof UpdateActivityInputSchema>,
  ): Promise<ActivityView> {
    const tenantId = currentPrincipal().tenantId;
    const [before] = await this.database
      .tx()
      .select()
      .from(activities)
      .where(byId(activities, tenantId, id));
    if (!before) throw DomainError.notFound('Activity');
    const { done, dueAt, ...rest } = input;
    const changes = {
      ...rest,
      ...(dueAt !== undefined ? { dueAt: dueAt ? new Date(dueAt) : null } : {}),
      ...(done !== undefined ? { doneAt: done ? (before.doneAt ?? new Date()) : null } : {}),
    };
    await this.permissions.assertWritable('update', SUBJECT, before, changes);
    const row = await updateAtVersion(this.database, activities, tenantId, id, version, changes);
    if (!row) noRowUpdated(true);
    await this.audit.record({
      action: 'update',
      resource: SUBJECT,
      resourceId: id,
      before: withoutTenant(before),
      after: withoutTenant(row),
    });
    return activityView(row);
  }
}
