import { Body, Controller, Inject, Param, Query } from '@nestjs/common';
import {
  LeadRoutes as R,
  type RouteBody,
  type RouteParams,
  type RouteQuery,
  type RouteResult,
} from '@nexo/contracts';
import { Route, expectedVersion } from '@nexo/platform';
import { LeadService } from './lead.service.js';

type Result<T extends (typeof R)[keyof typeof R]> = Promise<RouteResult<T>>;

/** Leads and their conversion. */
@Controller()
export class LeadController {
  constructor(@Inject(LeadService) private readonly leads: LeadService) {}

  @Route(R.list)
  list(@Query() q: RouteQuery<typeof R.list>): Result<typeof R.list> {
    return this.leads.list(q) as Result<typeof R.list>;
  }

  @Route(R.create)
  create(@Body() body: RouteBody<typeof R.create>): Result<typeof R.create> {
    return this.leads.create(body) as Result<typeof R.create>;
  }

  @Route(R.get)
  get(@Param() p: RouteParams<typeof R.get>): Result<typeof R.get> {
    return this.leads.get(p.id) as Result<typeof R.get>;
  }

  @Route(R.update)
  update(
    @Param() p: RouteParams<typeof R.update>,
    @Body() body: RouteBody<typeof R.update>,
  ): Result<typeof R.update> {
    return this.leads.update(p.id, expectedVersion(), body) as Result<typeof R.update>;
  }

  @Route(R.convert)
  convert(
    @Param() p: RouteParams<typeof R.convert>,
    @Body() body: RouteBody<typeof R.convert>,
  ): Result<typeof R.convert> {
    return this.leads.convert(p.id, body) as Result<typeof R.convert>;
  }
}
