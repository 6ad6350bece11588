import { Inject, Injectable } from '@nestjs/common';
import { Database, TRIGRAM_THRESHOLD } from '@nexo/db';
import { PermissionService, columnsOf } from '@nexo/permissions';
import { currentPrincipal } from '@nexo/platform';
import { and, asc, desc, eq, ne, sql, type SQL } from 'drizzle-orm';
import { emailKey, parties } from '../db/crm.tables.js';

export interface DuplicateCandidate {
  id: string;
  name: string;
  reason: 'tax_id' | 'email' | 'similar_name';
  similarity: number;
}

/**
 * Parties that may be the one being entered: same tax id, same email, or a similar name
 * (trigram similarity). Only parties the caller may read.
 *
 * Each kind of match is its own branch of a UNION so that each is planned on its own: as one
 * OR, a condition the index cannot take under RLS would keep the whole of it out of every
 * index, and each create would compute a similarity for each of the tenant's parties. The
 * email branch reads the stored lower-cased key's index (`emailKey`, migration 0029); the name
 * branch the trigram index where the migrator could mark `%` leakproof (ADR 0013).
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
    const tx = this.database.tx();
    const tenant = eq(parties.tenantId, currentPrincipal().tenantId);
    const similarity = probe.name
      ? sql<number>`similarity(${parties.name}, ${probe.name})`
      : sql<number>`0`;
    const candidates = (where: SQL | undefined) =>
      tx.select({ id: parties.id }).from(parties).where(and(tenant, where));
    const branches = [
      probe.taxId ? candidates(eq(parties.taxId, probe.taxId)) : undefined,
      probe.email ? candidates(eq(emailKey(parties), probe.email.toLowerCase())) : undefined,
      // Above TRIGRAM_THRESHOLD two names are worth a second look ("Lácteos Sur" ~ "Lacteos
      // del Sur"). `%` is what the index answers (at that threshold for the app role where the
      // migrator could set it, 0.3 elsewhere); the similarity is then checked exactly.
      probe.name
        ? candidates(sql`${parties.name} % ${probe.name} and ${similarity} >= ${TRIGRAM_THRESHOLD}`)
        : undefined,
    ].filter((branch) => branch !== undefined);
    if (!branches.length) return [];
    const rows = await tx
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
          tenant,
          sql`${parties.id} in (${sql.join(branches, sql` union `)})`,
          ne(parties.status, 'merged'),
          probe.excludeId ? ne(parties.id, probe.excludeId) : undefined,
          await this.permissions.where('read', 'crm.party', columnsOf(parties)),
        ),
      )
      // Without a name every candidate's similarity is the constant 0, which ORDER BY would
      // read as a column position: the name orders them instead.
      .orderBy(...(probe.name ? [desc(similarity), asc(parties.name)] : [asc(parties.name)]))
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
