import { Inject, Injectable } from '@nestjs/common';
import { SecurityEventLog } from '@nexo/audit';
import { ErrorCode } from '@nexo/contracts';
import {
  APP_CONFIG,
  DomainError,
  randomToken,
  requestContext,
  sha256,
  type Actor,
  type AppConfig,
} from '@nexo/platform';
import { newId } from '@nexo/utils';
import { AccessTokenService } from '../tokens/access-token.service.js';
import type { MembershipRow, MembershipWithTenant, UserRow } from '../users/user.repository.js';
import { SessionRepository, type SessionRow } from './session.repository.js';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  sessionId: string;
}

/** Employees of a company that requires MFA must enrol before anything else. */
export function needsMfaEnrolment(
  user: UserRow,
  chosen: MembershipWithTenant,
  sessionMfa: boolean,
): boolean {
  return (
    chosen.tenant.requireMfaEmployees &&
    chosen.membership.actor === 'employee' &&
    !sessionMfa &&
    !user.mfaEnabledAt
  );
}

const unauthenticated = (): DomainError =>
  new DomainError(ErrorCode.Unauthenticated, 'The session has ended; sign in again');

/**
 * Sessions are refresh-token families. Every refresh replaces the token; presenting one
 * that was already replaced means it leaked, so the whole family is revoked at once.
 * Runs inside the caller's transaction.
 */
@Injectable()
export class SessionService {
  constructor(
    @Inject(SessionRepository) private readonly sessions: SessionRepository,
    @Inject(AccessTokenService) readonly tokens: AccessTokenService,
    @Inject(SecurityEventLog) private readonly events: SecurityEventLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(
    userId: string,
    membership: MembershipRow,
    options: { mfa: boolean; mfaEnrolmentRequired: boolean; boundTenant?: boolean },
  ): Promise<TokenPair> {
    const ctx = requestContext.get();
    const sessionId = newId();
    await this.sessions.insertSession({
      id: sessionId,
      userId,
      tenantId: membership.tenantId,
      membershipId: membership.id,
      mfa: options.mfa,
      boundTenantId: options.boundTenant ? membership.tenantId : null,
      ip: ctx?.ip ?? null,
      userAgent: ctx?.userAgent?.slice(0, 500) ?? null,
      expiresAt: new Date(Date.now() + this.config.NEXO_REFRESH_TOKEN_TTL_S * 1000),
    });
    return this.issue(sessionId, userId, membership, options.mfaEnrolmentRequired);
  }

  /** A new access token and refresh token for a session, for the given membership. */
  async issue(
    sessionId: string,
    userId: string,
    membership: MembershipRow,
    mfaEnrolmentRequired = false,
  ): Promise<TokenPair> {
    const refreshToken = randomToken();
    await this.sessions.insertRefreshToken({
      id: newId(),
      sessionId,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + this.config.NEXO_REFRESH_TOKEN_TTL_S * 1000),
    });
    const accessToken = await this.tokens.sign({
      userId,
      tenantId: membership.tenantId,
      actor: membership.actor as Actor,
      membershipId: membership.id,
      sessionId,
      partyId: membership.partyId,
      mfaEnrolmentRequired,
    });
    return {
      accessToken,
      refreshToken,
      tokenType: 'Bearer',
      expiresIn: this.tokens.ttlSeconds,
      sessionId,
    };
  }

  /**
   * Consumes a refresh token. Returns the session to continue, or throws: unknown, expired,
   * revoked — and for a token already used, revokes the family first.
   */
  async consumeRefreshToken(refreshToken: string): Promise<SessionRow> {
    const found = await this.sessions.findRefreshToken(sha256(refreshToken));
    if (!found) throw unauthenticated();
    const { token, session } = found;
    if (token.usedAt || !(await this.sessions.markUsed(token.id))) {
      await this.sessions.revokeAlone(session.id, 'refresh token reuse');
      await this.events.recordAlone({
        event: 'refresh.reuse',
        outcome: 'blocked',
        userId: session.userId,
        tenantId: session.tenantId,
        detail: { sessionId: session.id },
      });
      throw unauthenticated();
    }
    if (session.revokedAt || session.expiresAt < new Date() || token.expiresAt < new Date())
      throw unauthenticated();
    await this.sessions.touch(session.id);
    return session;
  }

  async revoke(sessionId: string, reason: string, userId?: string): Promise<boolean> {
    return this.sessions.revoke(sessionId, reason, userId);
  }

  findActive(sessionId: string, userId: string): Promise<SessionRow | undefined> {
    return this.sessions.findActive(sessionId, userId);
  }

  listActive(userId: string): Promise<SessionRow[]> {
    return this.sessions.listActive(userId);
  }

  /** The session now acts in another tenant: its outstanding refresh token is retired. */
  async switchMembership(
    session: { id: string; userId: string },
    membership: MembershipRow,
    mfaEnrolmentRequired: boolean,
  ): Promise<TokenPair> {
    await this.sessions.retireUnused(session.id);
    await this.sessions.touch(session.id, {
      tenantId: membership.tenantId,
      membershipId: membership.id,
    });
    return this.issue(session.id, session.userId, membership, mfaEnrolmentRequired);
  }

  touch(sessionId: string, values: { mfa?: boolean } = {}): Promise<void> {
    return this.sessions.touch(sessionId, values);
  }
}
