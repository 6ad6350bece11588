import { Body, Controller, Headers, Inject, Param } from '@nestjs/common';
import {
  AuthRoutes as R,
  ErrorCode,
  type RouteBody,
  type RouteParams,
  type RouteResult,
} from '@nexo/contracts';
import { DomainError, Route, currentPrincipal, requestContext } from '@nexo/platform';
import { ApiClientService } from '../clients/api-client.service.js';

@Controller()
export class ApiClientController {
  constructor(@Inject(ApiClientService) private readonly clients: ApiClientService) {}

  @Route(R.createApiClient)
  create(
    @Body() body: RouteBody<typeof R.createApiClient>,
  ): Promise<RouteResult<typeof R.createApiClient>> {
    return this.clients.create(currentPrincipal(), body);
  }

  @Route(R.listApiClients)
  list(): Promise<RouteResult<typeof R.listApiClients>> {
    return this.clients.list(currentPrincipal());
  }

  @Route(R.rotateApiClientSecret)
  rotate(
    @Param() p: RouteParams<typeof R.rotateApiClientSecret>,
  ): Promise<RouteResult<typeof R.rotateApiClientSecret>> {
    return this.clients.rotate(currentPrincipal(), p.clientId);
  }

  @Route(R.disableApiClient)
  disable(@Param() p: RouteParams<typeof R.disableApiClient>): Promise<void> {
    return this.clients.disable(currentPrincipal(), p.clientId);
  }
}

/** OAuth2 token endpoint (RFC 6749 §4.4): client credentials by Basic auth or in the form. */
@Controller()
export class OAuthTokenController {
  constructor(@Inject(ApiClientService) private readonly clients: ApiClientService) {}

  @Route(R.oauthToken)
  token(
    @Headers('authorization') authorization: string | undefined,
    @Body() body: RouteBody<typeof R.oauthToken>,
  ): Promise<RouteResult<typeof R.oauthToken>> {
    let { client_id: clientId, client_secret: clientSecret } = body;
    const basic = /^Basic ([A-Za-z0-9+/=]+)$/.exec(authorization ?? '');
    if (basic?.[1]) {
      const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      clientId = decodeURIComponent(decoded.slice(0, colon));
      clientSecret = decodeURIComponent(decoded.slice(colon + 1));
    }
    if (!clientId || !clientSecret)
      throw new DomainError(ErrorCode.InvalidCredentials, 'Client credentials are required');
    return this.clients.issueToken(clientId, clientSecret, requestContext.get()?.ip ?? 'unknown');
  }
}
