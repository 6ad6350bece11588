import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import { MembershipTeams } from '@nexo/auth';
import { DomainError, currentPrincipal } from '@nexo/platform';
import { newId } from '@nexo/utils';
import { TeamRepository } from './team.repository.js';

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
    @Inject(TeamRepository) private readonly teams: TeamRepository,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(MembershipTeams) private readonly memberships: MembershipTeams,
  ) {}

  async list(): Promise<TeamView[]> {
    const tenantId = currentPrincipal().tenantId;
    const rows = await this.teams.all(tenantId);
    const members = await this.memberships.teamed(tenantId);
    return rows.map((t) => ({
      id: t.id,
      name: t.name,
      version: t.version,
      memberIds: members.filter((m) => m.teams.includes(t.id)).map((m) => m.id),
    }));
  }

  async create(name: string): Promise<TeamView> {
    const row = await this.teams.insertNew({
      tenantId: currentPrincipal().tenantId,
      id: newId(),
      name,
    });
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
    const team = await this.teams.byId(tenantId, id);
    if (!team) throw DomainError.notFound('Team');
    const unique = [...new Set(membershipIds)];
    const missing = await this.memberships.unknown(tenantId, unique);
    if (missing.length)
      throw DomainError.unknownReference(
        missing.map((m) => ({
          path: 'membershipIds',
          code: 'not_found',
          message: `No member ${m}`,
        })),
      );
    const before = await this.memberships.setTeam(tenantId, id, unique);
    await this.audit.record({
      action: 'set-members',
      resource: 'crm.team',
      resourceId: id,
      before: { memberIds: before },
      after: { memberIds: unique },
    });
    return { id, name: team.name, version: team.version, memberIds: unique };
  }
}
