import { Body, Controller, Inject, Param, Query } from '@nestjs/common';
import {
  CatalogRoutes as R,
  type RouteBody,
  type RouteParams,
  type RouteQuery,
  type RouteResult,
} from '@nexo/contracts';
import { Route, currentPrincipal, expectedVersion } from '@nexo/platform';
import { UnitService } from './unit.service.js';

@Controller()
export class UnitController {
  constructor(@Inject(UnitService) private readonly units: UnitService) {}

  @Route(R.listUnits)
  list(@Query() q: RouteQuery<typeof R.listUnits>): Promise<RouteResult<typeof R.listUnits>> {
    return this.units.list(currentPrincipal(), q);
  }

  @Route(R.createUnit)
  create(@Body() body: RouteBody<typeof R.createUnit>): Promise<RouteResult<typeof R.createUnit>> {
    return this.units.create(currentPrincipal(), body);
  }

  @Route(R.getUnit)
  get(@Param() p: RouteParams<typeof R.getUnit>): Promise<RouteResult<typeof R.getUnit>> {
    return this.units.get(currentPrincipal(), p.id);
  }

  @Route(R.updateUnit)
  update(
    @Param() p: RouteParams<typeof R.updateUnit>,
    @Body() body: RouteBody<typeof R.updateUnit>,
  ): Promise<RouteResult<typeof R.updateUnit>> {
    return this.units.update(currentPrincipal(), p.id, expectedVersion(), body);
  }

  @Route(R.deleteUnit)
  remove(@Param() p: RouteParams<typeof R.deleteUnit>): Promise<void> {
    return this.units.remove(currentPrincipal(), p.id, expectedVersion());
  }
}
