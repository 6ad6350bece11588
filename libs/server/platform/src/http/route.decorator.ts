import {
  HttpCode,
  RequestMapping,
  RequestMethod,
  SetMetadata,
  applyDecorators,
} from '@nestjs/common';
import type { HttpMethod, RouteContract } from '@nexo/contracts';
import { IS_PUBLIC } from './public.decorator.js';
import {
  ALLOWED_DURING_MFA_ENROLMENT,
  REQUIRED_PERMISSION,
  SIGNED_IN_ONLY,
  type RequiredPermission,
} from './route-access.decorator.js';

export const ROUTE_CONTRACT = 'nexo:route-contract';

const METHODS: Record<HttpMethod, RequestMethod> = {
  GET: RequestMethod.GET,
  POST: RequestMethod.POST,
  PUT: RequestMethod.PUT,
  PATCH: RequestMethod.PATCH,
  DELETE: RequestMethod.DELETE,
};

function accessDecorators(route: RouteContract): MethodDecorator[] {
  const access = route.access;
  switch (access.kind) {
    case 'public':
      return [SetMetadata(IS_PUBLIC, true)];
    case 'signed-in':
      return [
        SetMetadata(SIGNED_IN_ONLY, true),
        ...(access.duringMfaEnrolment ? [SetMetadata(ALLOWED_DURING_MFA_ENROLMENT, true)] : []),
      ];
    case 'permission':
      return [
        SetMetadata(REQUIRED_PERMISSION, {
          action: access.action,
          subject: access.subject,
        } satisfies RequiredPermission),
      ];
  }
}

/**
 * Serves a route of `@nexo/contracts`: its method, full path, status and access come from
 * the contract, and `ContractInterceptor` validates the request and serializes the response
 * through its schemas. Controllers use `@Controller()` without a prefix; handlers read the
 * parsed input with `@Body()`, `@Query()` and `@Param()`.
 */
export const Route = (route: RouteContract): MethodDecorator =>
  applyDecorators(
    RequestMapping({ path: route.path, method: METHODS[route.method] }),
    HttpCode(route.status),
    SetMetadata(ROUTE_CONTRACT, route),
    ...accessDecorators(route),
  );
