import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@nexo/db';
import { TenantDirectory } from '@nexo/tenancy';
import { and, asc, eq, sql } from 'drizzle-orm';
import { memberships, users } from '../db/auth.tables.js';

export type UserRow = typeof users.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;
export interface MembershipWithTenant {
  membership: MembershipRow;
  tenant: { id: string; name: string; slug: string; requireMfaEmployees: boolean };
}

/** Users are global; memberships are read as the user (own rows) or within a tenant. */
@Injectable()
export class UserRepository {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(TenantDirectory) private readonly tenants: TenantDirectory,
  ) {}

  async findByEmail(email: string): Promise<UserRow | undefined> {
    const [row] = await this.database
      .tx()
      .select()
      .from(users)
      .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
    return row;
  }

  async findById(id: string): Promise<UserRow | undefined> {
    const [row] = await this.database.tx().select().from(users).where(eq(users.id, id));
    return row;
  }

  async insertUser(row: typeof users.$inferInsert): Promise<UserRow> {
    const [created] = await this.database.tx().insert(users).values(row).returning();
    if (!created) throw new Error('insert returned no row');
    return created;
  }

  async update(id: string, values: Partial<typeof users.$inferInsert>): Promise<void> {
    await this.database
      .tx()
      .update(users)
      .set({ ...values, updatedAt: sql`now()`, version: sql`${users.version} + 1` })
      .where(eq(users.id, id));
  }

  /** One more failed sign-in; from the fifth on, the account waits base × 2^(n−5). */
  async recordFailure(
    id: string,
    lockBaseMs: number,
  ): Promise<{ failedLogins: number; lockedUntil: Date | null }> {
    const [row] = await this.database
      .tx()
      .update(users)
      .set({
        failedLogins: sql`${users.failedLogins} + 1`,
        lockedUntil: sql`case when ${users.failedLogins} + 1 >= 5
          then now() + make_interval(secs => ${lockBaseMs / 1000}::float8 * power(2, least(${users.failedLogins} + 1 - 5, 16)))
          else null end`,
      })
      .where(eq(users.id, id))
      .returning({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil });
    return row ?? { failedLogins: 0, lockedUntil: null };
  }

  async insertMembership(row: typeof memberships.$inferInsert): Promise<MembershipRow> {
    const [created] = await this.database.tx().insert(memberships).values(row).returning();
    if (!created) throw new Error('insert returned no row');
    return created;
  }

  /**
   * The user's active memberships in every active tenant, by the tenant's name (needs
   * `app.user_id` set: RLS). The companies are tenancy's: read through its directory.
   */
  async membershipsOf(userId: string): Promise<MembershipWithTenant[]> {
    const rows = await this.database
      .tx()
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.status, 'active')));
    const companies = await this.tenants.activeAmong([...new Set(rows.map((m) => m.tenantId))]);
    // One membership per tenant and user (memberships_tenant_user_key): in the companies' order.
    return companies.flatMap(({ id, name, slug, requireMfaEmployees }) =>
      rows
        .filter((m) => m.tenantId === id)
        .map((membership) => ({ membership, tenant: { id, name, slug, requireMfaEmployees } })),
    );
  }

  async findMembership(tenantId: string, id: string): Promise<MembershipRow | undefined> {
    const [row] = await this.database
      .tx()
      .select()
      .from(memberships)
      .where(and(eq(memberships.tenantId, tenantId), eq(memberships.id, id)));
    return row;
  }

  async updateMembership(
    tenantId: string,
    id: string,
    values: Partial<typeof memberships.$inferInsert>,
  ): Promise<MembershipRow | undefined> {
    const [row] = await this.database
      .tx()
      .update(memberships)
      .set({ ...values, updatedAt: sql`now()`, version: sql`${memberships.version} + 1` })
      .where(and(eq(memberships.tenantId, tenantId), eq(memberships.id, id)))
      .returning();
    return row;
  }

  async listMembers(
    tenantId: string,
    limit: number,
  ): Promise<
    { membership: MembershipRow; user: Pick<UserRow, 'id' | 'email' | 'name' | 'status'> }[]
  > {
    return this.database
      .tx()
      .select({
        membership: memberships,
        user: { id: users.id, email: users.email, name: users.name, status: users.status },
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.tenantId, tenantId))
      .orderBy(asc(memberships.id))
      .limit(limit);
  }
}
