import { Body, Controller, Inject, Param, Query } from '@nestjs/common';
import {
  CatalogRoutes as R,
  type RouteBody,
  type RouteParams,
  type RouteQuery,
  type RouteResult,
} from '@nexo/contracts';
import { Route, expectedVersion } from '@nexo/platform';
import { PriceListService } from './price-list.service.js';
import { PriceResolver } from './price-resolver.service.js';

@Controller()
export class PriceListController {
  constructor(
    @Inject(PriceListService) private readonly lists: PriceListService,
    @Inject(PriceResolver) private readonly resolver: PriceResolver,
  ) {}

  @Route(R.listPriceLists)
  list(
    @Query() q: RouteQuery<typeof R.listPriceLists>,
  ): Promise<RouteResult<typeof R.listPriceLists>> {
    return this.lists.list(q);
  }

  @Route(R.createPriceList)
  create(
    @Body() body: RouteBody<typeof R.createPriceList>,
  ): Promise<RouteResult<typeof R.createPriceList>> {
    return this.lists.create(body);
  }

  @Route(R.getPriceList)
  get(@Param() p: RouteParams<typeof R.getPriceList>): Promise<RouteResult<typeof R.getPriceList>> {
    return this.lists.get(p.id);
  }

  @Route(R.updatePriceList)
  update(
    @Param() p: RouteParams<typeof R.updatePriceList>,
    @Body() body: RouteBody<typeof R.updatePriceList>,
  ): Promise<RouteResult<typeof R.updatePriceList>> {
    return this.lists.update(p.id, expectedVersion(), body);
  }

  @Route(R.deletePriceList)
  remove(@Param() p: RouteParams<typeof R.deletePriceList>): Promise<void> {
    return this.lists.remove(p.id, expectedVersion());
  }

  @Route(R.listPriceListRules)
  listRules(
    @Param() p: RouteParams<typeof R.listPriceListRules>,
    @Query() q: RouteQuery<typeof R.listPriceListRules>,
  ): Promise<RouteResult<typeof R.listPriceListRules>> {
    return this.lists.listRules(p.id, q) as Promise<RouteResult<typeof R.listPriceListRules>>;
  }

  @Route(R.createPriceListRule)
  createRule(
    @Param() p: RouteParams<typeof R.createPriceListRule>,
    @Body() body: RouteBody<typeof R.createPriceListRule>,
  ): Promise<RouteResult<typeof R.createPriceListRule>> {
    return this.lists.createRule(p.id, body) as Promise<RouteResult<typeof R.createPriceListRule>>;
  }

  @Route(R.updatePriceListRule)
  updateRule(
    @Param() p: RouteParams<typeof R.updatePriceListRule>,
    @Body() body: RouteBody<typeof R.updatePriceListRule>,
  ): Promise<RouteResult<typeof R.updatePriceListRule>> {
    return this.lists.updateRule(p.id, expectedVersion(), body) as Promise<
      RouteResult<typeof R.updatePriceListRule>
    >;
  }

  @Route(R.deletePriceListRule)
  removeRule(@Param() p: RouteParams<typeof R.deletePriceListRule>): Promise<void> {
    return this.lists.removeRule(p.id, expectedVersion());
  }

  @Route(R.resolvePrice)
  resolve(
    @Query() q: RouteQuery<typeof R.resolvePrice>,
  ): Promise<RouteResult<typeof R.resolvePrice>> {
    return this.resolver.resolve(q);
  }
}
