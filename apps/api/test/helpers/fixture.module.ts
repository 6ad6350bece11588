import { Body, Controller, Get, Inject, Module, Post } from '@nestjs/common';
import { users } from '@nexo/auth';
import { Database } from '@nexo/db';
import { Public, RequirePermission, ZodValidationPipe } from '@nexo/platform';
import { sql } from 'drizzle-orm';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';

const EchoInputSchema = z.strictObject({
  name: z.string().min(2),
  quantity: z.number().int().positive(),
});

@Controller('test-fixtures')
class FixtureController {
  constructor(@Inject(Database) private readonly database: Database) {}

  @Public()
  @Post('echo')
  echo(
    @Body(new ZodValidationPipe(EchoInputSchema)) body: z.infer<typeof EchoInputSchema>,
  ): unknown {
    return body;
  }

  @Public()
  @Get('boom')
  boom(): never {
    throw new Error('secret detail: password=hunter2');
  }

  @Public()
  @Get('slow')
  async slow(): Promise<{ done: true }> {
    await sleep(600);
    return { done: true };
  }

  @RequirePermission('read', 'tenancy.tenant')
  @Get('whoami')
  async whoami(): Promise<unknown> {
    const result = await this.database
      .tx()
      .execute<{ tenant: string; actor: string }>(
        sql`select current_setting('app.tenant_id', true) as tenant, current_setting('app.actor', true) as actor`,
      );
    return result.rows[0];
  }

  /** Writes a row, then fails: the request's transaction must leave nothing behind. */
  @RequirePermission('read', 'tenancy.tenant')
  @Post('write-then-fail')
  async writeThenFail(@Body() body: { id: string }): Promise<never> {
    await this.database
      .tx()
      .insert(users)
      .values({ id: body.id, email: `${body.id}@example.test`, name: 'Half' });
    throw new Error('failed after writing');
  }
}

@Module({ controllers: [FixtureController] })
export class FixtureModule {}
