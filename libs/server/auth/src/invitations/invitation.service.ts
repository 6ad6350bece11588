import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { AuditLog, SecurityEventLog } from '@nexo/audit';
import { ErrorCode, type AcceptInvitationInput, type CreateInvitationInput } from '@nexo/contracts';
import {
  Database,
  defineConstraints,
  translateWriteError,
  unknownReference,
  type ConstraintMeaning,
} from '@nexo/db';
import {
  APP_CONFIG,
  DomainError,
  Mailer,
  randomToken,
  sha256,
  type AppConfig,
  type MailMessage,
  type Principal,
} from '@nexo/platform';
import { TenantDirectory } from '@nexo/tenancy';
import { newId } from '@nexo/utils';
import { PasswordHasher } from '../passwords/password-hasher.js';
import { passwordPolicyIssues } from '../passwords/password-policy.js';
import { Throttle } from '../login/throttle.service.js';
import { ROLE_KEYS, assertRoleKeys, type RoleKeys } from '../clients/role-keys.js';
import { authMail } from '../recovery/auth-mail.js';
import { SessionService, needsMfaEnrolment, type TokenPair } from '../sessions/session.service.js';
import { UserRepository } from '../users/user.repository.js';
import { InvitationRepository, type InvitationRow } from './invitation.repository.js';

const INVITATION_TTL_MS = 7 * 86_400_000;

// The party a client or supplier acts for is one of the company's (migration 0031, issue 23).
defineConstraints({
  invitations_party_fk: unknownReference('partyId', 'No such party'),
  memberships_party_fk: unknownReference('partyId', 'No such party'),
});
/** Accepting twice, or racing another acceptance of the same person into the company. */
const ALREADY_MEMBER: Record<string, ConstraintMeaning> = {
  memberships_tenant_user_key: {
    kind: 'taken',
    field: 'email',
    message: 'You already belong to this company',
  },
  users_email_key: { kind: 'taken', field: 'email', message: 'You already belong to this company' },
};

export interface InvitationView {
  id: string;
  email: string;
  actor: string;
  roles: string[];
  partyId: string | null;
  expiresAt: Date;
  createdAt: Date;
}

const view = (i: InvitationRow): InvitationView => ({
  id: i.id,
  email: i.email,
  actor: i.actor,
  roles: i.roles,
  partyId: i.partyId,
  expiresAt: i.expiresAt,
  createdAt: i.createdAt,
});

/**
 * Invitations: an admin invites an email as an actor with roles; the emailed link (single
 * use, 7 days) creates the user or links an existing one, and signs them in. The token is
 * `<tenant id>.<random>`, so acceptance knows which company's rows to look in.
 */
@Injectable()
export class InvitationService {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(InvitationRepository) private readonly invitations: InvitationRepository,
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(PasswordHasher) private readonly hasher: PasswordHasher,
    @Inject(Throttle) private readonly throttle: Throttle,
    @Inject(Mailer) private readonly mailer: Mailer,
    @Inject(SecurityEventLog) private readonly events: SecurityEventLog,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ModuleRef) private readonly modules: ModuleRef,
    @Inject(TenantDirectory) private readonly tenants: TenantDirectory,
  ) {}

  /** In the admin's request transaction; the mail goes out once the row is written. */
  async invite(principal: Principal, input: CreateInvitationInput): Promise<InvitationView> {
    if ((input.actor === 'client' || input.actor === 'supplier') !== Boolean(input.partyId)) {
      throw DomainError.validation([
        {
          path: 'partyId',
          code: 'party_required',
          message: 'Client and supplier members act for a party; others do not',
        },
      ]);
    }
    // The roles the member will get: this company's (or system roles), as assigning checks.
    await assertRoleKeys(
      this.modules.get<RoleKeys>(ROLE_KEYS, { strict: false }),
      principal.tenantId,
      input.roles,
    );
    const secret = randomToken();
    const token = `${principal.tenantId}.${secret}`;
    const invitation = await this.invitations.insert({
      tenantId: principal.tenantId,
      id: newId(),
      email: input.email,
      actor: input.actor,
      roles: input.roles,
      partyId: input.partyId ?? null,
      tokenHash: sha256(secret),
      invitedBy: principal.userId,
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    });
    const company = await this.tenants.summaryOf(principal.tenantId);
    await this.events.record({
      event: 'invitation.create',
      outcome: 'success',
      userId: principal.userId,
      tenantId: principal.tenantId,
      email: input.email,
    });
    await this.audit.record({
      action: 'create',
      resource: 'auth.invitation',
      resourceId: invitation.id,
      after: { ...view(invitation) },
    });
    await this.mailer.send(
      this.mail(input.email, company?.locale ?? 'es', company?.name ?? 'NEXO', token),
    );
    return view(invitation);
  }

  listPending(principal: Principal): Promise<InvitationView[]> {
    return this.invitations.listPending(principal.tenantId).then((rows) => rows.map(view));
  }

  async revoke(principal: Principal, id: string): Promise<void> {
    if (!(await this.invitations.revoke(principal.tenantId, id)))
      throw DomainError.notFound('Invitation');
    await this.audit.record({ action: 'revoke', resource: 'auth.invitation', resourceId: id });
  }

  /** Public: the link's holder joins, as a new user (name and password) or an existing one. */
  async accept(
    input: AcceptInvitationInput,
    ip: string,
  ): Promise<
    TokenPair & { status: 'authenticated'; mfaEnrolmentRequired: boolean; createdUser: boolean }
  > {
    await this.throttle.consume('reset:ip', ip);
    const [tenantId, secret] = input.token.split('.', 2);
    const invalid = new DomainError(
      ErrorCode.InvalidToken,
      'The invitation is not valid any more: ask for a new one',
    );
    if (!tenantId || !secret || !/^[0-9a-f-]{36}$/.test(tenantId)) throw invalid;
    try {
      return await this.database.withContext({ tenantId }, async () => {
        const invitation = await this.invitations.accept(tenantId, sha256(secret));
        if (!invitation) throw invalid;
        let user = await this.users.findByEmail(invitation.email);
        const createdUser = !user;
        if (!user) {
          const issues = [
            ...(input.name
              ? []
              : [{ path: 'name', code: 'required', message: 'Your name is needed' }]),
            ...passwordPolicyIssues(input.password ?? '', { email: invitation.email }),
          ];
          if (issues.length) throw DomainError.validation(issues);
          user = await this.users.insertUser({
            id: newId(),
            email: invitation.email,
            name: input.name ?? invitation.email,
            locale: input.locale ?? 'es',
            passwordHash: await this.hasher.hash(input.password ?? ''),
            emailVerifiedAt: new Date(), // the link arrived at this address
          });
        }
        const membership = await this.users.insertMembership({
          tenantId,
          id: newId(),
          userId: user.id,
          actor: invitation.actor,
          roles: invitation.roles,
          partyId: invitation.partyId,
        });
        await this.events.record({
          event: 'invitation.accept',
          outcome: 'success',
          userId: user.id,
          tenantId,
          email: invitation.email,
        });
        const company = await this.tenants.summaryOf(tenantId);
        const mfaEnrolmentRequired = company
          ? needsMfaEnrolment(user, { membership, tenant: company }, false)
          : false;
        const tokens = await this.sessions.start(user.id, membership, {
          mfa: false,
          mfaEnrolmentRequired,
        });
        return { status: 'authenticated' as const, mfaEnrolmentRequired, createdUser, ...tokens };
      });
    } catch (error) {
      translateWriteError(error, ALREADY_MEMBER);
    }
  }

  private mail(to: string, locale: string, company: string, token: string): MailMessage {
    const base = this.config.NEXO_PUBLIC_URL ?? `http://localhost:${this.config.PORT}`;
    return authMail.invitation(
      to,
      locale,
      company,
      `${base}/invitacion?token=${encodeURIComponent(token)}`,
    );
  }
}
