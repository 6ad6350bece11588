import { Inject, Injectable } from '@nestjs/common';
import { Database, VersionedRecords } from '@nexo/db';
import { asc, eq } from 'drizzle-orm';
import { teams } from '../db/crm.tables.js';

export type TeamRow = typeof teams.$inferSelect;

/**
 * Sales teams: the queries, tenant first, on the request's transaction. Their members are
 * auth's (memberships' teams), changed through `MembershipTeams`, never here.
 */
@Injectable()
export class TeamRepository extends VersionedRecords<typeof teams> {
  constructor(@Inject(Database) database: Database) {
    super(database, teams);
  }

  /** Every team of the company, by name. */
  async all(tenantId: string): Promise<TeamRow[]> {
    return this.database
      .tx()
      .select()
      .from(teams)
      .where(eq(teams.tenantId, tenantId))
      .orderBy(asc(teams.name));
  }

  /** The ids of the company's teams. */
  async ids(tenantId: string): Promise<Set<string>> {
    const rows = await this.database
      .tx()
      .select({ id: teams.id })
      .from(teams)
      .where(eq(teams.tenantId, tenantId));
    return new Set(rows.map((t) => t.id));
  }

  /** A new team; undefined when its name is taken. */
  async insertNew(row: typeof teams.$inferInsert): Promise<TeamRow | undefined> {
    const [created] = await this.database
      .tx()
      .insert(teams)
      .values(row)
      .onConflictDoNothing()
      .returning();
    return created;
  }
}
