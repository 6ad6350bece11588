import { Inject, Injectable } from '@nestjs/common';
import { AuditLog, SecurityEventLog } from '@nexo/audit';
import { ErrorCode } from '@nexo/contracts';
import { DomainError, type Principal } from '@nexo/platform';
import { UserRepository } from '../users/user.repository.js';

export interface MemberView {
  membershipId: string;
  userId: string;
  email: string;
  name: string;
  actor: string;
  roles: string[];
  status: string;
}

/** The people of the current company, for its administrators. */
@Injectable()
export class MemberService {
  constructor(
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(SecurityEventLog) private readonly events: SecurityEventLog,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  async list(principal: Principal, limit = 50): Promise<MemberView[]> {
    const rows = await this.users.listMembers(principal.tenantId, limit);
    return rows.map(({ membership: m, user: u }) => ({
      membershipId: m.id,
      userId: u.id,
      email: u.email,
      name: u.name,
      actor: m.actor,
      roles: m.roles,
      status: m.status,
    }));
  }

  /** Takes effect on the member's very next request: their tokens stop working. */
  async disable(principal: Principal, membershipId: string): Promise<void> {
    if (membershipId === principal.membershipId) {
      throw new DomainError(ErrorCode.Conflict, 'You cannot disable your own membership');
    }
    const row = await this.users.updateMembership(principal.tenantId, membershipId, {
      status: 'disabled',
      validAfter: new Date(),
    });
    if (!row) throw DomainError.notFound('Member');
    await this.audit.record({
      action: 'disable',
      resource: 'auth.member',
      resourceId: membershipId,
      before: { status: 'active' },
      after: { status: row.status },
    });
    await this.events.record({
      event: 'membership.disable',
      outcome: 'success',
      userId: principal.userId,
      tenantId: principal.tenantId,
      detail: { membershipId },
    });
  }
}
