import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@nexo/db';
import { and, arrayContains, eq, sql } from 'drizzle-orm';
import { apiClients, memberships } from '../db/auth.tables.js';

/** A member as the permission engine sees them: who they are and the roles they hold. */
export interface MemberGrant {
  id: string;
  userId: string;
  actor: string;
  partyId: string | null;
  roles: string[];
}

/**
 * The roles memberships and API clients hold, for the permissions context: it administers
 * roles, auth stores who holds them. Permissions depends on auth and not the other way, so
 * it reads and assigns through here rather than querying `auth.memberships` itself. Runs in
 * the caller's transaction.
 */
@Injectable()
export class MembershipRoles {
  constructor(@Inject(Database) private readonly database: Database) {}

  /** The tenant's membership, whatever its status; undefined when there is none. */
  async member(tenantId: string, membershipId: string): Promise<MemberGrant | undefined> {
    const [row] = await this.database
      .tx()
      .select({
        id: memberships.id,
        userId: memberships.userId,
        actor: memberships.actor,
        partyId: memberships.partyId,
        roles: memberships.roles,
      })
      .from(memberships)
      .where(and(eq(memberships.tenantId, tenantId), eq(memberships.id, membershipId)));
    return row;
  }

  /** Makes `roles` the member's roles (as given); undefined when there is no such member. */
  async assign(
    tenantId: string,
    membershipId: string,
    roles: string[],
  ): Promise<{ id: string; roles: string[] } | undefined> {
    const [row] = await this.database
      .tx()
      .update(memberships)
      .set({ roles, updatedAt: sql`now()`, version: sql`${memberships.version} + 1` })
      .where(and(eq(memberships.tenantId, tenantId), eq(memberships.id, membershipId)))
      .returning({ id: memberships.id, roles: memberships.roles });
    return row;
  }

  /** How many of the tenant's memberships hold the role (any status). */
  async membersHolding(tenantId: string, role: string): Promise<number> {
    const [row] = await this.database
      .tx()
      .select({ n: sql<number>`count(*)::int` })
      .from(memberships)
      .where(and(eq(memberships.tenantId, tenantId), arrayContains(memberships.roles, [role])));
    return row?.n ?? 0;
  }

  /** How many of the tenant's active API clients hold the role. */
  async activeClientsHolding(tenantId: string, role: string): Promise<number> {
    const [row] = await this.database
      .tx()
      .select({ n: sql<number>`count(*)::int` })
      .from(apiClients)
      .where(
        and(
          eq(apiClients.tenantId, tenantId),
          eq(apiClients.status, 'active'),
          arrayContains(apiClients.roles, [role]),
        ),
      );
    return row?.n ?? 0;
  }
}
