import { Controller, Get, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Database } from '@nexo/db';
import { API_ROUTES } from '@nexo/contracts';
import { SYSTEM_ROLES } from '@nexo/permissions';
import { useTestDatabase } from '@nexo/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createAccount, login } from './helpers/accounts.js';
import { listRoutes, type RouteInfo } from './helpers/routes.js';
import { buildTestApp, type TestApp } from './helpers/test-app.js';
import { contextsWithoutKit, kitGrants } from './helpers/context-kits.js';

/** A route someone forgot to declare: the checks below must catch it. */
@Controller('test-undeclared')
class UndeclaredController {
  @Get()
  open(): { leaked: true } {
    return { leaked: true };
  }
}
@Module({ controllers: [UndeclaredController] })
class UndeclaredModule {}

/**
 * What each system role may do on today's routes, written out by hand: the matrix test
 * compares the engine against this, not against itself. `action subject` pairs; a rule
 * with conditions still opens its route (the record is then checked by the service). The
 * base's grants are here; each context's come from its test kit.
 */
const EMPLOYEE = ['read tenancy.tenant', 'read jobs.run', 'read customization.field'];
const BASE: Record<string, string[] | 'all'> = {
  owner: 'all',
  // Including `update tenancy.tenant` and `tenancy.number-series` (company settings).
  admin: 'all',
  sales: EMPLOYEE,
  purchasing: EMPLOYEE,
  warehouse: EMPLOYEE,
  production: EMPLOYEE,
  accountant: EMPLOYEE,
  cashier: EMPLOYEE,
  auditor: EMPLOYEE,
  'client-portal': ['read tenancy.tenant'],
  'supplier-portal': ['read tenancy.tenant'],
  'professional-accountant': EMPLOYEE,
  'professional-contractor': ['read tenancy.tenant'],
};
const GRANTS: Record<string, string[] | 'all'> = Object.fromEntries(
  Object.entries(BASE).map(([role, grants]) => [
    role,
    grants === 'all' ? grants : [...grants, ...kitGrants(role)],
  ]),
);
const ALLOWED: Record<string, (route: { action: string; subject: string }) => boolean> =
  Object.fromEntries(
    Object.entries(GRANTS).map(([role, grants]) => [
      role,
      (r: { action: string; subject: string }) =>
        grants === 'all' || grants.includes(`${r.action} ${r.subject}`),
    ]),
  );

const ZERO_UUID = '00000000-0000-7000-8000-000000000000';

describe('every route declares its access', () => {
  const db = useTestDatabase();
  let t: TestApp;
  let routes: RouteInfo[];
  beforeAll(async () => {
    t = await buildTestApp(db.current, [DiscoveryModule]);
    routes = listRoutes(t.app);
  });
  afterAll(async () => {
    await t.app.close();
  });

  it('finds the routes and every one is public, signed-in only, or names a permission', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(
      routes
        .filter((r) => r.access.kind === 'none')
        .map((r) => `${r.method} ${r.path} (${r.handler})`),
    ).toEqual([]);
  });

  it('serves exactly the routes of the contracts, each through its contract', () => {
    const served = routes.map((r) => `${r.method} ${r.path}`).sort();
    const declared = API_ROUTES.map((c) => `${c.method} ${c.path}`).sort();
    expect(served).toEqual(declared);
    expect(routes.filter((r) => !r.contract).map((r) => r.handler)).toEqual([]);
    expect(new Set(API_ROUTES.map((c) => c.operationId)).size).toBe(API_ROUTES.length);
    // Each one is a route of Fastify's own (served through its contract, not Nest's router).
    const fastify = t.app.getHttpAdapter().getInstance();
    expect(
      API_ROUTES.filter((c) => !fastify.hasRoute({ method: c.method, url: c.path })).map(
        (c) => c.operationId,
      ),
    ).toEqual([]);
  });

  it('catches a route that loses its declaration, and such a route serves nobody', async () => {
    // Its own pool: closing this app must not close the one the other tests use.
    const own = { ...db.current, database: new Database(db.current.appUrl, { max: 4 }) };
    const withHole = await buildTestApp(own, [DiscoveryModule, UndeclaredModule]);
    try {
      const undeclared = listRoutes(withHole.app).filter((r) => r.access.kind === 'none');
      expect(undeclared.map((r) => r.handler)).toEqual(['UndeclaredController.open']);
      const owner = await createAccount(withHole.app, own, { roles: ['owner'] });
      const { accessToken } = await login(withHole.app, owner);
      const res = await withHole.app.inject({
        method: 'GET',
        url: '/test-undeclared',
        headers: bearer(accessToken),
      });
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain('leaked');
    } finally {
      await withHole.app.close();
    }
  });

  it('answers every permission route as the matrix says, for every system role', async () => {
    expect(Object.keys(ALLOWED).sort()).toEqual(Object.keys(SYSTEM_ROLES).sort());
    expect(contextsWithoutKit()).toEqual([]);
    const first = await createAccount(t.app, db.current, { roles: ['owner'] });
    const tokens: Record<string, string> = {};
    for (const role of Object.keys(SYSTEM_ROLES)) {
      const account = await createAccount(t.app, db.current, {
        tenantId: first.tenantId,
        roles: [role],
      });
      tokens[role] = (await login(t.app, account)).accessToken;
    }
    const guarded = routes.filter(
      (r): r is RouteInfo & { access: { kind: 'permission'; action: string; subject: string } } =>
        r.access.kind === 'permission',
    );
    const mismatches: string[] = [];
    for (const route of guarded) {
      const url = route.path
        .replace(/:id|:key|:clientId/g, (p) => (p === ':key' ? 'no-such-role' : ZERO_UUID))
        .replace('/tenancy/tenants/' + ZERO_UUID, `/tenancy/tenants/${first.tenantId}`);
      for (const [role, token] of Object.entries(tokens)) {
        const res = await t.app.inject({
          method: route.method as 'GET',
          url,
          headers: bearer(token),
          payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
        });
        const expected = ALLOWED[role]?.(route.access) ?? false;
        const denied = res.statusCode === 403;
        if (expected === denied)
          mismatches.push(
            `${role} ${route.method} ${url}: ${res.statusCode}, expected ${expected ? 'allowed' : 'denied'}`,
          );
      }
    }
    expect(guarded.length).toBeGreaterThan(15);
    expect(mismatches).toEqual([]);
  });
});
