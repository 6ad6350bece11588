import { Body, Controller, Inject, Param, Query } from '@nestjs/common';
import type { RouteBody, RouteParams, RouteQuery, RouteResult } from '@nexo/contracts';
import { InventoryRoutes as R } from '@nexo/contracts/inventory';
import { Route, expectedVersion } from '@nexo/platform';
import { LocationService } from './location.service.js';

/** Views are masked (`Partial`); the route's schema serializes what is there. */
type Result<T extends (typeof R)[keyof typeof R]> = Promise<RouteResult<T>>;

/** Thin: one service call per route. */
@Controller()
export class LocationController {
  constructor(@Inject(LocationService) private readonly service: LocationService) {}

  @Route(R.listLocations)
  list(@Query() q: RouteQuery<typeof R.listLocations>): Result<typeof R.listLocations> {
    return this.service.list(q) as Result<typeof R.listLocations>;
  }

  @Route(R.createLocation)
  create(@Body() body: RouteBody<typeof R.createLocation>): Result<typeof R.createLocation> {
    return this.service.create(body) as Result<typeof R.createLocation>;
  }

  @Route(R.getLocation)
  get(@Param() p: RouteParams<typeof R.getLocation>): Result<typeof R.getLocation> {
    return this.service.get(p.id) as Result<typeof R.getLocation>;
  }

  @Route(R.updateLocation)
  update(
    @Param() p: RouteParams<typeof R.updateLocation>,
    @Body() body: RouteBody<typeof R.updateLocation>,
  ): Result<typeof R.updateLocation> {
    return this.service.update(p.id, expectedVersion(), body) as Result<typeof R.updateLocation>;
  }

  @Route(R.deleteLocation)
  remove(@Param() p: RouteParams<typeof R.deleteLocation>): Promise<void> {
    return this.service.remove(p.id, expectedVersion());
  }
}
