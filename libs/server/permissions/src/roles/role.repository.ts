import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@nexo/db';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { roles } from '../db/permissions.tables.js';

export type RoleRow = typeof roles.$inferSelect;

/** The tenant's own roles; always within the current tenant (RLS). */
@Injectable()
export class RoleRepository {
  constructor(@Inject(Database) private readonly database: Database) {}

  async byKeys(tenantId: string, keys: string[]): Promise<RoleRow[]> {
    if (!keys.length) return [];
    return this.database
      .tx()
      .select()
      .from(roles)
      .where(and(eq(roles.tenantId, tenantId), inArray(roles.key, keys)));
  }

  async list(tenantId: string): Promise<RoleRow[]> {
    return this.database
      .tx()
      .select()
      .from(roles)
      .where(eq(roles.tenantId, tenantId))
      .orderBy(asc(roles.key))
      .limit(500);
  }

  async insert(row: typeof roles.$inferInsert): Promise<RoleRow> {
    const [created] = await this.database.tx().insert(roles).values(row).returning();
    if (!created) throw new Error('insert returned no row');
    return created;
  }

  async byKey(tenantId: string, key: string): Promise<RoleRow | undefined> {
    const [row] = await this.database
      .tx()
      .select()
      .from(roles)
      .where(and(eq(roles.tenantId, tenantId), eq(roles.key, key)));
    return row;
  }

  /** Updates only if the row still has the version the caller read; undefined otherwise. */
  async update(
    tenantId: string,
    key: string,
    version: number,
    values: Partial<typeof roles.$inferInsert>,
  ): Promise<RoleRow | undefined> {
    const [row] = await this.database
      .tx()
      .update(roles)
      .set({ ...values, updatedAt: sql`now()`, version: sql`${roles.version} + 1` })
      .where(and(eq(roles.tenantId, tenantId), eq(roles.key, key), eq(roles.version, version)))
      .returning();
    return row;
  }

  async remove(tenantId: string, key: string, version: number): Promise<boolean> {
    const rows = await this.database
      .tx()
      .delete(roles)
      .where(and(eq(roles.tenantId, tenantId), eq(roles.key, key), eq(roles.version, version)))
      .returning({ id: roles.id });
    return rows.length === 1;
  }
}
