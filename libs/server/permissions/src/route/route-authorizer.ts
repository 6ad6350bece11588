import { Inject, Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode } from '@nexo/contracts';
import type { RouteAuthorizer } from '@nexo/db';
import {
  DomainError,
  REQUIRED_PERMISSION,
  SIGNED_IN_ONLY,
  type Principal,
  type RequiredPermission,
} from '@nexo/platform';
import { PermissionService } from '../engine/permission.service.js';

/**
 * Runs for every signed-in request, inside its transaction, after the principal is
 * verified. A route with no declaration is refused: forgetting one cannot open a route.
 */
@Injectable()
export class PermissionRouteAuthorizer implements RouteAuthorizer {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(PermissionService) private readonly permissions: PermissionService,
  ) {}

  async authorize(principal: Principal, context: ExecutionContext): Promise<void> {
    const handler = context.getHandler();
    if (this.reflector.get<boolean>(SIGNED_IN_ONLY, handler)) return;
    const required = this.reflector.get<RequiredPermission | undefined>(
      REQUIRED_PERMISSION,
      handler,
    );
    if (!required)
      throw new Error(`Route ${context.getClass().name}.${handler.name} declares no permission`);
    const ability = await this.permissions.abilityOf(principal);
    if (!ability.can(required.action, required.subject)) {
      throw new DomainError(ErrorCode.Forbidden, 'Your role does not allow this');
    }
  }
}
