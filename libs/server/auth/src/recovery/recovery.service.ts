import { Inject, Injectable } from '@nestjs/common';
import { SecurityEventLog } from '@nexo/audit';
import { ErrorCode } from '@nexo/contracts';
import { Database } from '@nexo/db';
import {
  APP_CONFIG,
  DomainError,
  Mailer,
  randomToken,
  sha256,
  type AppConfig,
} from '@nexo/platform';
import { PasswordHasher } from '../passwords/password-hasher.js';
import { passwordPolicyIssues } from '../passwords/password-policy.js';
import { Throttle } from '../login/throttle.service.js';
import { SessionRepository } from '../sessions/session.repository.js';
import { UserRepository } from '../users/user.repository.js';
import { authMail } from './auth-mail.js';
import { OneTimeTokenRepository } from './one-time-token.repository.js';

const RESET_TTL_S = 3600;
const VERIFY_TTL_S = 86_400;

const invalidToken = (): DomainError =>
  new DomainError(ErrorCode.InvalidToken, 'The link is not valid any more: ask for a new one');

/**
 * Password reset and email verification by emailed single-use tokens (hashed at rest). The
 * reset answers the same whether or not the email exists, clears a lock-out, and ends
 * every session of the account.
 */
@Injectable()
export class RecoveryService {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(OneTimeTokenRepository) private readonly tokens: OneTimeTokenRepository,
    @Inject(SessionRepository) private readonly sessions: SessionRepository,
    @Inject(PasswordHasher) private readonly hasher: PasswordHasher,
    @Inject(Throttle) private readonly throttle: Throttle,
    @Inject(Mailer) private readonly mailer: Mailer,
    @Inject(SecurityEventLog) private readonly events: SecurityEventLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private link(path: string, token: string): string {
    return `${this.config.NEXO_PUBLIC_URL ?? `http://localhost:${this.config.PORT}`}${path}?token=${encodeURIComponent(token)}`;
  }

  async requestPasswordReset(email: string, ip: string): Promise<void> {
    await this.throttle.consume('reset:ip', ip);
    await this.throttle.consume('reset:account', email);
    const mail = await this.database.withContext({}, async () => {
      const user = await this.users.findByEmail(email);
      await this.events.record({
        event: 'password.reset.request',
        outcome: user ? 'success' : 'failure',
        userId: user?.id,
        email,
      });
      if (!user || user.status !== 'active') return undefined;
      const token = randomToken();
      await this.tokens.insert(user.id, 'password_reset', sha256(token), RESET_TTL_S);
      return authMail.passwordReset(
        user.email,
        user.locale,
        this.link('/restablecer-clave', token),
      );
    });
    // After the commit: a mail must never point at a token that was rolled back.
    if (mail) await this.mailer.send(mail);
  }

  async resetPassword(token: string, password: string, ip: string): Promise<void> {
    await this.throttle.consume('reset:ip', ip);
    await this.database.withContext({}, async () => {
      const userId = await this.tokens.consume('password_reset', sha256(token));
      if (!userId) throw invalidToken();
      const user = await this.users.findById(userId);
      if (!user) throw invalidToken();
      const issues = passwordPolicyIssues(password, { email: user.email });
      if (issues.length) throw DomainError.validation(issues);
      await this.users.update(user.id, {
        passwordHash: await this.hasher.hash(password),
        failedLogins: 0,
        lockedUntil: null,
        validAfter: new Date(),
        // Reading the mail proved the address.
        emailVerifiedAt: user.emailVerifiedAt ?? new Date(),
      });
      await this.sessions.revokeAllOfUser(user.id, 'password reset');
      await this.events.record({ event: 'password.reset', outcome: 'success', userId: user.id });
    });
  }

  async requestEmailVerification(userId: string): Promise<void> {
    const user = await this.users.findById(userId);
    if (!user) throw DomainError.notFound('User');
    if (user.emailVerifiedAt) return;
    const token = randomToken();
    await this.tokens.insert(user.id, 'email_verification', sha256(token), VERIFY_TTL_S);
    await this.mailer.send(
      authMail.emailVerification(user.email, user.locale, this.link('/verificar-email', token)),
    );
  }

  async verifyEmail(token: string, ip: string): Promise<void> {
    await this.throttle.consume('reset:ip', ip);
    await this.database.withContext({}, async () => {
      const userId = await this.tokens.consume('email_verification', sha256(token));
      if (!userId) throw invalidToken();
      await this.users.update(userId, { emailVerifiedAt: new Date() });
      await this.events.record({ event: 'email.verify', outcome: 'success', userId });
    });
  }
}
