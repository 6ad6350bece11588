import { Inject, Injectable } from '@nestjs/common';
import { Database, VersionedRecords } from '@nexo/db';
import { pointsOfSale } from '../db/tenancy.tables.js';

export type PointOfSaleRow = typeof pointsOfSale.$inferSelect;

/** The points of sale: every query tenant first, on the request's transaction. */
@Injectable()
export class PointOfSaleRepository extends VersionedRecords<typeof pointsOfSale> {
  constructor(@Inject(Database) database: Database) {
    super(database, pointsOfSale);
  }
}
