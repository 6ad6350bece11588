import { Body, Controller, Inject, Param, Query } from '@nestjs/common';
import {
  ActivityRoutes as R,
  type RouteBody,
  type RouteParams,
  type RouteQuery,
  type RouteResult,
} from '@nexo/contracts';
import { Route, expectedVersion } from '@nexo/platform';
import { ActivityService } from './activity.service.js';

type Result<T extends (typeof R)[keyof typeof R]> = Promise<RouteResult<T>>;

/** Activities, and the open tasks assigned to the caller. */
@Controller()
export class ActivityController {
  constructor(@Inject(ActivityService) private readonly activities: ActivityService) {}

  @Route(R.list)
  list(@Query() q: RouteQuery<typeof R.list>): Result<typeof R.list> {
    return this.activities.list(q) as Result<typeof R.list>;
  }

  @Route(R.myTasks)
  myTasks(@Query() q: RouteQuery<typeof R.myTasks>): Result<typeof R.myTasks> {
    return this.activities.list(q, 'my-open-tasks') as Result<typeof R.myTasks>;
  }

  @Route(R.create)
  create(@Body() body: RouteBody<typeof R.create>): Result<typeof R.create> {
    return this.activities.create(body) as Result<typeof R.create>;
  }

  @Route(R.update)
  update(
    @Param() p: RouteParams<typeof R.update>,
    @Body() body: RouteBody<typeof R.update>,
  ): Result<typeof R.update> {
    return this.activities.update(p.id, expectedVersion(), body) as Result<typeof R.update>;
  }
}
