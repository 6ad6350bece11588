import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@nexo/db';
import { and, eq, sql } from 'drizzle-orm';
import { tenants } from '../db/tenancy.tables.js';

export type TenantRow = typeof tenants.$inferSelect;

/** Queries only; runs on the request's transaction, so RLS confines it to the current tenant. */
@Injectable()
export class TenantRepository {
  constructor(@Inject(Database) private readonly database: Database) {}

  async insert(row: typeof tenants.$inferInsert): Promise<TenantRow> {
    const [created] = await this.database.tx().insert(tenants).values(row).returning();
    if (!created) throw new Error('insert returned no row');
    return created;
  }

  /** The update at the version the caller read; undefined when it is not that version (any more). */
  async update(
    id: string,
    version: number,
    changes: Partial<typeof tenants.$inferInsert>,
  ): Promise<TenantRow | undefined> {
    const [row] = await this.database
      .tx()
      .update(tenants)
      .set({ ...changes, updatedAt: sql`now()`, version: sql`${tenants.version} + 1` })
      .where(and(eq(tenants.id, id), eq(tenants.version, version)))
      .returning();
    return row;
  }

  async findById(id: string): Promise<TenantRow | undefined> {
    const [row] = await this.database.tx().select().from(tenants).where(eq(tenants.id, id));
    return row;
  }
}
