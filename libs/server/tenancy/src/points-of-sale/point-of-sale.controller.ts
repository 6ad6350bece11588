import { Body, Controller, Inject, Param, Query } from '@nestjs/common';
import {
  TenancyRoutes as R,
  type RouteBody,
  type RouteParams,
  type RouteQuery,
  type RouteResult,
} from '@nexo/contracts';
import { Route, expectedVersion } from '@nexo/platform';
import { PointOfSaleService } from './point-of-sale.service.js';

type Result<T extends (typeof R)[keyof typeof R]> = Promise<RouteResult<T>>;

/** The company's points of sale. */
@Controller()
export class PointOfSaleController {
  constructor(@Inject(PointOfSaleService) private readonly points: PointOfSaleService) {}

  @Route(R.listPointsOfSale)
  list(@Query() q: RouteQuery<typeof R.listPointsOfSale>): Result<typeof R.listPointsOfSale> {
    return this.points.list(q);
  }

  @Route(R.createPointOfSale)
  create(@Body() body: RouteBody<typeof R.createPointOfSale>): Result<typeof R.createPointOfSale> {
    return this.points.create(body);
  }

  @Route(R.getPointOfSale)
  get(@Param() p: RouteParams<typeof R.getPointOfSale>): Result<typeof R.getPointOfSale> {
    return this.points.get(p.id);
  }

  @Route(R.updatePointOfSale)
  update(
    @Param() p: RouteParams<typeof R.updatePointOfSale>,
    @Body() body: RouteBody<typeof R.updatePointOfSale>,
  ): Result<typeof R.updatePointOfSale> {
    return this.points.update(p.id, expectedVersion(), body);
  }

  @Route(R.deletePointOfSale)
  remove(@Param() p: RouteParams<typeof R.deletePointOfSale>): Promise<void> {
    return this.points.remove(p.id, expectedVersion());
  }
}
