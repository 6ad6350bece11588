import { Body, Controller, Inject, Module } from '@nestjs/common';
import { users } from '@nexo/auth/tables';
import { defineRoute, permission, publicAccess, type RouteBody } from '@nexo/contracts';
import { Database } from '@nexo/db';
import { Route } from '@nexo/platform';
import { sql } from 'drizzle-orm';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';

const base = { tag: 'test', summary: 'test fixture' } as const;
/** Routes only tests mount, declared like the real ones. */
export const FixtureRoutes = {
  echo: defineRoute({
    ...base,
    method: 'POST',
    path: '/test-fixtures/echo',
    operationId: 'echo',
    access: publicAccess,
    body: z.strictObject({ name: z.string().min(2), quantity: z.number().int().positive() }),
    status: 201,
    response: z.object({ name: z.string(), quantity: z.number() }),
  }),
  boom: defineRoute({
    ...base,
    method: 'GET',
    path: '/test-fixtures/boom',
    operationId: 'boom',
    access: publicAccess,
    status: 200,
  }),
  slow: defineRoute({
    ...base,
    method: 'GET',
    path: '/test-fixtures/slow',
    operationId: 'slow',
    access: publicAccess,
    status: 200,
    response: z.object({ done: z.literal(true) }),
  }),
  whoami: defineRoute({
    ...base,
    method: 'GET',
    path: '/test-fixtures/whoami',
    operationId: 'whoami',
    access: permission('read', 'tenancy.tenant'),
    status: 200,
    response: z.object({ tenant: z.string(), actor: z.string() }),
  }),
  writeThenFail: defineRoute({
    ...base,
    method: 'POST',
    path: '/test-fixtures/write-then-fail',
    operationId: 'writeThenFail',
    access: permission('read', 'tenancy.tenant'),
    body: z.object({ id: z.uuid() }),
    status: 201,
  }),
  /** Answers with a field its contract does not name, and one that breaks it on demand. */
  leaky: defineRoute({
    ...base,
    method: 'POST',
    path: '/test-fixtures/leaky',
    operationId: 'leaky',
    access: permission('read', 'tenancy.tenant'),
    body: z.object({ id: z.uuid(), breakContract: z.boolean() }),
    status: 201,
    response: z.object({ id: z.uuid(), name: z.string() }),
  }),
} as const;

@Controller()
class FixtureController {
  constructor(@Inject(Database) private readonly database: Database) {}

  @Route(FixtureRoutes.echo)
  echo(@Body() body: RouteBody<typeof FixtureRoutes.echo>): unknown {
    return body;
  }

  @Route(FixtureRoutes.boom)
  boom(): never {
    throw new Error('secret detail: password=hunter2');
  }

  @Route(FixtureRoutes.slow)
  async slow(): Promise<{ done: true }> {
    await sleep(600);
    return { done: true };
  }

  @Route(FixtureRoutes.whoami)
  async whoami(): Promise<unknown> {
    const result = await this.database
      .tx()
      .execute<{ tenant: string; actor: string }>(
        sql`select current_setting('app.tenant_id', true) as tenant, current_setting('app.actor', true) as actor`,
      );
    return result.rows[0];
  }

  /** Writes a row, then fails: the request's transaction must leave nothing behind. */
  @Route(FixtureRoutes.writeThenFail)
  async writeThenFail(@Body() body: RouteBody<typeof FixtureRoutes.writeThenFail>): Promise<never> {
    await this.database
      .tx()
      .insert(users)
      .values({ id: body.id, email: `${body.id}@example.test`, name: 'Half' });
    throw new Error('failed after writing');
  }

  /** Writes a row and answers with more than the contract allows (or less, on demand). */
  @Route(FixtureRoutes.leaky)
  async leaky(@Body() body: RouteBody<typeof FixtureRoutes.leaky>): Promise<unknown> {
    await this.database
      .tx()
      .insert(users)
      .values({ id: body.id, email: `${body.id}@example.test`, name: 'Leaky' });
    return body.breakContract
      ? { id: body.id }
      : { id: body.id, name: 'Leaky', passwordHash: 'secret-hash' };
  }
}

@Module({ controllers: [FixtureController] })
export class FixtureModule {}
