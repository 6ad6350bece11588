import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@nexo/db';
import { eq, sql } from 'drizzle-orm';
import { memberships, users } from '../db/auth.tables.js';

export type UserRow = typeof users.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;

@Injectable()
export class UserRepository {
  constructor(@Inject(Database) private readonly database: Database) {}

  async findByEmail(email: string): Promise<UserRow | undefined> {
    const [row] = await this.database
      .tx()
      .select()
      .from(users)
      .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
    return row;
  }

  async insertUser(row: typeof users.$inferInsert): Promise<UserRow> {
    const [created] = await this.database.tx().insert(users).values(row).returning();
    if (!created) throw new Error('insert returned no row');
    return created;
  }

  async insertMembership(row: typeof memberships.$inferInsert): Promise<MembershipRow> {
    const [created] = await this.database.tx().insert(memberships).values(row).returning();
    if (!created) throw new Error('insert returned no row');
    return created;
  }
}
