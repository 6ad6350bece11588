import { Inject, Injectable } from '@nestjs/common';
import { SecurityEventLog } from '@nexo/audit';
import {
  EmailSchema,
  ErrorCode,
  type CreateOidcProviderInput,
  type OidcAuthorizeInput,
  type OidcCallbackInput,
} from '@nexo/contracts';
import { Database, constraintError, type ConstraintMeaning } from '@nexo/db';
import {
  APP_CONFIG,
  APP_LOGGER,
  DomainError,
  SecretBox,
  sha256,
  type AppConfig,
  type Logger,
  type Principal,
} from '@nexo/platform';
import { newId } from '@nexo/utils';
import * as client from 'openid-client';
import type { LoginResult } from '../login/login.service.js';
import { Throttle } from '../login/throttle.service.js';
import { SessionService, needsMfaEnrolment } from '../sessions/session.service.js';
import {
  UserRepository,
  type MembershipWithTenant,
  type UserRow,
} from '../users/user.repository.js';
import {
  assertIssuerUrlAllowed,
  findIssuerRefusal,
  type IssuerAddressPolicy,
  type IssuerAddressRefusedError,
} from './issuer-address.js';
import { issuerFetch } from './issuer-fetch.js';
import {
  OidcProviderRepository,
  type OidcLoginRow,
  type OidcProviderRow,
} from './oidc-provider.repository.js';

const LOGIN_TTL_MS = 10 * 60_000;
/** A disabled membership, or a concurrent first sign-in of the same person. */
const SIGN_IN_CONFLICTS: Record<string, ConstraintMeaning> = {
  memberships_tenant_user_key: { kind: 'taken', field: 'email', message: 'Already a member' },
  users_email_key: { kind: 'taken', field: 'email', message: 'Already a member' },
};

export type OidcLoginResult = LoginResult;
export interface OidcProviderView {
  id: string;
  name: string;
  issuer: string;
  clientId: string;
  enabled: boolean;
  createdAt: Date;
}

const view = (p: OidcProviderRow): OidcProviderView => ({
  id: p.id,
  name: p.name,
  issuer: p.issuer,
  clientId: p.clientId,
  enabled: p.enabled,
  createdAt: p.createdAt,
});

/** Why a sign-in that reached the provider was refused; only the security log learns it. */
class Refused extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/**
 * Sign-in through a company's own OpenID Connect provider (authorization code + PKCE).
 * The portal keeps nothing: verifier, state and nonce wait in `oidc_logins` until the
 * callback. The provider's word on a verified email signs in a member of the company, or
 * someone it invited; it never creates an account on its own.
 */
@Injectable()
export class OidcLoginService {
  /** Which addresses the server may call for a company's issuer (`NEXO_OIDC_ALLOW_PRIVATE_ISSUERS`). */
  private readonly issuerPolicy: IssuerAddressPolicy;

  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(OidcProviderRepository) private readonly providers: OidcProviderRepository,
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(Throttle) private readonly throttle: Throttle,
    @Inject(SecretBox) private readonly box: SecretBox,
    @Inject(SecurityEventLog) private readonly events: SecurityEventLog,
    @Inject(APP_LOGGER) private readonly logger: Logger,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.issuerPolicy = { allowPrivate: config.NEXO_OIDC_ALLOW_PRIVATE_ISSUERS };
  }

  /**
   * Saves a provider whose issuer resolves, now, to addresses the server may call. Nothing is
   * fetched: every later call checks its own addresses again (`issuerFetch`), since a name may
   * resolve elsewhere tomorrow.
   */
  async createProvider(
    principal: Principal,
    input: CreateOidcProviderInput,
  ): Promise<OidcProviderView> {
    const { tenantId } = principal;
    try {
      await assertIssuerUrlAllowed(this.issuerPolicy, new URL(input.issuer));
    } catch (error) {
      const refusal = findIssuerRefusal(error);
      if (!refusal) throw error;
      throw new DomainError(
        'oidc_issuer_not_allowed',
        `The issuer is not allowed: ${refusal.reason}`,
      );
    }
    const row = await this.providers.insert({
      tenantId,
      id: newId(),
      name: input.name,
      issuer: input.issuer,
      clientId: input.clientId,
      clientSecretEnc: this.box.encrypt(input.clientSecret),
    });
    return view(row);
  }

  async listProviders(principal: Principal): Promise<OidcProviderView[]> {
    return (await this.providers.list(principal.tenantId)).map(view);
  }

  async disableProvider(principal: Principal, id: string): Promise<void> {
    if (!(await this.providers.disable(principal.tenantId, id)))
      throw DomainError.notFound('Sign-in provider');
  }

  async authorize(
    input: OidcAuthorizeInput,
    ip: string,
  ): Promise<{ authorizationUrl: string; state: string }> {
    await this.throttle.consume('token:ip', ip);
    const { tenantId } = input;
    const provider = await this.database.withContext({ tenantId }, () =>
      this.providers.findEnabled(tenantId, input.providerId),
    );
    if (!provider) throw DomainError.notFound('Sign-in provider');
    const config = await this.configure(provider);
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const authorizationUrl = client.buildAuthorizationUrl(config, {
      redirect_uri: input.redirectUri,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    await this.database.withContext({ tenantId }, () =>
      this.providers.insertLogin({
        tenantId,
        id: newId(),
        providerId: provider.id,
        stateHash: sha256(state),
        codeVerifier,
        nonce,
        redirectUri: input.redirectUri,
        expiresAt: new Date(Date.now() + LOGIN_TTL_MS),
      }),
    );
    return { authorizationUrl: authorizationUrl.href, state };
  }

  async callback(input: OidcCallbackInput, ip: string): Promise<OidcLoginResult> {
    await this.throttle.consume('token:ip', ip);
    const { tenantId } = input;
    const answer = new URL(input.callbackUrl);
    const state = answer.searchParams.get('state');
    // Used up before the code is exchanged, so a replayed or raced callback gets nowhere.
    const started = state
      ? await this.database.withContext({ tenantId }, () =>
          this.providers.consumeLogin(tenantId, sha256(state)),
        )
      : undefined;
    if (!state || !started) {
      await this.recordFailure(tenantId, 'state');
      throw new DomainError(ErrorCode.InvalidToken, 'The sign-in expired or was used; start again');
    }
    const claims = await this.exchange(started, answer.search, state);
    const email = EmailSchema.safeParse(claims?.email);
    const claimed = email.success ? email.data : undefined;
    if (!claims) throw await this.refused(tenantId, 'exchange', claimed);
    if (claims.email_verified !== true || !claimed)
      throw await this.refused(tenantId, 'email_not_verified', claimed);
    const name = typeof claims.name === 'string' ? claims.name.trim().slice(0, 200) : '';
    try {
      return await this.database.withContext({ tenantId }, () =>
        this.signIn(tenantId, started.provider.id, claimed, name || claimed),
      );
    } catch (error) {
      if (error instanceof Refused) throw await this.refused(tenantId, error.reason, claimed);
      // A disabled membership, or a concurrent first sign-in of the same person.
      if (constraintError(error, SIGN_IN_CONFLICTS))
        throw await this.refused(tenantId, 'conflict', claimed);
      throw error;
    }
  }

  /** The ID token's claims, or nothing when the provider or the answer fails a check. */
  private async exchange(
    { login, provider }: { login: OidcLoginRow; provider: OidcProviderRow },
    answer: string,
    state: string,
  ): Promise<client.IDToken | undefined> {
    const config = await this.configure(provider);
    // The redirect URI the provider saw at the start, whatever origin the portal reports.
    const current = new URL(login.redirectUri);
    current.search = answer;
    try {
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: login.codeVerifier,
        expectedState: state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      return tokens.claims();
    } catch (error) {
      const refusal = findIssuerRefusal(error);
      if (refusal) throw await this.issuerRefused(provider, refusal);
      this.logger.warn({ err: error, providerId: provider.id }, 'OIDC code exchange failed');
      return undefined;
    }
  }

  /** In the tenant's transaction: a refusal thrown here rolls back an accepted invitation. */
  private async signIn(
    tenantId: string,
    providerId: string,
    email: string,
    name: string,
  ): Promise<OidcLoginResult> {
    const existing = await this.users.findByEmail(email);
    if (existing && existing.status !== 'active') throw new Refused('user_disabled');
    const member = existing && (await this.membershipIn(tenantId, existing.id));
    const { user, chosen } =
      existing && member
        ? { user: existing, chosen: member }
        : await this.joinByInvitation(tenantId, email, name, existing);
    // The provider is the tenant's own choice: its word is good for that tenant only. The
    // second factor, when enrolled, is still asked for; the session cannot switch tenants.
    if (user.mfaEnabledAt) {
      const mfaToken = await this.sessions.tokens.signMfaChallenge(
        user.id,
        chosen.membership.id,
        tenantId,
        true,
      );
      return { status: 'mfa_required', mfaToken };
    }
    const mfaEnrolmentRequired = needsMfaEnrolment(user, chosen, false);
    const tokens = await this.sessions.start(user.id, chosen.membership, {
      mfa: false,
      mfaEnrolmentRequired,
      boundTenant: true,
    });
    await this.events.record({
      event: 'oidc.login',
      outcome: 'success',
      userId: user.id,
      tenantId,
      email,
      detail: { providerId },
    });
    return { status: 'authenticated', mfaEnrolmentRequired, ...tokens };
  }

  /** No membership yet: a pending invitation for the email makes one (and the user, if new). */
  private async joinByInvitation(
    tenantId: string,
    email: string,
    name: string,
    existing: UserRow | undefined,
  ): Promise<{ user: UserRow; chosen: MembershipWithTenant }> {
    const invitation = await this.providers.acceptInvitationFor(tenantId, email);
    if (!invitation) throw new Refused('not_a_member');
    // The provider vouched for the address, so it counts as verified.
    const user =
      existing ??
      (await this.users.insertUser({ id: newId(), email, name, emailVerifiedAt: new Date() }));
    await this.users.insertMembership({
      tenantId,
      id: newId(),
      userId: user.id,
      actor: invitation.actor,
      roles: invitation.roles,
      partyId: invitation.partyId,
    });
    const chosen = await this.membershipIn(tenantId, user.id);
    if (!chosen) throw new Refused('company_inactive');
    await this.events.record({
      event: 'invitation.accept',
      outcome: 'success',
      userId: user.id,
      tenantId,
      email,
    });
    return { user, chosen };
  }

  /** Only this tenant's rows are visible here (RLS), so at most its one membership. */
  private async membershipIn(
    tenantId: string,
    userId: string,
  ): Promise<MembershipWithTenant | undefined> {
    return (await this.users.membershipsOf(userId)).find((m) => m.membership.tenantId === tenantId);
  }

  /**
   * Discovery, with `issuerFetch` kept for every later call of the configuration (token, key
   * set, userinfo): each checks the addresses it connects to, then and there. Plain http is let
   * through openid-client only because `issuerFetch` allows it to private networks alone, and
   * those only with `NEXO_OIDC_ALLOW_PRIVATE_ISSUERS`.
   */
  private async configure(provider: OidcProviderRow): Promise<client.Configuration> {
    const issuer = new URL(provider.issuer);
    try {
      return await client.discovery(
        issuer,
        provider.clientId,
        undefined,
        client.ClientSecretBasic(this.box.decrypt(provider.clientSecretEnc)),
        {
          [client.customFetch]: issuerFetch(this.issuerPolicy),
          ...(issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : {}),
        },
      );
    } catch (error) {
      const refusal = findIssuerRefusal(error);
      if (refusal) throw await this.issuerRefused(provider, refusal);
      this.logger.warn({ err: error, providerId: provider.id }, 'OIDC discovery failed');
      throw new DomainError(ErrorCode.ServiceUnavailable, 'The sign-in provider does not answer');
    }
  }

  /**
   * A call to the provider refused before connecting: saved with a public address, its issuer
   * (or an endpoint its discovery names) now resolves to a private one, or was stored before the
   * check existed. The sign-in is refused; the operator learns the address from the log.
   */
  private async issuerRefused(
    provider: OidcProviderRow,
    refusal: IssuerAddressRefusedError,
  ): Promise<DomainError> {
    this.logger.warn(
      { providerId: provider.id, host: refusal.host, address: refusal.address },
      `OIDC call refused: ${refusal.reason}`,
    );
    await this.recordFailure(provider.tenantId, 'issuer_not_allowed');
    return new DomainError(
      'oidc_issuer_not_allowed',
      `The sign-in provider's address is not allowed: ${refusal.reason}`,
    );
  }

  /** Same answer whatever the reason: no oracle for who belongs where. */
  private async refused(tenantId: string, reason: string, email?: string): Promise<DomainError> {
    await this.recordFailure(tenantId, reason, email);
    return new DomainError(ErrorCode.InvalidCredentials, 'The sign-in was not accepted');
  }

  private recordFailure(tenantId: string, reason: string, email?: string): Promise<void> {
    return this.events.recordAlone({
      event: 'oidc.login',
      outcome: 'failure',
      tenantId,
      email,
      detail: { reason },
    });
  }
}
