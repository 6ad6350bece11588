import { createApp } from '../create-app.js';
import { bootDatabase } from '../runtime/boot-database.js';
import { platformDependencies } from '../runtime/platform-deps.js';
import { startPortal, type RunningPortal } from '../runtime/portal.js';
import { DEMO_LOGINS, seedDemo } from '../seed/demo-seed.js';
import type { CommandEnv } from './commands.js';

/**
 * The whole of NEXO in one process: database (embedded unless DATABASE_URL), migrations,
 * demo company on the first run, API. Stops cleanly on SIGTERM or SIGINT: no new
 * connections, in-flight requests finish, pool closed, embedded server stopped.
 */
export async function startCommand({ config, logger }: CommandEnv): Promise<void> {
  const startedAt = Date.now();
  const booted = await bootDatabase(config, logger);
  // The portal started below reaches the API from loopback with the browser's address.
  const trusted = [
    ...(config.NEXO_TRUSTED_PROXIES ?? []),
    ...(config.NEXO_PORTAL ? ['loopback'] : []),
  ];
  const app = await createApp({
    ...(await platformDependencies({ ...config, NEXO_TRUSTED_PROXIES: trusted }, logger)),
    database: booted.database,
  });
  const seeded = config.NEXO_SEED_DEMO ? (await seedDemo(app)).seeded : false;
  await app.listen({ host: config.HOST, port: config.PORT });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const host = config.HOST === '0.0.0.0' ? 'localhost' : config.HOST;
  const base = `http://${host}:${port}`;
  let portal: RunningPortal | null = null;
  if (config.NEXO_PORTAL) {
    try {
      portal = await startPortal(config, logger, `http://127.0.0.1:${port}`);
    } catch (error) {
      // The API still serves: the portal's failure is told, not fatal.
      logger.error({ err: error }, 'the employee portal did not start');
    }
  }
  logger.info(
    { url: base, portal: portal?.url, ms: Date.now() - startedAt, seeded },
    'NEXO is ready',
  );

  const lines = [
    '',
    `  NEXO is running (${booted.target.embedded ? `embedded PostgreSQL, data in ${config.NEXO_DATA_DIR}` : 'external PostgreSQL'})`,
    ...(portal ? [`    Portal       ${portal.url}   ← open this to sign in`] : []),
    `    API          ${base}/api/v1`,
    `    API docs     ${base}/api/docs`,
    `    Health       ${base}/health/ready`,
    `    Metrics      ${base}/metrics`,
  ];
  if (config.NEXO_SEED_DEMO) {
    lines.push(
      `  Demo company "Distribuidora Del Plata"${seeded ? ' (created now)' : ''}; logins:`,
    );
    for (const login of DEMO_LOGINS)
      lines.push(`    ${login.label.padEnd(12)} ${login.email} / ${login.password}`);
  }
  lines.push('  Stop with Ctrl+C.', '');
  process.stdout.write(`${lines.join('\n')}\n`);

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown timed out; forcing exit');
      void booted.target.stop().finally(() => process.exit(1));
    }, config.NEXO_SHUTDOWN_TIMEOUT_MS);
    force.unref();
    try {
      await portal?.stop();
      await app.close(); // stops accepting, drains in-flight requests, closes the pool
      await booted.target.stop();
      logger.info('stopped');
      process.exitCode = 0;
    } catch (error) {
      logger.error({ err: error }, 'error during shutdown');
      process.exitCode = 1;
    }
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}
