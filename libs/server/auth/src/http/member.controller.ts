import { Controller, Inject, Param, Query } from '@nestjs/common';
import {
  AuthRoutes as R,
  type RouteParams,
  type RouteQuery,
  type RouteResult,
} from '@nexo/contracts';
import { Route, currentPrincipal } from '@nexo/platform';
import { MemberService } from '../members/member.service.js';

@Controller()
export class MemberController {
  constructor(@Inject(MemberService) private readonly members: MemberService) {}

  @Route(R.listMembers)
  list(@Query() q: RouteQuery<typeof R.listMembers>): Promise<RouteResult<typeof R.listMembers>> {
    return this.members.list(currentPrincipal(), q.limit);
  }

  @Route(R.disableMember)
  disable(@Param() p: RouteParams<typeof R.disableMember>): Promise<void> {
    return this.members.disable(currentPrincipal(), p.id);
  }
}
