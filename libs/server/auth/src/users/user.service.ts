import { Inject, Injectable } from '@nestjs/common';
import { SecurityEventLog } from '@nexo/audit';
import { Database, translateWriteError } from '@nexo/db';
import { SessionRepository } from '../sessions/session.repository.js';
import { DomainError, zodIssues } from '@nexo/platform';
import { newId } from '@nexo/utils';
import { PasswordHasher } from '../passwords/password-hasher.js';
import { passwordPolicyIssues } from '../passwords/password-policy.js';
import {
  CreateUserWithMembershipInputSchema,
  type CreateUserWithMembershipInput,
} from './user.contracts.js';
import { UserRepository, type MembershipRow, type UserRow } from './user.repository.js';

@Injectable()
export class UserService {
  constructor(
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(PasswordHasher) private readonly hasher: PasswordHasher,
    @Inject(Database) private readonly database: Database,
    @Inject(SessionRepository) private readonly sessions: SessionRepository,
    @Inject(SecurityEventLog) private readonly events: SecurityEventLog,
  ) {}

  /** Disables a user in every company and ends their sessions (CLI, platform operators). */
  async disableByEmail(email: string): Promise<boolean> {
    return this.database.withContext({}, async () => {
      const user = await this.users.findByEmail(email);
      if (!user) return false;
      await this.users.update(user.id, { status: 'disabled', validAfter: new Date() });
      await this.sessions.revokeAllOfUser(user.id, 'user disabled');
      await this.events.record({
        event: 'user.disable',
        outcome: 'success',
        userId: user.id,
        email,
      });
      return true;
    });
  }

  /**
   * Creates the user if the email is new, or links the existing one, and gives it a
   * membership in the current transaction's tenant: a failure leaves neither.
   */
  async createWithMembership(
    input: CreateUserWithMembershipInput,
  ): Promise<{ user: UserRow; membership: MembershipRow; created: boolean }> {
    const parsed = CreateUserWithMembershipInputSchema.safeParse(input);
    if (!parsed.success) throw DomainError.validation(zodIssues(parsed.error));
    const { email, name, locale, password, tenantId, actor, roles } = parsed.data;
    const weak = passwordPolicyIssues(password, { email });
    try {
      const existing = await this.users.findByEmail(email);
      if (!existing && weak.length) throw DomainError.validation(weak);
      const user =
        existing ??
        (await this.users.insertUser({
          id: newId(),
          email,
          name,
          locale,
          passwordHash: await this.hasher.hash(password),
        }));
      const membership = await this.users.insertMembership({
        tenantId,
        id: newId(),
        userId: user.id,
        actor,
        roles,
      });
      return { user, membership, created: !existing };
    } catch (error) {
      // A membership of this user here already, or the same email created meanwhile.
      const taken = {
        kind: 'taken',
        field: 'email',
        message: `${email} is already a member of this company`,
      } as const;
      translateWriteError(error, { memberships_tenant_user_key: taken, users_email_key: taken });
    }
  }
}
