import { Body, Controller, Inject, Param, Query, Res } from '@nestjs/common';
import type { RouteBody, RouteParams, RouteQuery, RouteResult } from '@nexo/contracts';
import { InventoryRoutes as R } from '@nexo/contracts/inventory';
import { Route, csvDownload, expectedVersion } from '@nexo/platform';
import type { FastifyReply } from 'fastify';
import { OperationService } from './operation.service.js';

/** Views are masked (`Partial`); the route's schema serializes what is there. */
type Result<T extends (typeof R)[keyof typeof R]> = Promise<RouteResult<T>>;
type Id = RouteParams<typeof R.getStockOperation>;

/** Thin: one service call per route. */
@Controller()
export class OperationController {
  constructor(@Inject(OperationService) private readonly service: OperationService) {}

  @Route(R.listStockOperations)
  list(@Query() q: RouteQuery<typeof R.listStockOperations>): Result<typeof R.listStockOperations> {
    return this.service.list(q) as Result<typeof R.listStockOperations>;
  }

  /** Streams inside the request's transaction, opened once its first page is read. */
  @Route(R.exportStockOperations)
  async export(
    @Query() q: RouteQuery<typeof R.exportStockOperations>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.service.exportCsv(q, csvDownload(reply, 'stock-operations.csv'));
  }

  @Route(R.createStockOperation)
  create(
    @Body() body: RouteBody<typeof R.createStockOperation>,
  ): Result<typeof R.createStockOperation> {
    return this.service.create(body) as Result<typeof R.createStockOperation>;
  }

  @Route(R.getStockOperation)
  get(@Param() p: Id): Result<typeof R.getStockOperation> {
    return this.service.get(p.id) as Result<typeof R.getStockOperation>;
  }

  @Route(R.updateStockOperation)
  update(
    @Param() p: Id,
    @Body() body: RouteBody<typeof R.updateStockOperation>,
  ): Result<typeof R.updateStockOperation> {
    return this.service.update(p.id, expectedVersion(), body) as Result<
      typeof R.updateStockOperation
    >;
  }

  @Route(R.deleteStockOperation)
  remove(@Param() p: Id): Promise<void> {
    return this.service.remove(p.id, expectedVersion());
  }

  @Route(R.postStockOperation)
  post(@Param() p: Id): Result<typeof R.postStockOperation> {
    return this.service.transition(p.id, expectedVersion(), 'post') as Result<
      typeof R.postStockOperation
    >;
  }

  @Route(R.shipStockOperation)
  ship(@Param() p: Id): Result<typeof R.shipStockOperation> {
    return this.service.transition(p.id, expectedVersion(), 'ship') as Result<
      typeof R.shipStockOperation
    >;
  }

  @Route(R.receiveStockOperation)
  receive(@Param() p: Id): Result<typeof R.receiveStockOperation> {
    return this.service.transition(p.id, expectedVersion(), 'receive') as Result<
      typeof R.receiveStockOperation
    >;
  }

  @Route(R.cancelStockOperation)
  cancel(@Param() p: Id): Result<typeof R.cancelStockOperation> {
    return this.service.transition(p.id, expectedVersion(), 'cancel') as Result<
      typeof R.cancelStockOperation
    >;
  }
}
