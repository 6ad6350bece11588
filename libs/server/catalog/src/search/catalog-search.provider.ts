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
import { and, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { itemVariants, items } from '../db/catalog.tables.js';

/**
 * The catalog's part of the global search: items by name or SKU (trigram indexes, tenant
 * first), and by the exact SKU or barcode of the item or of one of its variants (what a
 * scanner types), which score 1. Only as far as the caller may read items.
 */
@Injectable()
export class CatalogSearchProvider extends RegisteredSearchProvider {
  readonly kinds = ['item'] as const;

  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(SearchRegistry) registry: SearchRegistry,
  ) {
    super(registry);
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
          or(ilike(items.name, containing(query)), ilike(items.sku, containing(query)), exact),
          await this.permissions.where('read', 'catalog.item', columnsOf(items)),
        ),
      )
      .orderBy(desc(score), items.name)
      .limit(limit);
    return searchHits('item', rows, (r) => ({
      id: r.id,
      title: r.name,
      subtitle: r.sku,
      partyId: null,
    }));
  }
}
