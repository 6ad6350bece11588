import { Inject, Injectable } from '@nestjs/common';
import { Database, VersionedRecords } from '@nexo/db';
import { units } from '../db/catalog.tables.js';

export type UnitRow = typeof units.$inferSelect;

/** Units of measure: the versioned-record queries, tenant first, on the request's transaction. */
@Injectable()
export class UnitRepository extends VersionedRecords<typeof units> {
  constructor(@Inject(Database) database: Database) {
    super(database, units);
  }
}
