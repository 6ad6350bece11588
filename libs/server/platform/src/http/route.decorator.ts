import { SetMetadata } from '@nestjs/common';
import type { RouteContract } from '@nexo/contracts';

export const ROUTE_CONTRACT = 'nexo:route-contract';

/**
 * Serves a route of `@nexo/contracts` with this controller method: its method, full path,
 * status and access come from the contract, and `serveContractRoutes` parses the request and
 * serializes the response through its schemas. Controllers use `@Controller()` without a
 * prefix; handlers read the parsed input with `@Body()`, `@Query()` and `@Param()`.
 */
export const Route = (route: RouteContract): MethodDecorator => SetMetadata(ROUTE_CONTRACT, route);
