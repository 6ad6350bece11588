import { Body, Controller, Inject, Param, Query, Res } from '@nestjs/common';
import type { RouteBody, RouteParams, RouteQuery, RouteResult } from '@nexo/contracts';
import { InventoryRoutes as R } from '@nexo/contracts/inventory';
import { Route, csvDownload, expectedVersion } from '@nexo/platform';
import type { FastifyReply } from 'fastify';
import { CountService } from './count.service.js';

type Result<T extends (typeof R)[keyof typeof R]> = Promise<RouteResult<T>>;
type Id = RouteParams<typeof R.getStockCount>;

/** Thin: one service call per route. */
@Controller()
export class CountController {
  constructor(@Inject(CountService) private readonly service: CountService) {}

  @Route(R.listStockCounts)
  list(@Query() q: RouteQuery<typeof R.listStockCounts>): Result<typeof R.listStockCounts> {
    return this.service.list(q) as Result<typeof R.listStockCounts>;
  }

  /** Streams inside the request's transaction, opened once its first page is read. */
  @Route(R.exportStockCounts)
  async export(
    @Query() q: RouteQuery<typeof R.exportStockCounts>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.service.exportCsv(q, csvDownload(reply, 'stock-counts.csv'));
  }

  @Route(R.createStockCount)
  create(@Body() body: RouteBody<typeof R.createStockCount>): Result<typeof R.createStockCount> {
    return this.service.create(body) as Result<typeof R.createStockCount>;
  }

  @Route(R.getStockCount)
  get(@Param() p: Id): Result<typeof R.getStockCount> {
    return this.service.get(p.id) as Result<typeof R.getStockCount>;
  }

  @Route(R.updateStockCount)
  update(
    @Param() p: Id,
    @Body() body: RouteBody<typeof R.updateStockCount>,
  ): Result<typeof R.updateStockCount> {
    return this.service.update(p.id, expectedVersion(), body) as Result<typeof R.updateStockCount>;
  }

  @Route(R.deleteStockCount)
  remove(@Param() p: Id): Promise<void> {
    return this.service.remove(p.id, expectedVersion());
  }

  @Route(R.startStockCount)
  start(@Param() p: Id): Result<typeof R.startStockCount> {
    return this.service.transition(p.id, expectedVersion(), 'start') as Result<
      typeof R.startStockCount
    >;
  }

  @Route(R.postStockCount)
  post(@Param() p: Id): Result<typeof R.postStockCount> {
    return this.service.transition(p.id, expectedVersion(), 'post') as Result<
      typeof R.postStockCount
    >;
  }

  @Route(R.cancelStockCount)
  cancel(@Param() p: Id): Result<typeof R.cancelStockCount> {
    return this.service.transition(p.id, expectedVersion(), 'cancel') as Result<
      typeof R.cancelStockCount
    >;
  }

  @Route(R.countStockCountLines)
  countLines(
    @Param() p: Id,
    @Body() body: RouteBody<typeof R.countStockCountLines>,
  ): Result<typeof R.countStockCountLines> {
    return this.service.setCounted(p.id, body);
  }

  @Route(R.scanStockCount)
  scan(
    @Param() p: Id,
    @Body() body: RouteBody<typeof R.scanStockCount>,
  ): Result<typeof R.scanStockCount> {
    return this.service.scan(p.id, body);
  }
}
