import { Inject, Injectable } from '@nestjs/common';
import { Database, VersionedRecords } from '@nexo/db';
import { TenantDirectory } from '@nexo/tenancy';
import { taxRates } from '../db/catalog.tables.js';

export type TaxRateRow = typeof taxRates.$inferSelect;

/** The tax table: the versioned-record queries, tenant first, on the request's transaction. */
@Injectable()
export class TaxRateRepository extends VersionedRecords<typeof taxRates> {
  private readonly tenants: TenantDirectory;

  constructor(@Inject(Database) database: Database) {
    super(database, taxRates);
    this.tenants = new TenantDirectory(database);
  }

  /** The company's base currency: the one of fixed amounts, thresholds and minimums. */
  async companyCurrency(tenantId: string): Promise<string> {
    return (await this.tenants.currentOf(tenantId)).currency;
  }
}
