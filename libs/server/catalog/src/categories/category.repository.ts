import { Inject, Injectable } from '@nestjs/common';
import { Database, VersionedRecords } from '@nexo/db';
import { sql } from 'drizzle-orm';
import { categories } from '../db/catalog.tables.js';

export type CategoryRow = typeof categories.$inferSelect;

/** The category tree; queries only, tenant first, on the request's transaction. */
@Injectable()
export class CategoryRepository extends VersionedRecords<typeof categories> {
  constructor(@Inject(Database) database: Database) {
    super(database, categories);
  }

  /**
   * Serialises moves within a company's tree until the transaction ends, so two moves cannot
   * together make a cycle that neither would make alone.
   */
  async lockTree(tenantId: string): Promise<void> {
    await this.database
      .tx()
      .execute(sql`select pg_advisory_xact_lock(hashtext(${`catalog.categories:${tenantId}`}))`);
  }

  /** The category and its ancestors, up to the root. */
  async lineage(tenantId: string, id: string): Promise<string[]> {
    const { rows } = await this.database.tx().execute<{ id: string }>(sql`
      with recursive up(id, parent_id) as (
        select id, parent_id from ${categories}
         where tenant_id = ${tenantId} and id = ${id}
        union
        select c.id, c.parent_id from ${categories} c
          join up on c.tenant_id = ${tenantId} and c.id = up.parent_id
      )
      select id from up`);
    return rows.map((r) => r.id);
  }
}
