import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import { memberships } from '@nexo/auth/tables';
import { Database } from '@nexo/db';
import { DomainError, currentPrincipal } from '@nexo/platform';
import { newId } from '@nexo/utils';
import { and, arrayContains, asc, eq, inArray, sql } from 'drizzle-orm';
import { teams } from '../db/crm.tables.js';
import { byId } from '../shared/records.js';

export interface TeamView {
  id: string;
  name: string;
  memberIds: string[];
  version: number;
}

/**
 * Sales teams. A member's teams are stored on the membership (auth), so the principal's
 * `$teams` is read with its roles on every request: a change applies to the next one.
 */
@Injectable()
export class TeamService {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  async list(): Promise<TeamView[]> {
    const tenantId = currentPrincipal().tenantId;
    const tx = this.database.tx();
    const rows = await tx
      .select()
      .from(teams)
      .where(eq(teams.tenantId, tenantId))
      .orderBy(asc(teams.name));
    const members = await tx
      .select({ id: memberships.id, teams: memberships.teams })
      .from(memberships)
      .where(and(eq(memberships.tenantId, tenantId), sql`cardinality(${memberships.teams}) > 0`));
    return rows.map((t) => ({
      id: t.id,
      name: t.name,
      version: t.version,
      memberIds: members.filter((m) => m.teams.includes(t.id)).map((m) => m.id),
    }));
  }

  async create(name: string): Promise<TeamView> {
    const [row] = await this.database
      .tx()
      .insert(teams)
      .values({ tenantId: currentPrincipal().tenantId, id: newId(), name })
      .onConflictDoNothing()
      .returning();
    if (!row) throw DomainError.conflict(`A team named "${name}" exists`);
    await this.audit.record({
      action: 'create',
      resource: 'crm.team',
      resourceId: row.id,
      after: { name },
    });
    return { id: row.id, name: row.name, version: row.version, memberIds: [] };
  }

  async setMembers(id: string, membershipIds: string[]): Promise<TeamView> {
    const tenantId = currentPrincipal().tenantId;
    const tx = this.database.tx();
    const [team] = await tx
      .select()
      .from(teams)
      .where(byId(teams, tenantId, id));
    if (!team) throw DomainError.notFound('Team');
    const unique = [...new Set(membershipIds)];
    const found = unique.length
      ? await tx
          .select({ id: memberships.id })
          .from(memberships)
          .where(and(eq(memberships.tenantId, tenantId), inArray(memberships.id, unique)))
      : [];
    const missing = unique.filter((m) => !found.some((f) => f.id === m));
    if (missing.length)
      throw DomainError.unknownReference(
        missing.map((m) => ({
          path: 'membershipIds',
          code: 'not_found',
          message: `No member ${m}`,
        })),
      );
    const before = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.tenantId, tenantId), arrayContains(memberships.teams, [id])));
    await tx
      .update(memberships)
      .set({ teams: sql`array_remove(${memberships.teams}, ${id}::uuid)` })
      .where(and(eq(memberships.tenantId, tenantId), arrayContains(memberships.teams, [id])));
    if (unique.length)
      await tx
        .update(memberships)
        .set({ teams: sql`array_append(${memberships.teams}, ${id}::uuid)` })
        .where(and(eq(memberships.tenantId, tenantId), inArray(memberships.id, unique)));
    await this.audit.record({
      action: 'set-members',
      resource: 'crm.team',
      resourceId: id,
      before: { memberIds: before.map((b) => b.id) },
      after: { memberIds: unique },
    });
    return { id, name: team.name, version: team.version, memberIds: unique };
  }
}
