import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';
import { persistentSecret } from '@nexo/db';
import type { AppConfig, Logger } from '@nexo/platform';

const root = path.resolve(import.meta.dirname, '../../../..');
const PORTAL_DIR = path.join(root, 'apps/portal-employees');
/** Sources whose change makes a portal build stale. */
const PORTAL_SOURCES = [
  path.join(PORTAL_DIR, 'src'),
  path.join(PORTAL_DIR, 'server.mjs'),
  path.join(PORTAL_DIR, 'next.config.ts'),
  ...['ui', 'session', 'i18n', 'api-client'].map((lib) => path.join(root, 'libs/web', lib, 'src')),
  path.join(root, 'libs/shared/contracts/src'),
];

export interface RunningPortal {
  url: string;
  stop(): Promise<void>;
}

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))),
  );
}

/** No build yet, or a source changed since the last one (a `git pull`, an edit). */
function needsBuild(): boolean {
  const buildId = path.join(PORTAL_DIR, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return PORTAL_SOURCES.some((source) => newestMtime(source) > built);
}

function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function run(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

async function waitUntilUp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the portal exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/login`, { redirect: 'manual' });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the portal did not answer at ${url} within ${timeoutMs} ms`);
}

/**
 * The employee portal beside the API (ADR 0012): `next build` on the first start (or when
 * its sources changed), then `next start` as a child process that reaches the API at
 * `apiUrl`. Returns null when this install has no portal (an API-only image).
 */
export async function startPortal(
  config: AppConfig,
  logger: Logger,
  apiUrl: string,
): Promise<RunningPortal | null> {
  if (!existsSync(path.join(PORTAL_DIR, 'package.json'))) return null;
  const nextBin = createRequire(path.join(PORTAL_DIR, 'package.json')).resolve(
    'next/dist/bin/next',
  );
  const secret =
    config.NEXO_PORTAL_SECRET ??
    (await persistentSecret(path.join(path.resolve(config.NEXO_DATA_DIR), 'portal.secret')));

  if (needsBuild()) {
    process.stdout.write('  Building the employee portal (first start or changed sources)…\n');
    const started = Date.now();
    const build = spawn(process.execPath, [nextBin, 'build', PORTAL_DIR], {
      cwd: root,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    build.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    build.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const code = await run(build);
    if (code !== 0) throw new Error(`next build failed (exit ${code}):\n${output.slice(-4000)}`);
    logger.info({ ms: Date.now() - started }, 'employee portal built');
  }

  const host = config.HOST;
  const port = config.NEXO_PORTAL_PORT || (await freePort(host));
  const shownHost = host === '0.0.0.0' ? 'localhost' : host;
  const url = `http://${shownHost}:${port}`;
  // Next's handler in the portal's own server (it vouches for the browser's address), run
  // by node itself, so stopping this PID stops the server.
  const child = spawn(process.execPath, [path.join(PORTAL_DIR, 'server.mjs')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: host,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      NEXO_API_URL: apiUrl,
      NEXO_PORTAL_SECRET: secret,
      NEXO_PORTAL_URL: url,
      NEXO_REFRESH_TOKEN_TTL_S: String(config.NEXO_REFRESH_TOKEN_TTL_S),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => logger.debug({ portal: d.toString().trim() }, 'portal'));
  child.stderr?.on('data', (d: Buffer) => logger.warn({ portal: d.toString().trim() }, 'portal'));
  const exited = run(child);
  await waitUntilUp(`http://127.0.0.1:${port}`, child, 60_000).catch(async (error: unknown) => {
    child.kill('SIGTERM');
    await exited;
    throw error;
  });
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
