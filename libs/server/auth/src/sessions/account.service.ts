import { Inject, Injectable } from '@nestjs/common';
import { SecurityEventLog } from '@nexo/audit';
import { ErrorCode } from '@nexo/contracts';
import { DomainError, type Principal } from '@nexo/platform';
import { TotpService, type TotpEnrolment } from '../mfa/totp.service.js';
import { UserRepository, type UserRow } from '../users/user.repository.js';
import { SessionService, needsMfaEnrolment, type TokenPair } from './session.service.js';

export interface SessionInfo {
  user: { id: string; email: string; name: string; locale: string; mfaEnabled: boolean };
  current: {
    tenantId: string;
    membershipId: string;
    actor: string;
    roles: string[];
    partyId: string | null;
  };
  memberships: {
    tenantId: string;
    tenantName: string;
    tenantSlug: string;
    membershipId: string;
    actor: string;
  }[];
  mfaEnrolmentRequired: boolean;
}

/**
 * What a signed-in person does with their own account: see the session, switch tenant,
 * list and revoke sessions, sign out, enrol a second factor. Runs in the request's
 * transaction (tenant and user set).
 */
@Injectable()
export class AccountService {
  constructor(
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(TotpService) private readonly totp: TotpService,
    @Inject(SecurityEventLog) private readonly events: SecurityEventLog,
  ) {}

  async info(principal: Principal): Promise<SessionInfo> {
    const user = await this.user(principal);
    const all = await this.users.membershipsOf(user.id);
    const current = all.find((m) => m.membership.id === principal.membershipId);
    if (!current)
      throw new DomainError(ErrorCode.Unauthenticated, 'The membership is no longer active');
    return {
      user: {
        id: user.id,
        email: user.email,
        name: user.name,
        locale: user.locale,
        mfaEnabled: user.mfaEnabledAt !== null,
      },
      current: {
        tenantId: current.membership.tenantId,
        membershipId: current.membership.id,
        actor: current.membership.actor,
        roles: current.membership.roles,
        partyId: current.membership.partyId,
      },
      memberships: all.map((m) => ({
        tenantId: m.tenant.id,
        tenantName: m.tenant.name,
        tenantSlug: m.tenant.slug,
        membershipId: m.membership.id,
        actor: m.membership.actor,
      })),
      mfaEnrolmentRequired: principal.mfaEnrolmentRequired ?? false,
    };
  }

  /** Another of the user's tenants, same session, no new sign-in. */
  async switchTenant(
    principal: Principal,
    tenantId: string,
  ): Promise<TokenPair & { mfaEnrolmentRequired: boolean }> {
    const sessionId = this.sessionId(principal);
    const user = await this.user(principal);
    const target = (await this.users.membershipsOf(user.id)).find(
      (m) => m.membership.tenantId === tenantId,
    );
    if (!target) throw DomainError.notFound('Company');
    const session = await this.sessions.findActive(sessionId, user.id);
    if (!session)
      throw new DomainError(ErrorCode.Unauthenticated, 'The session has ended; sign in again');
    if (session.boundTenantId && session.boundTenantId !== tenantId) {
      throw new DomainError(
        ErrorCode.Forbidden,
        'Signed in through this company’s provider: sign in with your password to switch',
      );
    }
    const mfaEnrolmentRequired = needsMfaEnrolment(user, target, session.mfa);
    const tokens = await this.sessions.switchMembership(
      { id: sessionId, userId: user.id },
      target.membership,
      mfaEnrolmentRequired,
    );
    await this.events.record({
      event: 'tenant.switch',
      outcome: 'success',
      userId: user.id,
      tenantId,
      detail: { from: principal.tenantId },
    });
    return { ...tokens, mfaEnrolmentRequired };
  }

  async listSessions(principal: Principal): Promise<
    {
      id: string;
      current: boolean;
      ip: string | null;
      userAgent: string | null;
      createdAt: Date;
      lastSeenAt: Date;
    }[]
  > {
    const rows = await this.sessions.listActive(principal.userId);
    return rows.map((s) => ({
      id: s.id,
      current: s.id === principal.sessionId,
      ip: s.ip,
      userAgent: s.userAgent,
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
    }));
  }

  async revokeSession(principal: Principal, sessionId: string): Promise<void> {
    if (!(await this.sessions.revoke(sessionId, 'revoked by user', principal.userId)))
      throw DomainError.notFound('Session');
    await this.events.record({
      event: 'session.revoked',
      outcome: 'success',
      userId: principal.userId,
      detail: { sessionId },
    });
  }

  async logout(principal: Principal): Promise<void> {
    await this.sessions.revoke(this.sessionId(principal), 'logout', principal.userId);
    await this.events.record({
      event: 'logout',
      outcome: 'success',
      userId: principal.userId,
      tenantId: principal.tenantId,
    });
  }

  async enrolTotp(principal: Principal): Promise<TotpEnrolment> {
    const user = await this.user(principal);
    if (user.mfaEnabledAt)
      throw new DomainError(ErrorCode.Conflict, 'A second factor is already enrolled');
    return this.totp.enrol(user);
  }

  /** Confirms the second factor; the current session counts as verified with it from now on. */
  async confirmTotp(principal: Principal, code: string): Promise<{ recoveryCodes: string[] }> {
    const user = await this.user(principal);
    const recoveryCodes = await this.totp.confirm(user, code);
    if (principal.sessionId) await this.sessions.touch(principal.sessionId, { mfa: true });
    return { recoveryCodes };
  }

  private async user(principal: Principal): Promise<UserRow> {
    const user = await this.users.findById(principal.userId);
    if (!user) throw new DomainError(ErrorCode.Unauthenticated, 'The user no longer exists');
    return user;
  }

  private sessionId(principal: Principal): string {
    if (!principal.sessionId)
      throw new DomainError(
        ErrorCode.Forbidden,
        'Only a person signed in with a session can do this',
      );
    return principal.sessionId;
  }
}
