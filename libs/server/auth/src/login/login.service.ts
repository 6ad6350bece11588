import { Inject, Injectable } from '@nestjs/common';
import { SecurityEventLog } from '@nexo/audit';
import { ErrorCode } from '@nexo/contracts';
import { Database } from '@nexo/db';
import { APP_CONFIG, DomainError, type AppConfig } from '@nexo/platform';
import { TotpService } from '../mfa/totp.service.js';
import { PasswordHasher } from '../passwords/password-hasher.js';
import { SessionService, needsMfaEnrolment, type TokenPair } from '../sessions/session.service.js';
import {
  UserRepository,
  type MembershipWithTenant,
  type UserRow,
} from '../users/user.repository.js';
import { Throttle } from './throttle.service.js';

export type LoginResult =
  | ({ status: 'authenticated'; mfaEnrolmentRequired: boolean } & TokenPair)
  | { status: 'mfa_required'; mfaToken: string };

/** A hash of a random password, verified when the email is unknown so timing reveals nothing. */
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$3l2Jq8KQ5N9p7f1rY0wO8mJb6d0u0n5kS3oY3x7Zs1E';

const invalidCredentials = (): DomainError =>
  new DomainError(ErrorCode.InvalidCredentials, 'The email or the password is not right');

/**
 * Password sign-in. Order matters: rate limits, then the account's lock-out, and only then
 * argon2 — so a flood spends no hashing time on attempts that were going to be refused.
 */
@Injectable()
export class LoginService {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(PasswordHasher) private readonly hasher: PasswordHasher,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(TotpService) private readonly totp: TotpService,
    @Inject(Throttle) private readonly throttle: Throttle,
    @Inject(SecurityEventLog) private readonly events: SecurityEventLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(
    input: { email: string; password: string; tenantId?: string | undefined },
    ip: string,
  ): Promise<LoginResult> {
    await this.throttle.consume('login:ip', ip);

    const user = await this.database.withContext({}, () => this.users.findByEmail(input.email));
    if (user?.lockedUntil && user.lockedUntil > new Date()) {
      await this.events.recordAlone({
        event: 'login',
        outcome: 'blocked',
        userId: user.id,
        email: input.email,
      });
      throw new DomainError(
        ErrorCode.RateLimited,
        'Too many failed attempts; wait, or reset the password',
        {
          retryAfterSeconds: Math.max(
            1,
            Math.ceil((user.lockedUntil.getTime() - Date.now()) / 1000),
          ),
        },
      );
    }
    const ok = await this.hasher
      .verify(user?.passwordHash ?? DUMMY_HASH, input.password)
      .catch(() => false);
    if (!user || !ok || user.status !== 'active') {
      // Failures alone count against the account: a legitimate user on many devices is never slowed.
      await this.throttle.consume('login:account', input.email);
      if (user)
        await this.database.withContext({}, () =>
          this.users.recordFailure(user.id, this.config.NEXO_LOGIN_LOCK_BASE_MS),
        );
      await this.events.recordAlone({
        event: 'login',
        outcome: 'failure',
        userId: user?.id,
        email: input.email,
      });
      throw invalidCredentials();
    }

    return this.database.withContext({ userId: user.id }, async () => {
      if (user.failedLogins > 0 || user.lockedUntil)
        await this.users.update(user.id, { failedLogins: 0, lockedUntil: null });
      const chosen = this.choose(await this.users.membershipsOf(user.id), input.tenantId);
      if (user.mfaEnabledAt) {
        const { membership } = chosen;
        return {
          status: 'mfa_required' as const,
          mfaToken: await this.sessions.tokens.signMfaChallenge(
            user.id,
            membership.id,
            membership.tenantId,
          ),
        };
      }
      return this.startSession(user, chosen, false);
    });
  }

  /** The second step when MFA is on: the challenge from step one plus a code. */
  async completeMfa(
    input: { mfaToken: string; code?: string | undefined; recoveryCode?: string | undefined },
    ip: string,
  ): Promise<LoginResult> {
    await this.throttle.consume('login:ip', ip);
    const challenge = await this.sessions.tokens.verifyMfaChallenge(input.mfaToken).catch(() => {
      throw new DomainError(ErrorCode.Unauthenticated, 'The sign-in took too long; start again');
    });
    await this.throttle.consume('login:account', challenge.userId);
    const result = await this.database.withContext({ userId: challenge.userId }, async () => {
      const user = await this.users.findById(challenge.userId);
      if (!user || user.status !== 'active') return undefined;
      if (!(await this.totp.verify(user, input))) return undefined;
      const chosen = this.choose(await this.users.membershipsOf(user.id), challenge.tenantId);
      await this.events.record({
        event: 'login.mfa',
        outcome: 'success',
        userId: user.id,
        tenantId: challenge.tenantId,
      });
      return this.startSession(user, chosen, true, challenge.bound);
    });
    if (!result) {
      await this.events.recordAlone({
        event: 'login.mfa',
        outcome: 'failure',
        userId: challenge.userId,
      });
      throw new DomainError(ErrorCode.InvalidCredentials, 'The code is not valid');
    }
    return result;
  }

  private choose(memberships: MembershipWithTenant[], tenantId?: string): MembershipWithTenant {
    const chosen = tenantId
      ? memberships.find((m) => m.membership.tenantId === tenantId)
      : memberships[0];
    // Same answer as a wrong password: no oracle for who belongs where.
    if (!chosen) throw invalidCredentials();
    return chosen;
  }

  private async startSession(
    user: UserRow,
    chosen: MembershipWithTenant,
    mfa: boolean,
    boundTenant = false,
  ): Promise<LoginResult> {
    const mfaEnrolmentRequired = needsMfaEnrolment(user, chosen, mfa);
    const tokens = await this.sessions.start(user.id, chosen.membership, {
      mfa,
      mfaEnrolmentRequired,
      boundTenant,
    });
    await this.events.record({
      event: 'login',
      outcome: 'success',
      userId: user.id,
      tenantId: chosen.membership.tenantId,
    });
    return { status: 'authenticated', mfaEnrolmentRequired, ...tokens };
  }

  /** Rotates the refresh token and issues a fresh access token for the session's membership. */
  async refresh(
    refreshToken: string,
    ip: string,
  ): Promise<TokenPair & { mfaEnrolmentRequired: boolean }> {
    await this.throttle.consume('token:ip', ip);
    const session = await this.database.withContext({}, () =>
      this.sessions.consumeRefreshToken(refreshToken),
    );
    return this.database.withContext({ userId: session.userId }, async () => {
      const user = await this.users.findById(session.userId);
      const chosen = (await this.users.membershipsOf(session.userId)).find(
        (m) => m.membership.id === session.membershipId,
      );
      if (!user || user.status !== 'active' || !chosen) {
        throw new DomainError(ErrorCode.Unauthenticated, 'The session has ended; sign in again');
      }
      const mfaEnrolmentRequired = needsMfaEnrolment(user, chosen, session.mfa);
      const tokens = await this.sessions.issue(
        session.id,
        user.id,
        chosen.membership,
        mfaEnrolmentRequired,
      );
      return { ...tokens, mfaEnrolmentRequired };
    });
  }
}
