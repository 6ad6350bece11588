import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { SearchHit } from '@nexo/contracts';
import { Database } from '@nexo/db';
import { PermissionService, columnsOf } from '@nexo/permissions';
import { SearchRegistry, currentPrincipal, type SearchProvider } from '@nexo/platform';
import { and, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { itemVariants, items } from '../db/catalog.tables.js';

const like = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The catalog's part of the global search: items by name or SKU (trigram indexes, tenant
 * first), and by the exact SKU or barcode of the item or of one of its variants (what a
 * scanner types), which score 1. Only as far as the caller may read items.
 */
@Injectable()
export class CatalogSearchProvider implements SearchProvider, OnModuleInit {
  readonly kinds = ['item'] as const;

  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(SearchRegistry) private readonly registry: SearchRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async search(query: string, limit: number): Promise<SearchHit[]> {
    const tenantId = currentPrincipal().tenantId;
    const tx = this.database.tx();
    // Codes are unique in the company: at most a couple of variants, by their indexes.
    const ofVariants = await tx
      .select({ itemId: itemVariants.itemId })
      .from(itemVariants)
      .where(
        and(
          eq(itemVariants.tenantId, tenantId),
          or(eq(itemVariants.sku, query), eq(itemVariants.barcode, query)),
        ),
      );
    const exact = or(
      eq(items.sku, query),
      eq(items.barcode, query),
      ofVariants.length
        ? inArray(
            items.id,
            ofVariants.map((v) => v.itemId),
          )
        : undefined,
    );
    const score = sql<number>`greatest(similarity(${items.name}, ${query}), case when ${exact} then 1 else 0 end)`;
    const rows = await tx
      .select({ id: items.id, name: items.name, sku: items.sku, score })
      .from(items)
      .where(
        and(
          eq(items.tenantId, tenantId),
          or(ilike(items.name, like(query)), ilike(items.sku, like(query)), exact),
          await this.permissions.where('read', 'catalog.item', columnsOf(items)),
        ),
      )
      .orderBy(desc(score), items.name)
      .limit(limit);
    // A substring match scores at least 0.3, as in the CRM's part.
    return rows.map((r) => ({
      kind: 'item' as const,
      id: r.id,
      title: r.name,
      subtitle: r.sku,
      score: Math.max(Number(r.score), 0.3),
      partyId: null,
    }));
  }
}
