import { Inject, Injectable } from '@nestjs/common';
import { Database, VersionedRecords } from '@nexo/db';
import { taxRates } from '../db/catalog.tables.js';

export type TaxRateRow = typeof taxRates.$inferSelect;

/** The tax table: the versioned-record queries, tenant first, on the request's transaction. */
@Injectable()
export class TaxRateRepository extends VersionedRecords<typeof taxRates> {
  constructor(@Inject(Database) database: Database) {
    super(database, taxRates);
  }
}
