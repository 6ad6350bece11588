import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import type { CreatePartyInput, UpdatePartyInput } from '@nexo/contracts';
import { CustomFields } from '@nexo/custom-fields';
import { Database, parseListQuery, runList, type ListPage } from '@nexo/db';
import { EventOutbox } from '@nexo/events';
import { PermissionService, columnsOf } from '@nexo/permissions';
import { DomainError, currentPrincipal } from '@nexo/platform';
import { newId } from '@nexo/utils';
import { and, eq, sql } from 'drizzle-orm';
import { addresses, contacts, parties } from '../db/crm.tables.js';
import { PartyCreated, PartyUpdated } from '../events/crm.events.js';
import { noRowUpdated, updateAtVersion, withoutTenant } from '../shared/records.js';
import { defaultMember } from '../shared/references.js';
import { DuplicateFinder, type DuplicateCandidate } from './duplicate-finder.js';
import { PARTY_LIST } from './party.list.js';

export type PartyRow = typeof parties.$inferSelect;
export type PartyView = Partial<Omit<PartyRow, 'tenantId'>> & { id: string };

const SUBJECT = 'crm.party';
/** Stored without separators: the country check normalised it. */
const normalizedTaxId = (taxId: string | undefined | null): string | null | undefined =>
  taxId === undefined
    ? undefined
    : taxId === null
      ? null
      : taxId.replace(/[\s.\-/]/g, '').toUpperCase();

/** Parties: the one place their rules live (permissions, custom fields, audit, events). */
@Injectable()
export class PartyService {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
    @Inject(CustomFields) private readonly customFields: CustomFields,
    @Inject(DuplicateFinder) private readonly duplicates: DuplicateFinder,
  ) {}

  /** What the caller may read of a row. */
  async view(row: PartyRow): Promise<PartyView> {
    return (await this.permissions.viewer<PartyRow>(SUBJECT))(row);
  }

  /** The list request for a query string: filters, sort, search and the caller's scope. */
  async listRequest(query: Record<string, unknown>) {
    const custom = await this.customFields.listFields(SUBJECT, parties.custom, query);
    return parseListQuery(
      { ...PARTY_LIST, fields: { ...PARTY_LIST.fields, ...custom } },
      query,
      and(
        eq(parties.tenantId, currentPrincipal().tenantId),
        await this.permissions.where('read', SUBJECT, columnsOf(parties)),
      ),
    );
  }

  async list(query: Record<string, unknown>): Promise<ListPage<PartyView>> {
    const list = await this.listRequest(query);
    const tx = this.database.tx();
    const page = await runList(
      tx,
      list,
      (limit) =>
        tx
          .select({ row: parties, sortKey: list.sortValue })
          .from(parties)
          .where(list.where)
          .orderBy(...list.orderBy)
          .limit(limit),
      parties,
    );
    const view = await this.permissions.viewer<PartyRow>(SUBJECT);
    return { ...page, items: page.items.map(view) };
  }

  /** A party the caller may `action`; anything else (absent, another tenant's, out of scope) is 404. */
  async load(id: string, action = 'read'): Promise<PartyRow> {
    // The hottest query of the context (every detail, every change): prepared per connection.
    const [row] = await this.database
      .prepared('crm_party_by_id', (db, name) =>
        db
          .select()
          .from(parties)
          .where(
            and(
              eq(parties.tenantId, sql.placeholder('tenantId')),
              eq(parties.id, sql.placeholder('id')),
            ),
          )
          .prepare(name),
      )
      .execute({ tenantId: currentPrincipal().tenantId, id });
    if (!row) throw DomainError.notFound('Party');
    await this.permissions.assertCan(action, SUBJECT, row);
    return row;
  }

  async get(id: string): Promise<PartyView> {
    return this.view(await this.load(id));
  }

  async create(input: CreatePartyInput): Promise<PartyView & { duplicates: DuplicateCandidate[] }> {
    const principal = currentPrincipal();
    const { contacts: contactInputs = [], addresses: addressInputs = [], ...fields } = input;
    const values = {
      ...fields,
      ownerId: fields.ownerId ?? defaultMember(principal),
      taxId: normalizedTaxId(fields.taxId),
      custom: await this.customFields.validate(SUBJECT, fields.custom),
    };
    await this.permissions.assertWritable('create', SUBJECT, undefined, values);
    const duplicates = await this.duplicates.find({
      name: values.name,
      taxId: values.taxId ?? undefined,
      email: values.email,
    });
    const tx = this.database.tx();
    const [row] = await tx
      .insert(parties)
      .values({ tenantId: principal.tenantId, id: newId(), ...values })
      .returning();
    if (!row) throw new Error('insert returned no row');
    if (contactInputs.length)
      await tx.insert(contacts).values(
        contactInputs.map((c) => ({
          tenantId: principal.tenantId,
          id: newId(),
          partyId: row.id,
          ...c,
        })),
      );
    if (addressInputs.length)
      await tx.insert(addresses).values(
        addressInputs.map((a) => ({
          tenantId: principal.tenantId,
          id: newId(),
          partyId: row.id,
          ...a,
        })),
      );
    await this.audit.record({
      action: 'create',
      resource: SUBJECT,
      resourceId: row.id,
      after: withoutTenant(row),
    });
    await this.outbox.publish(PartyCreated.of(row.id, { name: row.name, kind: row.kind }));
    return { ...(await this.view(row)), duplicates };
  }

  async update(id: string, version: number, input: UpdatePartyInput): Promise<PartyView> {
    const before = await this.load(id, 'update');
    const changes = {
      ...input,
      ...(input.taxId !== undefined ? { taxId: normalizedTaxId(input.taxId) } : {}),
      ...(input.custom !== undefined
        ? { custom: await this.customFields.validate(SUBJECT, input.custom, before.custom) }
        : {}),
    };
    await this.permissions.assertWritable('update', SUBJECT, before, changes);
    const row = await updateAtVersion(
      this.database,
      parties,
      before.tenantId,
      id,
      version,
      changes,
    );
    if (!row) noRowUpdated(true);
    await this.audit.record({
      action: 'update',
      resource: SUBJECT,
      resourceId: id,
      before: withoutTenant(before),
      after: withoutTenant(row),
    });
    await this.outbox.publish(PartyUpdated.of(id, { fields: Object.keys(input) }));
    return this.view(row);
  }
}
