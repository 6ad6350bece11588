import { Inject, Injectable } from '@nestjs/common';
import { Database, VersionedRecords } from '@nexo/db';
import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { locations, lots, moves } from '../db/inventory.tables.js';

export type LotRow = typeof lots.$inferSelect;

const fromLocation = alias(locations, 'from_location');
const toLocation = alias(locations, 'to_location');

/** Lots and serial numbers: the versioned-record queries and the lot's moves, tenant first. */
@Injectable()
export class LotRepository extends VersionedRecords<typeof lots> {
  constructor(@Inject(Database) database: Database) {
    super(database, lots);
  }

  async byCode(tenantId: string, itemId: string, code: string): Promise<LotRow | undefined> {
    const [row] = await this.database
      .tx()
      .select()
      .from(lots)
      .where(and(eq(lots.tenantId, tenantId), eq(lots.itemId, itemId), eq(lots.code, code)));
    return row;
  }

  /** Inserts the lot unless the item already has one of this code; its id either way. */
  async insertOrFind(row: typeof lots.$inferInsert): Promise<string | undefined> {
    const [made] = await this.database
      .tx()
      .insert(lots)
      .values(row)
      .onConflictDoNothing({ target: [lots.tenantId, lots.itemId, lots.code] })
      .returning({ id: lots.id });
    return made?.id ?? (await this.byCode(row.tenantId, row.itemId, row.code))?.id;
  }

  /** The lot's moves in the order they posted, with where each came from and went. */
  trace(tenantId: string, lotId: string) {
    return this.database
      .tx()
      .select({
        moveId: moves.id,
        effectiveDate: moves.effectiveDate,
        postedAt: moves.postedAt,
        sourceType: moves.sourceType,
        sourceId: moves.sourceId,
        sourceLineId: moves.sourceLineId,
        fromLocationId: moves.fromLocationId,
        fromPath: fromLocation.path,
        fromKind: fromLocation.kind,
        toLocationId: moves.toLocationId,
        toPath: toLocation.path,
        toKind: toLocation.kind,
        quantity: moves.quantity,
        reversesMoveId: moves.reversesMoveId,
      })
      .from(moves)
      .innerJoin(
        fromLocation,
        and(eq(fromLocation.tenantId, moves.tenantId), eq(fromLocation.id, moves.fromLocationId)),
      )
      .innerJoin(
        toLocation,
        and(eq(toLocation.tenantId, moves.tenantId), eq(toLocation.id, moves.toLocationId)),
      )
      .where(and(eq(moves.tenantId, tenantId), eq(moves.lotId, lotId)))
      .orderBy(asc(moves.postedAt), asc(moves.id));
  }
}
