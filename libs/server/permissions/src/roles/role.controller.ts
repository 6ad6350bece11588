import { Body, Controller, Inject, Param } from '@nestjs/common';
import {
  PermissionRoutes as R,
  type RouteBody,
  type RouteParams,
  type RouteResult,
} from '@nexo/contracts';
import { Route, currentPrincipal, expectedVersion } from '@nexo/platform';
import { RoleService } from './role.service.js';

@Controller()
export class RoleController {
  constructor(@Inject(RoleService) private readonly roles: RoleService) {}

  @Route(R.listRoles)
  list(): Promise<RouteResult<typeof R.listRoles>> {
    return this.roles.list(currentPrincipal());
  }

  @Route(R.createRole)
  create(@Body() body: RouteBody<typeof R.createRole>): Promise<RouteResult<typeof R.createRole>> {
    return this.roles.create(currentPrincipal(), body);
  }

  @Route(R.getRole)
  get(@Param() p: RouteParams<typeof R.getRole>): Promise<RouteResult<typeof R.getRole>> {
    return this.roles.get(currentPrincipal(), p.key);
  }

  @Route(R.updateRole)
  update(
    @Param() p: RouteParams<typeof R.updateRole>,
    @Body() body: RouteBody<typeof R.updateRole>,
  ): Promise<RouteResult<typeof R.updateRole>> {
    return this.roles.update(currentPrincipal(), p.key, expectedVersion(), body);
  }

  @Route(R.deleteRole)
  remove(@Param() p: RouteParams<typeof R.deleteRole>): Promise<void> {
    return this.roles.remove(currentPrincipal(), p.key, expectedVersion());
  }

  @Route(R.assignRoles)
  assign(
    @Param() p: RouteParams<typeof R.assignRoles>,
    @Body() body: RouteBody<typeof R.assignRoles>,
  ): Promise<RouteResult<typeof R.assignRoles>> {
    return this.roles.assign(currentPrincipal(), p.id, body.roles);
  }

  @Route(R.effective)
  effective(@Param() p: RouteParams<typeof R.effective>): Promise<RouteResult<typeof R.effective>> {
    return this.roles.effective(currentPrincipal(), p.id);
  }

  @Route(R.myPermissions)
  mine(): Promise<RouteResult<typeof R.myPermissions>> {
    const principal = currentPrincipal();
    return this.roles.effective(principal, principal.membershipId);
  }

  @Route(R.explain)
  explain(@Body() body: RouteBody<typeof R.explain>): Promise<RouteResult<typeof R.explain>> {
    return this.roles.explain(currentPrincipal(), body);
  }
}
