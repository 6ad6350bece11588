import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, type RouteContract } from '@nexo/contracts';
import type { RouteAuthorizer } from '@nexo/db';
import { DomainError, type Principal } from '@nexo/platform';
import { PermissionService } from '../engine/permission.service.js';

/**
 * Runs for every signed-in request, inside its transaction, after the principal is
 * verified: the route's contract names what it needs (any signed-in principal, or a
 * permission), so a route cannot be served without saying.
 */
@Injectable()
export class PermissionRouteAuthorizer implements RouteAuthorizer {
  constructor(@Inject(PermissionService) private readonly permissions: PermissionService) {}

  async authorize(principal: Principal, route: RouteContract): Promise<void> {
    const { access } = route;
    if (access.kind === 'signed-in') return;
    if (access.kind !== 'permission')
      throw new Error(`Route ${route.operationId} is public: it runs without a principal`);
    const ability = await this.permissions.abilityOf(principal);
    if (!ability.can(access.action, access.subject)) {
      throw new DomainError(ErrorCode.Forbidden, 'Your role does not allow this');
    }
  }
}
