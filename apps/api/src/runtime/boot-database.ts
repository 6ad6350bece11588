import { Database, assertRoleCannotBypassRls, migrate } from '@nexo/db';
import type { AppConfig, Logger } from '@nexo/platform';
import { resolveDatabaseTarget, type DatabaseTarget } from './database-target.js';

export interface BootedDatabase {
  target: DatabaseTarget;
  database: Database;
}

/** Database up, migrated, app pool connected and checked. Stops what it started on failure. */
export async function bootDatabase(config: AppConfig, logger: Logger): Promise<BootedDatabase> {
  const target = await resolveDatabaseTarget(config, logger);
  let database: Database | undefined;
  try {
    const result = await migrate(
      target.adminUrl,
      target.appPassword ? { appPassword: target.appPassword } : {},
    );
    logger.info(result, 'migrations up to date');
    if (!result.similarityIndexed)
      logger.warn(
        "the migrating role is not a superuser, so pg_trgm similarity stays unindexed under RLS: the duplicate check on a new party reads all of the company's parties (ADR 0013)",
      );
    database = new Database(target.appUrl, { max: config.NEXO_DB_POOL_MAX });
    await assertRoleCannotBypassRls(database.pool);
    return { target, database };
  } catch (error) {
    await database?.close().catch(() => undefined);
    await target.stop().catch(() => undefined);
    throw error;
  }
}
