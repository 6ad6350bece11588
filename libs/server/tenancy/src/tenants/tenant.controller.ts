import { Body, Controller, Inject, Param } from '@nestjs/common';
import {
  TenancyRoutes as R,
  type RouteBody,
  type RouteParams,
  type RouteResult,
} from '@nexo/contracts';
import { Route, expectedVersion } from '@nexo/platform';
import { TenantSettingsService } from './tenant-settings.service.js';

type Result<T extends (typeof R)[keyof typeof R]> = Promise<RouteResult<T>>;

/** The company as its members see and change it. */
@Controller()
export class TenantController {
  constructor(@Inject(TenantSettingsService) private readonly settings: TenantSettingsService) {}

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
}
