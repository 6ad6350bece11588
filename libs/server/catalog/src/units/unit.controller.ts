import { Body, Controller, Inject, Param, Query } from '@nestjs/common';
import {
  CatalogRoutes as R,
  type RouteBody,
  type RouteParams,
  type RouteQuery,
  type RouteResult,
} from '@nexo/contracts';
import { Route, expectedVersion } from '@nexo/platform';
import { UnitService } from './unit.service.js';

/** Views are masked (`Partial`); the route's schema serializes what is there. */
type Result<T extends (typeof R)[keyof typeof R]> = Promise<RouteResult<T>>;

@Controller()
export class UnitController {
  constructor(@Inject(UnitService) private readonly units: UnitService) {}

  @Route(R.listUnits)
  list(@Query() q: RouteQuery<typeof R.listUnits>): Result<typeof R.listUnits> {
    return this.units.list(q);
  }

  @Route(R.createUnit)
  create(@Body() body: RouteBody<typeof R.createUnit>): Result<typeof R.createUnit> {
    return this.units.create(body);
  }

  @Route(R.getUnit)
  get(@Param() p: RouteParams<typeof R.getUnit>): Result<typeof R.getUnit> {
    return this.units.get(p.id);
  }

  @Route(R.updateUnit)
  update(
    @Param() p: RouteParams<typeof R.updateUnit>,
    @Body() body: RouteBody<typeof R.updateUnit>,
  ): Result<typeof R.updateUnit> {
    return this.units.update(p.id, expectedVersion(), body);
  }

  @Route(R.deleteUnit)
  remove(@Param() p: RouteParams<typeof R.deleteUnit>): Promise<void> {
    return this.units.remove(p.id, expectedVersion());
  }
}
