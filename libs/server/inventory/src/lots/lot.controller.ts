import { Body, Controller, Inject, Param, Query } from '@nestjs/common';
import type { RouteBody, RouteParams, RouteQuery, RouteResult } from '@nexo/contracts';
import { InventoryRoutes as R } from '@nexo/contracts/inventory';
import { Route, expectedVersion } from '@nexo/platform';
import { LotService } from './lot.service.js';

/** Views are masked (`Partial`); the route's schema serializes what is there. */
type Result<T extends (typeof R)[keyof typeof R]> = Promise<RouteResult<T>>;

/** Thin: one service call per route. */
@Controller()
export class LotController {
  constructor(@Inject(LotService) private readonly service: LotService) {}

  @Route(R.listLots)
  list(@Query() q: RouteQuery<typeof R.listLots>): Result<typeof R.listLots> {
    return this.service.list(q) as Result<typeof R.listLots>;
  }

  @Route(R.createLot)
  create(@Body() body: RouteBody<typeof R.createLot>): Result<typeof R.createLot> {
    return this.service.create(body) as Result<typeof R.createLot>;
  }

  @Route(R.getLot)
  get(@Param() p: RouteParams<typeof R.getLot>): Result<typeof R.getLot> {
    return this.service.get(p.id) as Result<typeof R.getLot>;
  }

  @Route(R.updateLot)
  update(
    @Param() p: RouteParams<typeof R.updateLot>,
    @Body() body: RouteBody<typeof R.updateLot>,
  ): Result<typeof R.updateLot> {
    return this.service.update(p.id, expectedVersion(), body) as Result<typeof R.updateLot>;
  }

  @Route(R.traceLot)
  trace(@Param() p: RouteParams<typeof R.traceLot>): Result<typeof R.traceLot> {
    return this.service.trace(p.id) as Result<typeof R.traceLot>;
  }
}
