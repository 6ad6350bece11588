import { Inject, Injectable } from '@nestjs/common';
import { Database, VersionedRecords } from '@nexo/db';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { locations } from '../db/inventory.tables.js';

export type LocationRow = typeof locations.$inferSelect;

/** Locations: the versioned-record queries and the tree's, tenant first. */
@Injectable()
export class LocationRepository extends VersionedRecords<typeof locations> {
  constructor(@Inject(Database) database: Database) {
    super(database, locations);
  }

  /**
   * Serialises changes to a warehouse's tree until the transaction ends, so two moves cannot
   * together make a cycle, nor a rename race a move's new paths.
   */
  async lockTree(tenantId: string, warehouseId: string): Promise<void> {
    await this.database
      .tx()
      .execute(
        sql`select pg_advisory_xact_lock(hashtext(${`inventory.locations:${tenantId}:${warehouseId}`}))`,
      );
  }

  async rootOf(tenantId: string, warehouseId: string): Promise<LocationRow | undefined> {
    const [row] = await this.database
      .tx()
      .select()
      .from(locations)
      .where(
        and(
          eq(locations.tenantId, tenantId),
          eq(locations.warehouseId, warehouseId),
          isNull(locations.parentId),
        ),
      )
      .limit(1);
    return row;
  }

  async hasChildren(tenantId: string, id: string): Promise<boolean> {
    const [row] = await this.database
      .tx()
      .select({ id: locations.id })
      .from(locations)
      .where(and(eq(locations.tenantId, tenantId), eq(locations.parentId, id)))
      .limit(1);
    return row !== undefined;
  }

  /** Every path under `from` (not `from` itself) now starts with `to`. */
  async repathBelow(tenantId: string, warehouseId: string, from: string, to: string) {
    const prefix = `${from}/`;
    await this.database
      .tx()
      .update(locations)
      .set({ path: sql`${to} || substr(${locations.path}, ${from.length + 1})` })
      .where(
        and(
          eq(locations.tenantId, tenantId),
          eq(locations.warehouseId, warehouseId),
          sql`left(${locations.path}, ${prefix.length}) = ${prefix}`,
        ),
      );
  }
}
