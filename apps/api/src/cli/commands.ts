import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ChainVerifier } from '@nexo/accounts';
import { KeyStore, UserService } from '@nexo/auth';
import { Database } from '@nexo/db';
import {
  NestPinoLogger,
  createLogger,
  loadConfig,
  type AppConfig,
  type Logger,
} from '@nexo/platform';
import { TenantService } from '@nexo/tenancy';
import { AppModule } from '../app.module.js';
import { createCompany } from '../companies/create-company.js';
import { bootDatabase, type BootedDatabase } from '../runtime/boot-database.js';
import { platformDependencies } from '../runtime/platform-deps.js';
import { seedDemo } from '../seed/demo-seed.js';

export interface CommandEnv {
  config: AppConfig;
  logger: Logger;
}

export function commandEnv(): CommandEnv {
  const config = loadConfig();
  return { config, logger: createLogger(config) };
}

/** Runs `fn` with the database booted and the modules wired, without an HTTP server. */
async function withContext<T>(
  { config, logger }: CommandEnv,
  fn: (app: INestApplicationContext, booted: BootedDatabase) => Promise<T>,
): Promise<T> {
  const booted = await bootDatabase(config, logger);
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({
      ...(await platformDependencies(config, logger)),
      database: booted.database,
    }),
    { logger: new NestPinoLogger(logger) },
  );
  try {
    return await fn(app, booted);
  } finally {
    await app.close();
    await booted.target.stop();
  }
}

export async function migrateCommand(env: CommandEnv): Promise<void> {
  // bootDatabase migrates; nothing else to do.
  await withContext(env, () => Promise.resolve());
  console.log('Migrations are up to date.');
}

export async function seedDemoCommand(env: CommandEnv): Promise<void> {
  const { seeded } = await withContext(env, (app) => seedDemo(app));
  console.log(seeded ? 'Demo company created.' : 'Demo company already present: nothing changed.');
}

export async function tenantCreateCommand(
  env: CommandEnv,
  args: Record<string, string | undefined>,
): Promise<void> {
  const id = TenantService.newTenantId();
  const tenant = await withContext(env, (app) =>
    app.get(Database).withContext({ tenantId: id }, () =>
      createCompany(app, id, {
        slug: args.slug ?? '',
        name: args.name ?? '',
        ...(args['legal-name'] ? { legalName: args['legal-name'] } : {}),
        ...(args['tax-id'] ? { taxId: args['tax-id'] } : {}),
        ...(args.country ? { country: args.country } : {}),
        ...(args.currency ? { currency: args.currency } : {}),
        ...(args.locale === 'en' || args.locale === 'es' ? { locale: args.locale } : {}),
        ...(args['tax-condition'] ? { taxCondition: args['tax-condition'] } : {}),
      }),
    ),
  );
  console.log(`Company "${tenant.name}" created with id ${tenant.id}`);
}

export async function userCreateAdminCommand(
  env: CommandEnv,
  args: Record<string, string | undefined>,
): Promise<void> {
  const tenantId = args.tenant ?? '';
  const password = args.password ?? process.env.NEXO_ADMIN_PASSWORD ?? '';
  const result = await withContext(env, (app) =>
    app.get(Database).withContext({ tenantId }, async () => {
      if (!(await app.get(TenantService).findById(tenantId))) {
        throw new Error(`No company with id ${tenantId}`);
      }
      return app.get(UserService).createWithMembership({
        tenantId,
        email: args.email ?? '',
        name: args.name ?? args.email ?? '',
        password,
        actor: 'employee',
        roles: ['owner', 'admin'],
      });
    }),
  );
  console.log(
    `${result.created ? 'Created' : 'Linked existing'} user ${result.user.email} as administrator of ${tenantId}`,
  );
}

/** A new token signing key; the old ones stay published until their tokens have expired. */
export async function keysRotateCommand(env: CommandEnv): Promise<void> {
  const kid = await withContext(env, (app) => app.get(KeyStore).rotate());
  console.log(`New signing key ${kid} is active; previous keys verify until their tokens expire.`);
}

/** Disables a user everywhere: every token and session stops working on its next use. */
export async function userDisableCommand(
  env: CommandEnv,
  args: Record<string, string | undefined>,
): Promise<void> {
  const email = args.email ?? '';
  const done = await withContext(env, (app) => app.get(UserService).disableByEmail(email));
  if (!done) throw new Error(`No user with email ${email}`);
  console.log(`User ${email} disabled; their sessions are revoked.`);
}

/**
 * Recomputes a company's hash chain of posted entries and says whether it holds or where it
 * first breaks (an edited line, a missing or rewritten entry); exit code 1 when broken.
 */
export async function accountsVerifyChainCommand(
  env: CommandEnv,
  args: Record<string, string | undefined>,
): Promise<void> {
  const tenantId = args.tenant ?? '';
  const report = await withContext(env, (app) =>
    app.get(Database).withContext({ tenantId }, async () => {
      if (!(await app.get(TenantService).findById(tenantId))) {
        throw new Error(`No company with id ${tenantId}`);
      }
      return app.get(ChainVerifier).verify(tenantId);
    }),
  );
  const broken = report.firstBreak;
  if (!broken) {
    console.log(`Chain of ${report.entries} entries: valid`);
    return;
  }
  console.log(
    `Chain breaks at place ${broken.seq} (entry ${broken.number ?? broken.entryId ?? '-'}): ${broken.reason}`,
  );
  process.exitCode = 1;
}
