import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import type { CreatePartyInput, UpdatePartyInput } from '@nexo/contracts';
import { CustomFields } from '@nexo/custom-fields';
import type { ListPage } from '@nexo/db';
import { EventOutbox } from '@nexo/events';
import { PermissionService } from '@nexo/permissions';
import { DomainError, currentPrincipal, stale } from '@nexo/platform';
import { newId } from '@nexo/utils';
import { parties } from '../db/crm.tables.js';
import { PartyCreated, PartyUpdated } from '../events/crm.events.js';
import { auditSnapshot } from '../shared/audit-snapshot.js';
import { listRecords, type Masked, type RecordList } from '../shared/record-list.js';
import { defaultMember } from '../shared/references.js';
import { DuplicateFinder, type DuplicateCandidate } from './duplicate-finder.js';
import { PARTY_LIST } from './party.list.js';
import { PartyRepository, type PartyRow } from './party.repository.js';

export type { PartyRow } from './party.repository.js';
/** A party as it leaves the API: what the caller may read of it. */
export type PartyView = Masked<PartyRow>;

const SUBJECT = 'crm.party';
const LIST: RecordList = {
  subject: SUBJECT,
  table: parties,
  definition: PARTY_LIST,
  custom: parties.custom,
};
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
    @Inject(PartyRepository) private readonly parties: PartyRepository,
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

  async list(query: Record<string, unknown>): Promise<ListPage<PartyView>> {
    return listRecords(
      { permissions: this.permissions, customFields: this.customFields },
      { ...LIST, records: this.parties },
      query,
    );
  }

  /** A party the caller may `action`; anything else (absent, another tenant's, out of scope) is 404. */
  async load(id: string, action = 'read'): Promise<PartyRow> {
    const row = await this.parties.byId(currentPrincipal().tenantId, id);
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
    const { tenantId } = principal;
    const row = await this.parties.insert({ tenantId, id: newId(), ...values });
    await this.parties.contacts.insertMany(
      contactInputs.map((c) => ({ tenantId, id: newId(), partyId: row.id, ...c })),
    );
    await this.parties.addresses.insertMany(
      addressInputs.map((a) => ({ tenantId, id: newId(), partyId: row.id, ...a })),
    );
    await this.audit.record({
      action: 'create',
      resource: SUBJECT,
      resourceId: row.id,
      after: auditSnapshot(row),
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
    const row = await this.parties.update(before.tenantId, id, version, changes);
    if (!row) throw stale();
    await this.audit.record({
      action: 'update',
      resource: SUBJECT,
      resourceId: id,
      before: auditSnapshot(before),
      after: auditSnapshot(row),
    });
    await this.outbox.publish(PartyUpdated.of(id, { fields: Object.keys(input) }));
    return this.view(row);
  }
}
