import { Inject, Injectable } from '@nestjs/common';
import { VIRTUAL_LOCATION_KINDS, type VirtualLocationKind } from '@nexo/contracts/inventory';
import { Database } from '@nexo/db';
import { DomainError, currentPrincipal } from '@nexo/platform';
import { newId } from '@nexo/utils';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { locations, settings, warehouses } from '../db/inventory.tables.js';

/** What the posting service needs to know of a location to move stock through it. */
export interface LocationFacts {
  id: string;
  kind: string;
  /** Null for the company's virtual locations. */
  warehouseId: string | null;
  /** The warehouse's setting for internal locations; false for virtual ones (transit too). */
  allowNegative: boolean;
  path: string;
  name: string;
}

/** The names virtual locations are created with (the portals translate the kind). */
const VIRTUAL_NAMES: Record<VirtualLocationKind, string> = {
  supplier: 'Proveedores',
  customer: 'Clientes',
  production: 'Producción',
  scrap: 'Bajas',
  adjustment: 'Ajustes de inventario',
  transit: 'En tránsito',
};

/** `~supplier`: a virtual location's path (codes never start with `~`). */
export const virtualPath = (kind: VirtualLocationKind): string => `~${kind}`;

/**
 * Inventory's public read of locations, for the posting service and the other contexts'
 * documents: the company's virtual locations (made the first time they are asked for), a
 * warehouse's root and the facts of several locations in one query. On the caller's
 * transaction, in the principal's company.
 */
@Injectable()
export class StockLocations {
  constructor(@Inject(Database) private readonly database: Database) {}

  /** The id of the company's virtual location of `kind` (creating the six when missing). */
  async virtual(kind: VirtualLocationKind): Promise<string> {
    const tenantId = currentPrincipal().tenantId;
    const found = await this.virtualId(tenantId, kind);
    if (found) return found;
    await this.ensureVirtual(tenantId);
    const made = await this.virtualId(tenantId, kind);
    if (!made) throw new Error(`The ${kind} location could not be created`);
    return made;
  }

  /** The root location of one of the company's warehouses (422 `warehouseId` when none). */
  async rootOf(warehouseId: string): Promise<string> {
    const tenantId = currentPrincipal().tenantId;
    const [row] = await this.database
      .tx()
      .select({ id: locations.id })
      .from(locations)
      .where(
        and(
          eq(locations.tenantId, tenantId),
          eq(locations.warehouseId, warehouseId),
          isNull(locations.parentId),
        ),
      )
      .limit(1);
    if (!row)
      throw DomainError.unknownReference([
        { path: 'warehouseId', code: 'not_found', message: 'No such warehouse' },
      ]);
    return row.id;
  }

  /**
   * The facts of these locations; ids the company does not have are absent from the map.
   * Their warehouses' rows are locked FOR SHARE until the transaction ends, so a posting that
   * copies `allowNegative` onto new stock rows and a change of the setting (which updates the
   * warehouse, then its stock rows) never interleave: one waits for the other's commit.
   */
  async describe(ids: readonly string[]): Promise<Map<string, LocationFacts>> {
    const unique = [...new Set(ids)];
    const facts = new Map<string, LocationFacts>();
    if (!unique.length) return facts;
    const tenantId = currentPrincipal().tenantId;
    const tx = this.database.tx();
    const rows = await tx
      .select({
        id: locations.id,
        kind: locations.kind,
        warehouseId: locations.warehouseId,
        path: locations.path,
        name: locations.name,
      })
      .from(locations)
      .where(and(eq(locations.tenantId, tenantId), inArray(locations.id, unique)));
    const warehouseIds = [
      ...new Set(rows.flatMap((r) => (r.warehouseId ? [r.warehouseId] : []))),
    ].sort();
    const allows = new Map<string, boolean>();
    if (warehouseIds.length)
      for (const w of await tx
        .select({ id: warehouses.id, allowNegative: warehouses.allowNegative })
        .from(warehouses)
        .where(and(eq(warehouses.tenantId, tenantId), inArray(warehouses.id, warehouseIds)))
        .orderBy(warehouses.id)
        .for('share'))
        allows.set(w.id, w.allowNegative);
    for (const row of rows)
      facts.set(row.id, {
        ...row,
        allowNegative:
          row.kind === 'internal' &&
          row.warehouseId !== null &&
          allows.get(row.warehouseId) === true,
      });
    return facts;
  }

  /**
   * Makes the company's six virtual locations, those it lacks (idempotent, race-safe), and its
   * settings row with the defaults: from the first warehouse on, every posting holds that row
   * FOR SHARE, so a change of valuation method always has a row to lock and waits for them.
   */
  async ensureVirtual(tenantId: string): Promise<void> {
    await this.database.tx().execute(sql`
      insert into ${settings} (tenant_id) values (${tenantId}::uuid)
      on conflict (tenant_id) do nothing`);
    const rows = VIRTUAL_LOCATION_KINDS.map(
      (kind) =>
        sql`(${tenantId}::uuid, ${newId()}::uuid, ${kind}, ${kind}, ${VIRTUAL_NAMES[kind]}, ${virtualPath(kind)})`,
    );
    await this.database.tx().execute(sql`
      insert into ${locations} (tenant_id, id, kind, code, name, path)
      values ${sql.join(rows, sql`, `)}
      on conflict (tenant_id, kind) where warehouse_id is null do nothing`);
  }

  private async virtualId(tenantId: string, kind: VirtualLocationKind) {
    const [row] = await this.database
      .tx()
      .select({ id: locations.id })
      .from(locations)
      .where(
        and(
          eq(locations.tenantId, tenantId),
          eq(locations.kind, kind),
          isNull(locations.warehouseId),
        ),
      );
    return row?.id;
  }
}
