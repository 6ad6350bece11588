import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import { Inject } from '@nestjs/common';
import {
  LoginInputSchema,
  MfaLoginInputSchema,
  RefreshInputSchema,
  SwitchTenantInputSchema,
  TotpConfirmInputSchema,
  type LoginInput,
  type MfaLoginInput,
} from '@nexo/contracts';
import {
  Public,
  SignedIn,
  ZodValidationPipe,
  requestContext,
  currentPrincipal,
} from '@nexo/platform';
import { z } from 'zod';
import { AllowedDuringMfaEnrolment } from '../guard/public-routes.js';
import { LoginService } from '../login/login.service.js';
import { AccountService } from '../sessions/account.service.js';

const ip = (): string => requestContext.get()?.ip ?? 'unknown';

/** Sign-in, tokens and the signed-in person's own sessions. Thin: one service call each. */
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    @Inject(LoginService) private readonly login: LoginService,
    @Inject(AccountService) private readonly account: AccountService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  signIn(@Body(new ZodValidationPipe(LoginInputSchema)) body: LoginInput): Promise<unknown> {
    return this.login.login(body, ip());
  }

  @Public()
  @Post('login/mfa')
  @HttpCode(200)
  signInMfa(
    @Body(new ZodValidationPipe(MfaLoginInputSchema)) body: MfaLoginInput,
  ): Promise<unknown> {
    return this.login.completeMfa(body, ip());
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  refresh(
    @Body(new ZodValidationPipe(RefreshInputSchema)) body: z.infer<typeof RefreshInputSchema>,
  ): Promise<unknown> {
    return this.login.refresh(body.refreshToken, ip());
  }

  @AllowedDuringMfaEnrolment()
  @SignedIn()
  @Post('logout')
  @HttpCode(204)
  logout(): Promise<void> {
    return this.account.logout(currentPrincipal());
  }

  @AllowedDuringMfaEnrolment()
  @SignedIn()
  @Get('session')
  session(): Promise<unknown> {
    return this.account.info(currentPrincipal());
  }

  @SignedIn()
  @Post('switch-tenant')
  @HttpCode(200)
  switchTenant(
    @Body(new ZodValidationPipe(SwitchTenantInputSchema))
    body: z.infer<typeof SwitchTenantInputSchema>,
  ): Promise<unknown> {
    return this.account.switchTenant(currentPrincipal(), body.tenantId);
  }

  @SignedIn()
  @Get('sessions')
  sessions(): Promise<unknown> {
    return this.account.listSessions(currentPrincipal());
  }

  @SignedIn()
  @Delete('sessions/:id')
  @HttpCode(204)
  revokeSession(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.account.revokeSession(currentPrincipal(), id);
  }

  @AllowedDuringMfaEnrolment()
  @SignedIn()
  @Post('mfa/totp')
  @HttpCode(200)
  enrolTotp(): Promise<unknown> {
    return this.account.enrolTotp(currentPrincipal());
  }

  @AllowedDuringMfaEnrolment()
  @SignedIn()
  @Post('mfa/totp/confirm')
  @HttpCode(200)
  confirmTotp(
    @Body(new ZodValidationPipe(TotpConfirmInputSchema))
    body: z.infer<typeof TotpConfirmInputSchema>,
  ): Promise<unknown> {
    return this.account.confirmTotp(currentPrincipal(), body.code);
  }
}
