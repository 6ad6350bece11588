import { Inject, Injectable } from '@nestjs/common';
import { Database, VersionedRecords, bump, byId } from '@nexo/db';
import { leads } from '../db/crm.tables.js';
import { repointCustomReference } from '../shared/custom-reference.js';

export type LeadRow = typeof leads.$inferSelect;

/** Leads: the versioned-record queries and the conversion, tenant first, on the request's transaction. */
@Injectable()
export class LeadRepository extends VersionedRecords<typeof leads> {
  constructor(@Inject(Database) database: Database) {
    super(database, leads);
  }

  /** The lead became a party's opportunity (the conversion holds the lead for the request). */
  async markConverted(
    tenantId: string,
    id: string,
    into: { partyId: string; opportunityId: string },
  ): Promise<LeadRow | undefined> {
    const [row] = await this.database
      .tx()
      .update(leads)
      .set({
        status: 'converted',
        convertedPartyId: into.partyId,
        convertedOpportunityId: into.opportunityId,
        convertedAt: new Date(),
        ...bump(leads),
      })
      .where(byId(leads, tenantId, id))
      .returning();
    return row;
  }

  /** A custom `reference` field `key` that names `fromId` names `toId` instead. */
  repointCustomReference(tenantId: string, key: string, fromId: string, toId: string) {
    return repointCustomReference(this.database, leads, tenantId, key, fromId, toId);
  }
}
