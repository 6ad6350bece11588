import { Body, Controller, Inject } from '@nestjs/common';
import type { RouteBody, RouteResult } from '@nexo/contracts';
import { InventoryRoutes as R } from '@nexo/contracts/inventory';
import { Route } from '@nexo/platform';
import { SettingsService } from './settings.service.js';

/** Thin: one service call per route. */
@Controller()
export class SettingsController {
  constructor(@Inject(SettingsService) private readonly service: SettingsService) {}

  @Route(R.getInventorySettings)
  get(): Promise<RouteResult<typeof R.getInventorySettings>> {
    return this.service.get();
  }

  @Route(R.updateInventorySettings)
  update(
    @Body() body: RouteBody<typeof R.updateInventorySettings>,
  ): Promise<RouteResult<typeof R.updateInventorySettings>> {
    return this.service.update(body);
  }
}
