import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Post,
} from '@nestjs/common';
import {
  CreateApiClientInputSchema,
  ErrorCode,
  TokenRequestSchema,
  type CreateApiClientInput,
} from '@nexo/contracts';
import {
  DomainError,
  Public,
  RequirePermission,
  ZodValidationPipe,
  requestContext,
  currentPrincipal,
} from '@nexo/platform';
import { z } from 'zod';
import { ApiClientService, type ApiClientView } from '../clients/api-client.service.js';

const ClientIdParam = z.string().max(80);

@Controller('api/v1/auth/api-clients')
export class ApiClientController {
  constructor(@Inject(ApiClientService) private readonly clients: ApiClientService) {}

  @RequirePermission('create', 'auth.api-client')
  @Post()
  create(
    @Body(new ZodValidationPipe(CreateApiClientInputSchema)) body: CreateApiClientInput,
  ): Promise<unknown> {
    return this.clients.create(currentPrincipal(), body);
  }

  @RequirePermission('read', 'auth.api-client')
  @Get()
  list(): Promise<ApiClientView[]> {
    return this.clients.list(currentPrincipal());
  }

  @RequirePermission('update', 'auth.api-client')
  @Post(':clientId/rotate-secret')
  @HttpCode(200)
  rotate(
    @Param('clientId', new ZodValidationPipe(ClientIdParam)) clientId: string,
  ): Promise<unknown> {
    return this.clients.rotate(currentPrincipal(), clientId);
  }

  @RequirePermission('delete', 'auth.api-client')
  @Delete(':clientId')
  @HttpCode(204)
  disable(
    @Param('clientId', new ZodValidationPipe(ClientIdParam)) clientId: string,
  ): Promise<void> {
    return this.clients.disable(currentPrincipal(), clientId);
  }
}

/** OAuth2 token endpoint (RFC 6749 §4.4): client credentials by Basic auth or in the form. */
@Public()
@Controller('oauth')
export class OAuthTokenController {
  constructor(@Inject(ApiClientService) private readonly clients: ApiClientService) {}

  @Post('token')
  @HttpCode(200)
  token(
    @Headers('authorization') authorization: string | undefined,
    @Body() body: unknown,
  ): Promise<unknown> {
    const form = TokenRequestSchema.safeParse(body);
    if (!form.success)
      throw new DomainError(ErrorCode.BadRequest, 'grant_type must be client_credentials');
    let { client_id: clientId, client_secret: clientSecret } = form.data;
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
