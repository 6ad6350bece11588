import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import {
  CreateOidcProviderInputSchema,
  OidcAuthorizeInputSchema,
  OidcCallbackInputSchema,
  type CreateOidcProviderInput,
  type OidcAuthorizeInput,
  type OidcCallbackInput,
} from '@nexo/contracts';
import {
  Public,
  RequirePermission,
  ZodValidationPipe,
  requestContext,
  currentPrincipal,
} from '@nexo/platform';
import {
  OidcLoginService,
  type OidcLoginResult,
  type OidcProviderView,
} from './oidc-login.service.js';

const ip = (): string => requestContext.get()?.ip ?? 'unknown';

/** A company's OpenID Connect providers (its administrators) and the sign-in through them. */
@Controller('api/v1/auth')
export class OidcController {
  constructor(@Inject(OidcLoginService) private readonly oidc: OidcLoginService) {}

  @RequirePermission('create', 'auth.oidc-provider')
  @Post('oidc-providers')
  create(
    @Body(new ZodValidationPipe(CreateOidcProviderInputSchema)) body: CreateOidcProviderInput,
  ): Promise<OidcProviderView> {
    return this.oidc.createProvider(currentPrincipal(), body);
  }

  @RequirePermission('read', 'auth.oidc-provider')
  @Get('oidc-providers')
  list(): Promise<OidcProviderView[]> {
    return this.oidc.listProviders(currentPrincipal());
  }

  @RequirePermission('delete', 'auth.oidc-provider')
  @Delete('oidc-providers/:id')
  @HttpCode(204)
  disable(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.oidc.disableProvider(currentPrincipal(), id);
  }

  @Public()
  @Post('oidc/authorize')
  @HttpCode(200)
  authorize(
    @Body(new ZodValidationPipe(OidcAuthorizeInputSchema)) body: OidcAuthorizeInput,
  ): Promise<{ authorizationUrl: string; state: string }> {
    return this.oidc.authorize(body, ip());
  }

  @Public()
  @Post('oidc/callback')
  @HttpCode(200)
  callback(
    @Body(new ZodValidationPipe(OidcCallbackInputSchema)) body: OidcCallbackInput,
  ): Promise<OidcLoginResult> {
    return this.oidc.callback(body, ip());
  }
}
