import { Inject, Injectable } from '@nestjs/common';
import { Database, runList, type ListPage, type ListRequest } from '@nexo/db';
import { and, eq } from 'drizzle-orm';
import { moves, reservations } from '../db/inventory.tables.js';

export type StockMoveRow = typeof moves.$inferSelect;
export type ReservationRow = typeof reservations.$inferSelect;

/** The ledger and the reservations read: pages and a move by id, on the request's transaction. */
@Injectable()
export class StockMoveRepository {
  constructor(@Inject(Database) private readonly database: Database) {}

  page(list: ListRequest): Promise<ListPage<StockMoveRow>> {
    const tx = this.database.tx();
    return runList<StockMoveRow>(
      tx,
      list,
      (limit) =>
        tx
          .select({ row: moves, sortKey: list.sortValue })
          .from(moves)
          .where(list.where)
          .orderBy(...list.orderBy)
          .limit(limit),
      moves,
    );
  }

  async byId(tenantId: string, id: string): Promise<StockMoveRow | undefined> {
    const [row] = await this.database
      .tx()
      .select()
      .from(moves)
      .where(and(eq(moves.tenantId, tenantId), eq(moves.id, id)));
    return row;
  }

  reservations(list: ListRequest): Promise<ListPage<ReservationRow>> {
    const tx = this.database.tx();
    return runList<ReservationRow>(
      tx,
      list,
      (limit) =>
        tx
          .select({ row: reservations, sortKey: list.sortValue })
          .from(reservations)
          .where(list.where)
          .orderBy(...list.orderBy)
          .limit(limit),
      reservations,
    );
  }
}
