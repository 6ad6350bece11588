import { Inject, Injectable } from '@nestjs/common';
import { Database, VersionedRecords } from '@nexo/db';
import { warehouses } from '../db/inventory.tables.js';

export type WarehouseRow = typeof warehouses.$inferSelect;

/** Warehouses: the versioned-record queries, tenant first, on the request's transaction. */
@Injectable()
export class WarehouseRepository extends VersionedRecords<typeof warehouses> {
  constructor(@Inject(Database) database: Database) {
    super(database, warehouses);
  }
}
