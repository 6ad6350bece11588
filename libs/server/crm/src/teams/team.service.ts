import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import { MembershipTeams } from '@nexo/auth';
import { DomainError, currentPrincipal } from '@nexo/platform';
import { RecordWrites, type Masked } from '@nexo/records';
import { newId } from '@nexo/utils';
import { TeamRepository, type TeamRow } from './team.repository.js';

export type { TeamRow } from './team.repository.js';
/** A team with its members (memberships' ids, stored by auth) as the API names them. */
type TeamWithMembers = TeamRow & { memberIds: string[] };
/** A team as it leaves the API: what the caller may read of it and of its members. */
export type TeamView = Masked<TeamWithMembers>;
const SUBJECT = 'crm.team';

/**
 * Sales teams. A member's teams are stored on the membership (auth), so the principal's
 * `$teams` is read with its roles on every request: a change applies to the next one.
 */
@Injectable()
export class TeamService {
  constructor(
    @Inject(TeamRepository) private readonly teams: TeamRepository,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(RecordWrites) private readonly writes: RecordWrites,
    @Inject(MembershipTeams) private readonly memberships: MembershipTeams,
  ) {}

  async list(): Promise<TeamView[]> {
    const tenantId = currentPrincipal().tenantId;
    const rows = await this.teams.all(tenantId);
    const members = await this.memberships.teamed(tenantId);
    const view = await this.writes.viewer<TeamWithMembers>(SUBJECT);
    return rows.map((t) =>
      view({ ...t, memberIds: members.filter((m) => m.teams.includes(t.id)).map((m) => m.id) }),
    );
  }

  async create(name: string): Promise<TeamView> {
    const tenantId = currentPrincipal().tenantId;
    return this.writes.create<TeamWithMembers>({
      subject: SUBJECT,
      input: { name },
      insert: async () => {
        const row = await this.teams.insertNew({ tenantId, id: newId(), name });
        if (!row) throw DomainError.conflict(`A team named "${name}" exists`);
        return { ...row, memberIds: [] };
      },
    });
  }

  /** The members are auth's (a membership's teams): set there, audited here as the team's. */
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
      resource: SUBJECT,
      resourceId: id,
      before: { memberIds: before },
      after: { memberIds: unique },
    });
    return this.writes.view<TeamWithMembers>(SUBJECT, { ...team, memberIds: unique });
  }
}
