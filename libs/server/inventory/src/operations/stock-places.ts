import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@nexo/db';
import { DomainError } from '@nexo/platform';
import { and, eq, inArray } from 'drizzle-orm';
import { locations, lots } from '../db/inventory.tables.js';
import { StockLocations } from '../locations/stock-locations.service.js';
import type { FieldProblem } from './operation.policy.js';

export interface PlaceRow {
  id: string;
  kind: string;
  warehouseId: string | null;
  path: string;
}

/**
 * The locations and lots operations and counts name, read tenant first on the request's
 * transaction: whether a location is an internal one of a warehouse, a location's subtree
 * (by path), lots of an item; the company's virtual locations are `StockLocations`'.
 */
@Injectable()
export class StockPlaces {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(StockLocations) private readonly locations: StockLocations,
  ) {}

  async byIds(tenantId: string, ids: readonly string[]): Promise<Map<string, PlaceRow>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.database
      .tx()
      .select({
        id: locations.id,
        kind: locations.kind,
        warehouseId: locations.warehouseId,
        path: locations.path,
      })
      .from(locations)
      .where(and(eq(locations.tenantId, tenantId), inArray(locations.id, unique)));
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** The warehouse's root location (422 on `warehouseId` when it has none). */
  rootOf(warehouseId: string): Promise<string> {
    return this.locations.rootOf(warehouseId);
  }

  /** The company's virtual location of `kind` (adjustment, scrap, transit), made when missing. */
  virtual(kind: 'adjustment' | 'scrap' | 'transit'): Promise<string> {
    return this.locations.virtual(kind);
  }

  /** The lots of `ids` with their item and code. */
  async lots(tenantId: string, ids: readonly string[]) {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map<string, { itemId: string; code: string }>();
    const rows = await this.database
      .tx()
      .select({ id: lots.id, itemId: lots.itemId, code: lots.code })
      .from(lots)
      .where(and(eq(lots.tenantId, tenantId), inArray(lots.id, unique)));
    return new Map(rows.map((r) => [r.id, { itemId: r.itemId, code: r.code }]));
  }

  /**
   * Checks that `locationId` (at request field `path`) is an internal location; of
   * `warehouseId` when given (422 `location_not_in_warehouse` otherwise).
   */
  async internal(
    tenantId: string,
    checks: readonly { path: string; locationId: string; warehouseId?: string }[],
  ): Promise<Map<string, PlaceRow>> {
    const found = await this.byIds(
      tenantId,
      checks.map((c) => c.locationId),
    );
    const missing: FieldProblem[] = checks
      .filter((c) => !found.has(c.locationId))
      .map((c) => ({ path: c.path, code: 'not_found', message: 'No such location' }));
    if (missing.length > 0) throw DomainError.validation(missing);
    for (const c of checks) {
      const place = found.get(c.locationId) as PlaceRow;
      if (place.kind !== 'internal' || (c.warehouseId && place.warehouseId !== c.warehouseId))
        throw new DomainError(
          'location_not_in_warehouse',
          `${c.path}: the location is not an internal location of the warehouse`,
        );
    }
    return found;
  }
}
