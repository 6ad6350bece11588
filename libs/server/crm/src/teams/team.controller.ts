import { Body, Controller, Inject, Param } from '@nestjs/common';
import {
  TeamRoutes as R,
  type RouteBody,
  type RouteParams,
  type RouteResult,
} from '@nexo/contracts';
import { Route } from '@nexo/platform';
import { TeamService } from './team.service.js';

type Result<T extends (typeof R)[keyof typeof R]> = Promise<RouteResult<T>>;

/** Teams and their members. */
@Controller()
export class TeamController {
  constructor(@Inject(TeamService) private readonly teams: TeamService) {}

  @Route(R.list)
  list(): Result<typeof R.list> {
    return this.teams.list();
  }

  @Route(R.create)
  create(@Body() body: RouteBody<typeof R.create>): Result<typeof R.create> {
    return this.teams.create(body.name);
  }

  @Route(R.setMembers)
  setMembers(
    @Param() p: RouteParams<typeof R.setMembers>,
    @Body() body: RouteBody<typeof R.setMembers>,
  ): Result<typeof R.setMembers> {
    return this.teams.setMembers(p.id, body.membershipIds);
  }
}
