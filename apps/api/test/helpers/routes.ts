import type { INestApplication, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService } from '@nestjs/core';
import type { RouteAccess, RouteContract } from '@nexo/contracts';
import { ROUTE_CONTRACT } from '@nexo/platform';

export interface RouteInfo {
  method: string;
  path: string;
  handler: string;
  /** The contract it serves (`@Route`); undefined for a route declared some other way. */
  contract: RouteContract | undefined;
  access: RouteAccess | { kind: 'none' };
}

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'ALL', 'OPTIONS', 'HEAD', 'SEARCH'];

/**
 * Every route a controller declares: through a contract (`@Route`, with its access), or
 * mapped some other way (`@Get()` and friends: no declared access).
 */
export function listRoutes(app: INestApplication): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const wrapper of app.get(DiscoveryService).getControllers()) {
    const controller = wrapper.metatype as Type | undefined;
    if (!controller) continue;
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    const proto = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const handler = proto[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const contract = Reflect.getMetadata(ROUTE_CONTRACT, handler) as RouteContract | undefined;
      if (contract) {
        routes.push({
          method: contract.method,
          path: contract.path,
          handler: `${controller.name}.${name}`,
          contract,
          access: contract.access,
        });
        continue;
      }
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as number | undefined;
      if (method === undefined) continue;
      const sub = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
      routes.push({
        method: METHODS[method] ?? String(method),
        path: `/${[base, sub].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/'),
        handler: `${controller.name}.${name}`,
        contract: undefined,
        access: { kind: 'none' },
      });
    }
  }
  return routes;
}
