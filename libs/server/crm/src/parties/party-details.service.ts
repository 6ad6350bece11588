import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import { PermissionService } from '@nexo/permissions';
import { DomainError, currentPrincipal, stale } from '@nexo/platform';
import { auditSnapshot } from '@nexo/records';
import { newId } from '@nexo/utils';
import type { contacts } from '../db/crm.tables.js';
import {
  PartyRepository,
  type AddressRow,
  type ContactRow,
  type PartyDetailRecords,
} from './party.repository.js';
import { PartyService } from './party.service.js';

type Kind = 'contact' | 'address';
type DetailRow = ContactRow | AddressRow;
interface Rows {
  contact: ContactRow;
  address: AddressRow;
}
/** A contact or address as it leaves the API (not masked: its own permission gates it whole). */
type View<K extends Kind> = Omit<Rows[K], 'tenantId'>;

/**
 * A party's contacts and addresses. Each needs its own permission (`crm.contact`,
 * `crm.address`) and a party the caller may read (to change one: may update).
 */
@Injectable()
export class PartyDetailsService {
  constructor(
    @Inject(PartyRepository) private readonly partyRecords: PartyRepository,
    @Inject(PartyService) private readonly parties: PartyService,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  /** Both tables share the columns used here (tenant, id, party, version); typed as one. */
  private records(kind: Kind): PartyDetailRecords<typeof contacts> {
    return (kind === 'contact'
      ? this.partyRecords.contacts
      : this.partyRecords.addresses) as unknown as PartyDetailRecords<typeof contacts>;
  }

  async list<K extends Kind>(kind: K, partyId: string): Promise<View<K>[]> {
    await this.parties.load(partyId);
    const rows = await this.records(kind).ofParty(currentPrincipal().tenantId, partyId);
    return rows.map(auditSnapshot) as unknown as View<K>[];
  }

  async add<K extends Kind>(
    kind: K,
    partyId: string,
    input: Record<string, unknown>,
  ): Promise<View<K>> {
    await this.parties.load(partyId, 'update');
    await this.permissions.assertWritable('create', `crm.${kind}`, undefined, input);
    const tenantId = currentPrincipal().tenantId;
    const row: DetailRow = await this.records(kind).insert({
      tenantId,
      id: newId(),
      partyId,
      ...input,
    } as never);
    await this.audit.record({
      action: 'create',
      resource: `crm.${kind}`,
      resourceId: row.id,
      after: auditSnapshot(row),
    });
    return auditSnapshot(row) as unknown as View<K>;
  }

  private async load(kind: Kind, id: string, action: string): Promise<DetailRow> {
    const row = await this.records(kind).byId(currentPrincipal().tenantId, id);
    if (!row) throw DomainError.notFound();
    await this.parties.load(row.partyId, 'update');
    await this.permissions.assertCan(action, `crm.${kind}`, row);
    return row;
  }

  async update<K extends Kind>(
    kind: K,
    id: string,
    version: number,
    input: Record<string, unknown>,
  ): Promise<View<K>> {
    const before = await this.load(kind, id, 'update');
    await this.permissions.assertWritable('update', `crm.${kind}`, before, input);
    const row = await this.records(kind).update(before.tenantId, id, version, input);
    if (!row) throw stale();
    await this.audit.record({
      action: 'update',
      resource: `crm.${kind}`,
      resourceId: id,
      before: auditSnapshot(before),
      after: auditSnapshot(row),
    });
    return auditSnapshot(row) as unknown as View<K>;
  }

  async remove(kind: Kind, id: string, version: number): Promise<void> {
    const before = await this.load(kind, id, 'delete');
    if (!(await this.records(kind).remove(before.tenantId, id, version))) throw stale();
    await this.audit.record({
      action: 'delete',
      resource: `crm.${kind}`,
      resourceId: id,
      before: auditSnapshot(before),
    });
  }
}
