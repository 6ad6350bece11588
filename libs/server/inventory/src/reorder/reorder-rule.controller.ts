import { Body, Controller, Inject, Param, Query } from '@nestjs/common';
import type { RouteBody, RouteParams, RouteQuery, RouteResult } from '@nexo/contracts';
import { InventoryRoutes as R } from '@nexo/contracts/inventory';
import { Route, expectedVersion } from '@nexo/platform';
import { ReorderRuleService } from './reorder-rule.service.js';

/** Views are masked (`Partial`); the route's schema serializes what is there. */
type Result<T extends (typeof R)[keyof typeof R]> = Promise<RouteResult<T>>;

/** Thin: one service call per route. */
@Controller()
export class ReorderRuleController {
  constructor(@Inject(ReorderRuleService) private readonly service: ReorderRuleService) {}

  @Route(R.listReorderSuggestions)
  suggestions(
    @Query() q: RouteQuery<typeof R.listReorderSuggestions>,
  ): Result<typeof R.listReorderSuggestions> {
    return this.service.suggestions(q);
  }

  @Route(R.listReorderRules)
  list(@Query() q: RouteQuery<typeof R.listReorderRules>): Result<typeof R.listReorderRules> {
    return this.service.list(q);
  }

  @Route(R.createReorderRule)
  create(@Body() body: RouteBody<typeof R.createReorderRule>): Result<typeof R.createReorderRule> {
    return this.service.create(body);
  }

  @Route(R.getReorderRule)
  get(@Param() p: RouteParams<typeof R.getReorderRule>): Result<typeof R.getReorderRule> {
    return this.service.get(p.id);
  }

  @Route(R.updateReorderRule)
  update(
    @Param() p: RouteParams<typeof R.updateReorderRule>,
    @Body() body: RouteBody<typeof R.updateReorderRule>,
  ): Result<typeof R.updateReorderRule> {
    return this.service.update(p.id, expectedVersion(), body);
  }

  @Route(R.deleteReorderRule)
  remove(@Param() p: RouteParams<typeof R.deleteReorderRule>): Promise<void> {
    return this.service.remove(p.id, expectedVersion());
  }
}
