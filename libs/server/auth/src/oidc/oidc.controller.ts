import { Body, Controller, Inject, Param } from '@nestjs/common';
import {
  AuthRoutes as R,
  type RouteBody,
  type RouteParams,
  type RouteResult,
} from '@nexo/contracts';
import { Route, currentPrincipal, requestContext } from '@nexo/platform';
import { OidcLoginService } from './oidc-login.service.js';

const ip = (): string => requestContext.get()?.ip ?? 'unknown';

/** Single sign-on with a company's OpenID Connect providers, and their administration. */
@Controller()
export class OidcController {
  constructor(@Inject(OidcLoginService) private readonly oidc: OidcLoginService) {}

  @Route(R.createOidcProvider)
  create(
    @Body() body: RouteBody<typeof R.createOidcProvider>,
  ): Promise<RouteResult<typeof R.createOidcProvider>> {
    return this.oidc.createProvider(currentPrincipal(), body);
  }

  @Route(R.listOidcProviders)
  list(): Promise<RouteResult<typeof R.listOidcProviders>> {
    return this.oidc.listProviders(currentPrincipal());
  }

  @Route(R.disableOidcProvider)
  disable(@Param() p: RouteParams<typeof R.disableOidcProvider>): Promise<void> {
    return this.oidc.disableProvider(currentPrincipal(), p.id);
  }

  @Route(R.oidcAuthorize)
  authorize(
    @Body() body: RouteBody<typeof R.oidcAuthorize>,
  ): Promise<RouteResult<typeof R.oidcAuthorize>> {
    return this.oidc.authorize(body, ip());
  }

  @Route(R.oidcCallback)
  callback(
    @Body() body: RouteBody<typeof R.oidcCallback>,
  ): Promise<RouteResult<typeof R.oidcCallback>> {
    return this.oidc.callback(body, ip());
  }
}
