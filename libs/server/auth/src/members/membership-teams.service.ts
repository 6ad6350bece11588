import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@nexo/db';
import { and, arrayContains, eq, inArray, sql } from 'drizzle-orm';
import { memberships } from '../db/auth.tables.js';

/**
 * What other contexts may change on a membership: its teams (crm's sales teams) and the
 * party it stands for. Memberships are auth's table, so other contexts come through here
 * rather than writing `auth.memberships` themselves. Runs in the caller's transaction.
 */
@Injectable()
export class MembershipTeams {
  constructor(@Inject(Database) private readonly database: Database) {}

  /** The tenant's memberships that belong to at least one team, with their teams. */
  async teamed(tenantId: string): Promise<{ id: string; teams: string[] }[]> {
    return this.database
      .tx()
      .select({ id: memberships.id, teams: memberships.teams })
      .from(memberships)
      .where(and(eq(memberships.tenantId, tenantId), sql`cardinality(${memberships.teams}) > 0`));
  }

  /** Of these ids, those that are no membership of the tenant. */
  async unknown(tenantId: string, membershipIds: string[]): Promise<string[]> {
    if (!membershipIds.length) return [];
    const found = await this.database
      .tx()
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.tenantId, tenantId), inArray(memberships.id, membershipIds)));
    return membershipIds.filter((m) => !found.some((f) => f.id === m));
  }

  /** Makes exactly these memberships the team's members; returns the members before. */
  async setTeam(tenantId: string, teamId: string, membershipIds: string[]): Promise<string[]> {
    const tx = this.database.tx();
    const inTeam = and(
      eq(memberships.tenantId, tenantId),
      arrayContains(memberships.teams, [teamId]),
    );
    const before = await tx.select({ id: memberships.id }).from(memberships).where(inTeam);
    await tx
      .update(memberships)
      .set({ teams: sql`array_remove(${memberships.teams}, ${teamId}::uuid)` })
      .where(inTeam);
    if (membershipIds.length)
      await tx
        .update(memberships)
        .set({ teams: sql`array_append(${memberships.teams}, ${teamId}::uuid)` })
        .where(and(eq(memberships.tenantId, tenantId), inArray(memberships.id, membershipIds)));
    return before.map((b) => b.id);
  }

  /** Points the memberships that stand for one party at another (a party merge). */
  async reassignParty(tenantId: string, fromPartyId: string, toPartyId: string): Promise<void> {
    await this.database
      .tx()
      .update(memberships)
      .set({ partyId: toPartyId })
      .where(and(eq(memberships.tenantId, tenantId), eq(memberships.partyId, fromPartyId)));
  }
}
