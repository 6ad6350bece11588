import { Body, Controller, Inject, Param, Query } from '@nestjs/common';
import {
  OpportunityRoutes as R,
  type RouteBody,
  type RouteParams,
  type RouteQuery,
  type RouteResult,
} from '@nexo/contracts';
import { Route, expectedVersion } from '@nexo/platform';
import { OpportunityService } from './opportunity.service.js';

type Result<T extends (typeof R)[keyof typeof R]> = Promise<RouteResult<T>>;

/** Opportunities: the list, the record, moving a card, winning and losing. */
@Controller()
export class OpportunityController {
  constructor(@Inject(OpportunityService) private readonly opportunities: OpportunityService) {}

  @Route(R.list)
  list(@Query() q: RouteQuery<typeof R.list>): Result<typeof R.list> {
    return this.opportunities.list(q) as Result<typeof R.list>;
  }

  @Route(R.create)
  create(@Body() body: RouteBody<typeof R.create>): Result<typeof R.create> {
    return this.opportunities.create(body) as Result<typeof R.create>;
  }

  @Route(R.get)
  get(@Param() p: RouteParams<typeof R.get>): Result<typeof R.get> {
    return this.opportunities.get(p.id) as Result<typeof R.get>;
  }

  @Route(R.update)
  update(
    @Param() p: RouteParams<typeof R.update>,
    @Body() body: RouteBody<typeof R.update>,
  ): Result<typeof R.update> {
    return this.opportunities.update(p.id, expectedVersion(), body) as Result<typeof R.update>;
  }

  @Route(R.move)
  move(
    @Param() p: RouteParams<typeof R.move>,
    @Body() body: RouteBody<typeof R.move>,
  ): Result<typeof R.move> {
    return this.opportunities.move(p.id, body) as Result<typeof R.move>;
  }

  @Route(R.win)
  win(@Param() p: RouteParams<typeof R.win>): Result<typeof R.win> {
    return this.opportunities.close(p.id, 'won') as Result<typeof R.win>;
  }

  @Route(R.lose)
  lose(
    @Param() p: RouteParams<typeof R.lose>,
    @Body() body: RouteBody<typeof R.lose>,
  ): Result<typeof R.lose> {
    return this.opportunities.close(p.id, 'lost', body.reason) as Result<typeof R.lose>;
  }
}
