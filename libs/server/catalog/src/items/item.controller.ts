import { Body, Controller, Inject, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  CatalogRoutes as R,
  type RouteBody,
  type RouteParams,
  type RouteQuery,
  type RouteResult,
} from '@nexo/contracts';
import { Route, csvDownload, expectedVersion } from '@nexo/platform';
import { ItemService } from './item.service.js';

@Controller()
export class ItemController {
  constructor(@Inject(ItemService) private readonly items: ItemService) {}

  /** Streams inside the request's transaction, opened once its first page is read. */
  @Route(R.exportItems)
  async export(
    @Query() q: RouteQuery<typeof R.exportItems>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.items.exportCsv(q, csvDownload(reply, 'items.csv'));
  }

  @Route(R.listItems)
  list(@Query() q: RouteQuery<typeof R.listItems>): Promise<RouteResult<typeof R.listItems>> {
    return this.items.list(q) as Promise<RouteResult<typeof R.listItems>>;
  }

  @Route(R.createItem)
  create(@Body() body: RouteBody<typeof R.createItem>): Promise<RouteResult<typeof R.createItem>> {
    return this.items.create(body) as Promise<RouteResult<typeof R.createItem>>;
  }

  @Route(R.getItem)
  get(@Param() p: RouteParams<typeof R.getItem>): Promise<RouteResult<typeof R.getItem>> {
    return this.items.get(p.id) as Promise<RouteResult<typeof R.getItem>>;
  }

  @Route(R.updateItem)
  update(
    @Param() p: RouteParams<typeof R.updateItem>,
    @Body() body: RouteBody<typeof R.updateItem>,
  ): Promise<RouteResult<typeof R.updateItem>> {
    return this.items.update(p.id, expectedVersion(), body) as Promise<
      RouteResult<typeof R.updateItem>
    >;
  }

  @Route(R.deleteItem)
  remove(@Param() p: RouteParams<typeof R.deleteItem>): Promise<void> {
    return this.items.remove(p.id, expectedVersion());
  }
}
