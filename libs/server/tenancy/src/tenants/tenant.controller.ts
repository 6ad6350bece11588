import { Body, Controller, Headers, Inject, Param } from '@nestjs/common';
import {
  TenancyRoutes as R,
  type RouteBody,
  type RouteParams,
  type RouteResult,
} from '@nexo/contracts';
import { Route, expectedVersion } from '@nexo/platform';
import { TenantLogoService } from './tenant-logo.service.js';
import { TenantSettingsService } from './tenant-settings.service.js';

type Result<T extends (typeof R)[keyof typeof R]> = Promise<RouteResult<T>>;

/** The company as its members see and change it. */
@Controller()
export class TenantController {
  constructor(
    @Inject(TenantSettingsService) private readonly settings: TenantSettingsService,
    @Inject(TenantLogoService) private readonly logos: TenantLogoService,
  ) {}

  @Route(R.getTenant)
  get(@Param() p: RouteParams<typeof R.getTenant>): Result<typeof R.getTenant> {
    return this.settings.get(p.id);
  }

  @Route(R.updateTenant)
  update(
    @Param() p: RouteParams<typeof R.updateTenant>,
    @Body() body: RouteBody<typeof R.updateTenant>,
  ): Result<typeof R.updateTenant> {
    return this.settings.update(p.id, expectedVersion(), body);
  }

  /** The contract has checked the media type and size; the service checks the bytes. */
  @Route(R.putTenantLogo)
  putLogo(
    @Param() p: RouteParams<typeof R.putTenantLogo>,
    @Headers('content-type') contentType: string,
    @Body() body: RouteBody<typeof R.putTenantLogo>,
  ): Result<typeof R.putTenantLogo> {
    const type = (contentType.split(';')[0] ?? '').trim().toLowerCase();
    return this.logos.put(p.id, type, body);
  }

  @Route(R.getTenantLogo)
  getLogo(@Param() p: RouteParams<typeof R.getTenantLogo>): Result<typeof R.getTenantLogo> {
    return this.logos.get(p.id);
  }

  @Route(R.deleteTenantLogo)
  deleteLogo(
    @Param() p: RouteParams<typeof R.deleteTenantLogo>,
  ): Result<typeof R.deleteTenantLogo> {
    return this.logos.remove(p.id);
  }
}
