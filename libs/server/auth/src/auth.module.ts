import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PRINCIPAL_VERIFIER } from '@nexo/db';
import { AuthGuard } from './guard/auth.guard.js';
import { AuthPrincipalVerifier } from './guard/principal-verifier.js';
import { AuthController } from './http/auth.controller.js';
import { LoginService } from './login/login.service.js';
import { Throttle } from './login/throttle.service.js';
import { TotpService } from './mfa/totp.service.js';
import { PasswordHasher } from './passwords/password-hasher.js';
import { AccountService } from './sessions/account.service.js';
import { SessionRepository } from './sessions/session.repository.js';
import { SessionService } from './sessions/session.service.js';
import { AccessTokenService } from './tokens/access-token.service.js';
import { JwksController } from './tokens/jwks.controller.js';
import { KeyStore } from './tokens/key-store.service.js';
import { UserRepository } from './users/user.repository.js';
import { UserService } from './users/user.service.js';

/**
 * Identity: who is calling. Registers the global guard (every route private unless
 * `@Public()`) and the per-request principal check the database layer runs.
 */
@Module({
  controllers: [AuthController, JwksController],
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
    AuthPrincipalVerifier,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: PRINCIPAL_VERIFIER, useExisting: AuthPrincipalVerifier },
  ],
  exports: [UserService, AccessTokenService, KeyStore, PasswordHasher, PRINCIPAL_VERIFIER],
})
export class AuthModule {}
