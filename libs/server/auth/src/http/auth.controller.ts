import { Body, Controller, Inject, Param } from '@nestjs/common';
import {
  AuthRoutes as R,
  type RouteBody,
  type RouteParams,
  type RouteResult,
} from '@nexo/contracts';
import { Route, currentPrincipal, requestContext } from '@nexo/platform';
import { LoginService } from '../login/login.service.js';
import { AccountService } from '../sessions/account.service.js';

const ip = (): string => requestContext.get()?.ip ?? 'unknown';

/** Sign-in, tokens and the signed-in person's own sessions. Thin: one service call each. */
@Controller()
export class AuthController {
  constructor(
    @Inject(LoginService) private readonly login: LoginService,
    @Inject(AccountService) private readonly account: AccountService,
  ) {}

  @Route(R.login)
  signIn(@Body() body: RouteBody<typeof R.login>): Promise<RouteResult<typeof R.login>> {
    return this.login.login(body, ip());
  }

  @Route(R.loginMfa)
  signInMfa(@Body() body: RouteBody<typeof R.loginMfa>): Promise<RouteResult<typeof R.loginMfa>> {
    return this.login.completeMfa(body, ip());
  }

  @Route(R.refresh)
  refresh(@Body() body: RouteBody<typeof R.refresh>): Promise<RouteResult<typeof R.refresh>> {
    return this.login.refresh(body.refreshToken, ip());
  }

  @Route(R.logout)
  logout(): Promise<void> {
    return this.account.logout(currentPrincipal());
  }

  @Route(R.session)
  session(): Promise<RouteResult<typeof R.session>> {
    return this.account.info(currentPrincipal());
  }

  @Route(R.switchTenant)
  switchTenant(
    @Body() body: RouteBody<typeof R.switchTenant>,
  ): Promise<RouteResult<typeof R.switchTenant>> {
    return this.account.switchTenant(currentPrincipal(), body.tenantId);
  }

  @Route(R.sessions)
  sessions(): Promise<RouteResult<typeof R.sessions>> {
    return this.account.listSessions(currentPrincipal());
  }

  @Route(R.revokeSession)
  revokeSession(@Param() p: RouteParams<typeof R.revokeSession>): Promise<void> {
    return this.account.revokeSession(currentPrincipal(), p.id);
  }

  @Route(R.enrolTotp)
  enrolTotp(): Promise<RouteResult<typeof R.enrolTotp>> {
    return this.account.enrolTotp(currentPrincipal());
  }

  @Route(R.confirmTotp)
  confirmTotp(
    @Body() body: RouteBody<typeof R.confirmTotp>,
  ): Promise<RouteResult<typeof R.confirmTotp>> {
    return this.account.confirmTotp(currentPrincipal(), body.code);
  }
}
