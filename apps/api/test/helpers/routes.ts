import type { INestApplication, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService } from '@nestjs/core';
import type { RouteContract } from '@nexo/contracts';
import {
  IS_PUBLIC,
  REQUIRED_PERMISSION,
  ROUTE_CONTRACT,
  SIGNED_IN_ONLY,
  type RequiredPermission,
} from '@nexo/platform';

export interface RouteInfo {
  method: string;
  path: string;
  handler: string;
  /** The contract it serves (`@Route`); undefined for a route declared some other way. */
  contract: RouteContract | undefined;
  access:
    | { kind: 'public' }
    | { kind: 'signed-in' }
    | ({ kind: 'permission' } & RequiredPermission)
    | { kind: 'none' };
}

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'ALL', 'OPTIONS', 'HEAD', 'SEARCH'];

/** Every route the application serves, with what it declares about access. */
export function listRoutes(app: INestApplication): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const wrapper of app.get(DiscoveryService).getControllers()) {
    const controller = wrapper.metatype as Type | undefined;
    if (!controller) continue;
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    const classPublic = Reflect.getMetadata(IS_PUBLIC, controller) === true;
    const proto = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const handler = proto[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as number | undefined;
      if (method === undefined) continue;
      const sub = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
      const permission = Reflect.getMetadata(REQUIRED_PERMISSION, handler) as
        RequiredPermission | undefined;
      const access: RouteInfo['access'] =
        classPublic || Reflect.getMetadata(IS_PUBLIC, handler) === true
          ? { kind: 'public' }
          : Reflect.getMetadata(SIGNED_IN_ONLY, handler) === true
            ? { kind: 'signed-in' }
            : permission
              ? { kind: 'permission', ...permission }
              : { kind: 'none' };
      routes.push({
        method: METHODS[method] ?? String(method),
        path: `/${[base, sub].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/'),
        handler: `${controller.name}.${name}`,
        contract: Reflect.getMetadata(ROUTE_CONTRACT, handler) as RouteContract | undefined,
        access,
      });
    }
  }
  return routes;
}
