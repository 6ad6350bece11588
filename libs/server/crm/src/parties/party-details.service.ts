import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import { Database } from '@nexo/db';
import { PermissionService } from '@nexo/permissions';
import { DomainError, currentPrincipal } from '@nexo/platform';
import { newId } from '@nexo/utils';
import { and, asc, desc, eq } from 'drizzle-orm';
import { addresses, contacts } from '../db/crm.tables.js';
import { byId, noRowUpdated, updateAtVersion, withoutTenant } from '../shared/records.js';
import { PartyService } from './party.service.js';

type Kind = 'contact' | 'address';
const TABLES = { contact: contacts, address: addresses } as const;
/** Both tables share the columns used here (tenant, id, party, version); typed as one. */
const tableOf = (kind: Kind): typeof contacts => TABLES[kind] as unknown as typeof contacts;
type DetailRow = typeof contacts.$inferSelect | typeof addresses.$inferSelect;
interface Rows {
  contact: typeof contacts.$inferSelect;
  address: typeof addresses.$inferSelect;
}
type View<K extends Kind> = Omit<Rows[K], 'tenantId'>;

/**
 * A party's contacts and addresses. Each needs its own permission (`crm.contact`,
 * `crm.address`) and a party the caller may read (to change one: may update).
 */
@Injectable()
export class PartyDetailsService {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(PartyService) private readonly parties: PartyService,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  async list<K extends Kind>(kind: K, partyId: string): Promise<View<K>[]> {
    await this.parties.load(partyId);
    const table = tableOf(kind);
    const rows = await this.database
      .tx()
      .select()
      .from(table)
      .where(and(eq(table.tenantId, currentPrincipal().tenantId), eq(table.partyId, partyId)))
      .orderBy(
        desc(kind === 'contact' ? contacts.isPrimary : addresses.isDefault),
        asc(table.createdAt),
      );
    return rows.map(withoutTenant) as unknown as View<K>[];
  }

  async add<K extends Kind>(
    kind: K,
    partyId: string,
    input: Record<string, unknown>,
  ): Promise<View<K>> {
    await this.parties.load(partyId, 'update');
    await this.permissions.assertWritable('create', `crm.${kind}`, undefined, input);
    const tenantId = currentPrincipal().tenantId;
    const [row] = (await this.database
      .tx()
      .insert(tableOf(kind))
      .values({ tenantId, id: newId(), partyId, ...input } as never)
      .returning()) as DetailRow[];
    if (!row) throw new Error('insert returned no row');
    await this.audit.record({
      action: 'create',
      resource: `crm.${kind}`,
      resourceId: row.id,
      after: withoutTenant(row),
    });
    return withoutTenant(row) as unknown as View<K>;
  }

  private async load(kind: Kind, id: string, action: string): Promise<DetailRow> {
    const table = tableOf(kind);
    const [row] = (await this.database
      .tx()
      .select()
      .from(table)
      .where(byId(table, currentPrincipal().tenantId, id))) as DetailRow[];
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
    const table = tableOf(kind);
    const row = await updateAtVersion(this.database, table, before.tenantId, id, version, input);
    if (!row) noRowUpdated(true);
    await this.audit.record({
      action: 'update',
      resource: `crm.${kind}`,
      resourceId: id,
      before: withoutTenant(before),
      after: withoutTenant(row),
    });
    return withoutTenant(row) as unknown as View<K>;
  }

  async remove(kind: Kind, id: string, version: number): Promise<void> {
    const before = await this.load(kind, id, 'delete');
    const table = tableOf(kind);
    const deleted = await this.database
      .tx()
      .delete(table)
      .where(and(byId(table, before.tenantId, id), eq(table.version, version)))
      .returning({ id: table.id });
    if (!deleted.length) noRowUpdated(true);
    await this.audit.record({
      action: 'delete',
      resource: `crm.${kind}`,
      resourceId: id,
      before: withoutTenant(before),
    });
  }
}
