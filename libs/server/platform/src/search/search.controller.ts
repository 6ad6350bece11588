import { Controller, Inject, Query } from '@nestjs/common';
import { SearchRoutes as R, type RouteQuery, type RouteResult } from '@nexo/contracts';
import { Route } from '../http/route.decorator.js';
import { SearchRegistry } from './search.registry.js';

@Controller()
export class SearchController {
  constructor(@Inject(SearchRegistry) private readonly registry: SearchRegistry) {}

  @Route(R.search)
  async search(@Query() q: RouteQuery<typeof R.search>): Promise<RouteResult<typeof R.search>> {
    return { hits: await this.registry.search(q.q, q.limit) };
  }
}
