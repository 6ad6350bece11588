import { Body, Controller, Inject, Param } from '@nestjs/common';
import {
  TenancyRoutes as R,
  type RouteBody,
  type RouteParams,
  type RouteResult,
} from '@nexo/contracts';
import { Route, expectedVersion } from '@nexo/platform';
import { NumberSeriesService } from './number-series.service.js';

type Result<T extends (typeof R)[keyof typeof R]> = Promise<RouteResult<T>>;

@Controller()
export class NumberSeriesController {
  constructor(@Inject(NumberSeriesService) private readonly series: NumberSeriesService) {}

  @Route(R.listNumberSeries)
  list(): Result<typeof R.listNumberSeries> {
    return this.series.list();
  }

  @Route(R.createNumberSeries)
  create(
    @Body() body: RouteBody<typeof R.createNumberSeries>,
  ): Result<typeof R.createNumberSeries> {
    return this.series.create(body);
  }

  @Route(R.updateNumberSeries)
  update(
    @Param() p: RouteParams<typeof R.updateNumberSeries>,
    @Body() body: RouteBody<typeof R.updateNumberSeries>,
  ): Result<typeof R.updateNumberSeries> {
    return this.series.update(p.id, expectedVersion(), body);
  }
}
