import { Inject, Injectable } from '@nestjs/common';
import { Database, VersionedRecords } from '@nexo/db';
import { accounts } from '../db/accounts.tables.js';

export type AccountRow = typeof accounts.$inferSelect;

/** Accounts: the versioned-record queries, tenant first, on the request's transaction. */
@Injectable()
export class AccountRepository extends VersionedRecords<typeof accounts> {
  constructor(@Inject(Database) database: Database) {
    super(database, accounts);
  }
}
