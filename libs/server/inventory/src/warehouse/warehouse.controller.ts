import { Body, Controller, Inject, Param, Query } from '@nestjs/common';
import type { RouteBody, RouteParams, RouteQuery, RouteResult } from '@nexo/contracts';
import { InventoryRoutes as R } from '@nexo/contracts/inventory';
import { Route, expectedVersion } from '@nexo/platform';
import { WarehouseService } from './warehouse.service.js';

/** Views are masked (`Partial`); the route's schema serializes what is there. */
type Result<T extends (typeof R)[keyof typeof R]> = Promise<RouteResult<T>>;

/** Thin: one service call per route. */
@Controller()
export class WarehouseController {
  constructor(@Inject(WarehouseService) private readonly service: WarehouseService) {}

  @Route(R.listWarehouses)
  list(@Query() q: RouteQuery<typeof R.listWarehouses>): Result<typeof R.listWarehouses> {
    return this.service.list(q);
  }

  @Route(R.createWarehouse)
  create(@Body() body: RouteBody<typeof R.createWarehouse>): Result<typeof R.createWarehouse> {
    return this.service.create(body);
  }

  @Route(R.getWarehouse)
  get(@Param() p: RouteParams<typeof R.getWarehouse>): Result<typeof R.getWarehouse> {
    return this.service.get(p.id);
  }

  @Route(R.updateWarehouse)
  update(
    @Param() p: RouteParams<typeof R.updateWarehouse>,
    @Body() body: RouteBody<typeof R.updateWarehouse>,
  ): Result<typeof R.updateWarehouse> {
    return this.service.update(p.id, expectedVersion(), body);
  }

  @Route(R.deleteWarehouse)
  remove(@Param() p: RouteParams<typeof R.deleteWarehouse>): Promise<void> {
    return this.service.remove(p.id, expectedVersion());
  }
}
