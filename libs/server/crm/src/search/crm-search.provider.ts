import { Inject, Injectable } from '@nestjs/common';
import type { SearchHit } from '@nexo/contracts';
import { Database } from '@nexo/db';
import { PermissionService, columnsOf } from '@nexo/permissions';
import {
  RegisteredSearchProvider,
  SearchRegistry,
  containing,
  currentPrincipal,
  searchHits,
} from '@nexo/platform';
import { and, desc, eq, ilike, ne, or, sql } from 'drizzle-orm';
import { contacts, emailKey, opportunities, parties } from '../db/crm.tables.js';

/**
 * CRM's part of the global search: parties by name, tax id or email; contacts by name or
 * email; opportunities by title. Substring matches use the trigram indexes (tenant first),
 * exact ids and emails the b-tree ones; each kind through the caller's read rules.
 */
@Injectable()
export class CrmSearchProvider extends RegisteredSearchProvider {
  readonly kinds = ['party', 'contact', 'opportunity'] as const;

  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(SearchRegistry) registry: SearchRegistry,
  ) {
    super(registry);
  }

  async search(query: string, limit: number): Promise<SearchHit[]> {
    const tenantId = currentPrincipal().tenantId;
    const taxId = query.replace(/[\s.\-/]/g, '').toUpperCase();
    const email = query.includes('@') ? query.toLowerCase() : null;
    const tx = this.database.tx();

    const partyScore = sql<number>`greatest(similarity(${parties.name}, ${query}), case when ${parties.taxId} = ${taxId} or ${emailKey(parties)} = ${email} then 1 else 0 end)`;
    const partyRows = await tx
      .select({ id: parties.id, name: parties.name, taxId: parties.taxId, score: partyScore })
      .from(parties)
      .where(
        and(
          eq(parties.tenantId, tenantId),
          ne(parties.status, 'merged'),
          or(
            ilike(parties.name, containing(query)),
            eq(parties.taxId, taxId),
            email ? eq(emailKey(parties), email) : undefined,
          ),
          await this.permissions.where('read', 'crm.party', columnsOf(parties)),
        ),
      )
      .orderBy(desc(partyScore))
      .limit(limit);

    const contactScore = sql<number>`greatest(similarity(${contacts.name}, ${query}), case when ${emailKey(contacts)} = ${email} then 1 else 0 end)`;
    const contactRows = await tx
      .select({
        id: contacts.id,
        name: contacts.name,
        partyId: contacts.partyId,
        partyName: parties.name,
        score: contactScore,
      })
      .from(contacts)
      .innerJoin(
        parties,
        and(eq(parties.tenantId, contacts.tenantId), eq(parties.id, contacts.partyId)),
      )
      .where(
        and(
          eq(contacts.tenantId, tenantId),
          or(
            ilike(contacts.name, containing(query)),
            email ? eq(emailKey(contacts), email) : undefined,
          ),
          await this.permissions.where('read', 'crm.contact', columnsOf(contacts)),
          await this.permissions.where('read', 'crm.party', columnsOf(parties)),
        ),
      )
      .orderBy(desc(contactScore))
      .limit(limit);

    const opportunityScore = sql<number>`similarity(${opportunities.title}, ${query})`;
    const opportunityRows = await tx
      .select({
        id: opportunities.id,
        title: opportunities.title,
        status: opportunities.status,
        partyId: opportunities.partyId,
        score: opportunityScore,
      })
      .from(opportunities)
      .where(
        and(
          eq(opportunities.tenantId, tenantId),
          ilike(opportunities.title, containing(query)),
          await this.permissions.where('read', 'crm.opportunity', columnsOf(opportunities)),
        ),
      )
      .orderBy(desc(opportunityScore))
      .limit(limit);

    return [
      ...searchHits('party', partyRows, (r) => ({
        id: r.id,
        title: r.name,
        subtitle: r.taxId,
        partyId: r.id,
      })),
      ...searchHits('contact', contactRows, (r) => ({
        id: r.id,
        title: r.name,
        subtitle: r.partyName,
        partyId: r.partyId,
      })),
      ...searchHits('opportunity', opportunityRows, (r) => ({
        id: r.id,
        title: r.title,
        subtitle: r.status,
        partyId: r.partyId,
      })),
    ];
  }
}
