import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';

/**
 * Every route is served through its contract (`serveContractRoutes`). A handler mapped any
 * other way (`@Get()` and friends) would skip authentication and the permission check, so
 * Nest's router, which is left with such handlers only, refuses them all: a 500, never data.
 */
@Injectable()
export class UnservedRouteGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    throw new Error(
      `${context.getClass().name}.${context.getHandler().name} is not served through a route contract`,
    );
  }
}
