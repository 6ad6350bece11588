import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import { MembershipTeams } from '@nexo/auth';
import { CustomFields } from '@nexo/custom-fields';
import { Database } from '@nexo/db';
import { EventOutbox } from '@nexo/events';
import { DomainError, currentPrincipal } from '@nexo/platform';
import { and, eq, sql } from 'drizzle-orm';
import {
  activities,
  addresses,
  contacts,
  leads,
  opportunities,
  parties,
  timelineEntries,
} from '../db/crm.tables.js';
import { PartyMerged } from '../events/crm.events.js';
import { bump, byId, withoutTenant } from '../shared/records.js';
import { PartyService, type PartyView } from './party.service.js';

/** Fields the surviving party takes from the merged one when it has none of its own. */
const FILLABLE = [
  'legalName',
  'taxCountry',
  'taxId',
  'email',
  'phone',
  'website',
  'creditLimit',
  'paymentTermsDays',
  'customerGroup',
] as const;

/**
 * Merges a duplicate into the party that stays, in the request's one transaction: every
 * link moves (contacts, addresses, opportunities, activities, timeline, portal members,
 * custom fields that reference it), blanks are filled, and the duplicate is kept as
 * `merged` with a pointer, so old references still resolve.
 */
@Injectable()
export class PartyMergeService {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(PartyService) private readonly parties: PartyService,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
    @Inject(CustomFields) private readonly customFields: CustomFields,
    @Inject(MembershipTeams) private readonly memberships: MembershipTeams,
  ) {}

  async merge(sourceId: string, intoId: string): Promise<PartyView> {
    if (sourceId === intoId)
      throw DomainError.validation([
        { path: 'intoId', code: 'same_party', message: 'A party cannot be merged into itself' },
      ]);
    const source = await this.parties.load(sourceId, 'merge');
    const target = await this.parties.load(intoId, 'update');
    for (const p of [source, target]) {
      if (p.status === 'merged')
        throw DomainError.conflict(`"${p.name}" was already merged into another party`);
    }
    const tenantId = currentPrincipal().tenantId;
    const tx = this.database.tx();
    const move = <
      T extends
        | typeof contacts
        | typeof addresses
        | typeof opportunities
        | typeof activities
        | typeof timelineEntries,
    >(
      table: T,
    ) =>
      tx
        .update(table)
        .set({ partyId: intoId } as never)
        .where(and(eq(table.tenantId, tenantId), eq(table.partyId, sourceId)));
    await move(contacts);
    await move(addresses);
    await move(opportunities);
    await move(activities);
    await move(timelineEntries);
    await this.memberships.reassignParty(tenantId, sourceId, intoId);
    await this.moveCustomReferences(sourceId, intoId);

    const fill = Object.fromEntries(
      FILLABLE.filter((f) => target[f] === null && source[f] !== null).map((f) => [f, source[f]]),
    );
    const tags = [...new Set([...target.tags, ...source.tags])];
    const [merged] = await tx
      .update(parties)
      .set({ ...fill, tags, ...bump(parties) })
      .where(byId(parties, tenantId, intoId))
      .returning();
    await tx
      .update(parties)
      .set({ status: 'merged', mergedIntoId: intoId, ...bump(parties) })
      .where(byId(parties, tenantId, sourceId));
    if (!merged) throw DomainError.notFound('Party');
    await this.audit.record({
      action: 'merge',
      resource: 'crm.party',
      resourceId: sourceId,
      before: withoutTenant(source),
      after: { status: 'merged', mergedIntoId: intoId },
    });
    await this.audit.record({
      action: 'update',
      resource: 'crm.party',
      resourceId: intoId,
      before: withoutTenant(target),
      after: withoutTenant(merged),
    });
    await this.outbox.publish(PartyMerged.of(sourceId, { intoId, name: source.name }));
    return this.parties.view(merged);
  }

  /** Custom `reference` fields pointing at the merged party now point at the survivor. */
  private async moveCustomReferences(sourceId: string, intoId: string): Promise<void> {
    const tables = { 'crm.party': parties, 'crm.lead': leads, 'crm.opportunity': opportunities };
    for (const field of await this.customFields.list()) {
      const table = tables[field.resource as keyof typeof tables];
      if (field.type !== 'reference' || field.options.reference !== 'crm.party' || !table) continue;
      await this.database
        .tx()
        .update(table)
        .set({
          custom: sql`jsonb_set(${table.custom}, ${`{${field.key}}`}::text[], to_jsonb(${intoId}::text))`,
        })
        .where(sql`${table.custom}->>${field.key} = ${sourceId}`);
    }
  }
}
