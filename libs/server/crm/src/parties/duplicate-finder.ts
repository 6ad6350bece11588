import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@nexo/db';
import { PermissionService, columnsOf } from '@nexo/permissions';
import { currentPrincipal } from '@nexo/platform';
import { and, desc, eq, ne, or, sql } from 'drizzle-orm';
import { parties } from '../db/crm.tables.js';

export interface DuplicateCandidate {
  id: string;
  name: string;
  reason: 'tax_id' | 'email' | 'similar_name';
  similarity: number;
}

/** Above this trigram similarity two names are worth a second look ("Lácteos Sur" ~ "Lacteos del Sur"). */
const NAME_SIMILARITY = 0.45;

/**
 * Parties that may be the one being entered: same tax id, same email, or a similar name
 * (trigram similarity, computed for each of the tenant's parties: under RLS no index can
 * serve it, ADR 0013). Only parties the caller may read.
 */
@Injectable()
export class DuplicateFinder {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(PermissionService) private readonly permissions: PermissionService,
  ) {}

  async find(probe: {
    name?: string | undefined;
    taxId?: string | undefined;
    email?: string | null | undefined;
    excludeId?: string;
  }): Promise<DuplicateCandidate[]> {
    const similarity = probe.name
      ? sql<number>`similarity(${parties.name}, ${probe.name})`
      : sql<number>`0`;
    const matches = or(
      probe.taxId ? eq(parties.taxId, probe.taxId) : undefined,
      probe.email ? eq(sql`lower(${parties.email})`, probe.email.toLowerCase()) : undefined,
      // `%` (pg_trgm's set threshold, 0.3) first: a row it rejects costs one similarity.
      probe.name
        ? sql`(${parties.name} % ${probe.name} and ${similarity} >= ${NAME_SIMILARITY})`
        : undefined,
    );
    if (!matches) return [];
    const rows = await this.database
      .tx()
      .select({
        id: parties.id,
        name: parties.name,
        taxId: parties.taxId,
        email: parties.email,
        similarity,
      })
      .from(parties)
      .where(
        and(
          eq(parties.tenantId, currentPrincipal().tenantId),
          ne(parties.status, 'merged'),
          probe.excludeId ? ne(parties.id, probe.excludeId) : undefined,
          matches,
          await this.permissions.where('read', 'crm.party', columnsOf(parties)),
        ),
      )
      .orderBy(desc(similarity))
      .limit(10);
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      reason:
        probe.taxId && r.taxId === probe.taxId
          ? 'tax_id'
          : probe.email && r.email?.toLowerCase() === probe.email.toLowerCase()
            ? 'email'
            : 'similar_name',
      similarity: Math.round(Number(r.similarity) * 100) / 100,
    }));
  }
}
