import { Module } from '@nestjs/common';
import { PRINCIPAL_VERIFIER } from '@nexo/db';
import { REQUEST_AUTHENTICATOR } from '@nexo/platform';
import { TenantDirectoryModule } from '@nexo/tenancy';
import { BearerAuthenticator } from './guard/bearer-authenticator.js';
import { AuthPrincipalVerifier } from './guard/principal-verifier.js';
import { ApiClientService } from './clients/api-client.service.js';
import { ApiClientController, OAuthTokenController } from './http/api-client.controller.js';
import { AuthController } from './http/auth.controller.js';
import { MemberController } from './http/member.controller.js';
import { MemberService } from './members/member.service.js';
import { InvitationController } from './http/invitation.controller.js';
import { RecoveryController } from './http/recovery.controller.js';
import { InvitationRepository } from './invitations/invitation.repository.js';
import { InvitationService } from './invitations/invitation.service.js';
import { OneTimeTokenRepository } from './recovery/one-time-token.repository.js';
import { RecoveryService } from './recovery/recovery.service.js';
import { LoginService } from './login/login.service.js';
import { Throttle } from './login/throttle.service.js';
import { TotpService } from './mfa/totp.service.js';
import { OidcLoginService } from './oidc/oidc-login.service.js';
import { OidcProviderRepository } from './oidc/oidc-provider.repository.js';
import { OidcController } from './oidc/oidc.controller.js';
import { PasswordHasher } from './passwords/password-hasher.js';
import { AccountService } from './sessions/account.service.js';
import { SessionRepository } from './sessions/session.repository.js';
import { SessionService } from './sessions/session.service.js';
import { AccessTokenService } from './tokens/access-token.service.js';
import { JwksController } from './tokens/jwks.controller.js';
import { KeyStore } from './tokens/key-store.service.js';
import { UserRepository } from './users/user.repository.js';
import { UserService } from './users/user.service.js';
import { MembershipRoles } from './members/membership-roles.service.js';
import { MembershipTeams } from './members/membership-teams.service.js';

/**
 * Identity: who is calling. Registers the global guard (every route private unless
 * public in its contract) and the per-request principal check the database layer runs.
 */
@Module({
  // The companies a user belongs to are tenancy's: read through its directory.
  imports: [TenantDirectoryModule],
  controllers: [
    AuthController,
    JwksController,
    RecoveryController,
    InvitationController,
    ApiClientController,
    OAuthTokenController,
    MemberController,
    OidcController,
  ],
  providers: [
    KeyStore,
    AccessTokenService,
    PasswordHasher,
    Throttle,
    UserRepository,
    UserService,
    SessionRepository,
    SessionService,
    TotpService,
    LoginService,
    AccountService,
    OneTimeTokenRepository,
    RecoveryService,
    InvitationRepository,
    InvitationService,
    ApiClientService,
    MemberService,
    MembershipTeams,
    MembershipRoles,
    OidcProviderRepository,
    OidcLoginService,
    AuthPrincipalVerifier,
    BearerAuthenticator,
    { provide: REQUEST_AUTHENTICATOR, useExisting: BearerAuthenticator },
    { provide: PRINCIPAL_VERIFIER, useExisting: AuthPrincipalVerifier },
  ],
  exports: [
    MembershipTeams,
    MembershipRoles,
    UserService,
    AccessTokenService,
    KeyStore,
    PasswordHasher,
    PRINCIPAL_VERIFIER,
    REQUEST_AUTHENTICATOR,
  ],
})
export class AuthModule {}
