/**
 * The contenders' processes: started until they say they are ready, and read from /proc for
 * memory and CPU time. Shared by the side-by-side run and the A/B of two NEXO builds.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { BENCH_DIR, ROOT, type BenchDatabase } from './database.ts';

export interface Running {
  child: ChildProcess;
  baseUrl: string;
  stop(): Promise<void>;
}

/** Starts `node <args>` and resolves once its output matches `ready` (group 1: the base URL). */
export function spawnUntilReady(
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
  cwd = ROOT,
): Promise<Running & { ms: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer): void => {
      out += d.toString();
      const match = ready.exec(out);
      if (match?.[1]) {
        resolve({
          child,
          baseUrl: match[1],
          ms: Date.now() - started,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`${args.join(' ')} exited with ${code}:\n${out.slice(-3000)}`)),
    );
  });
}

/** What `nexo start` prints once it answers. */
export const NEXO_READY = /Health\s+(http:\/\/[^/\s]+)\/health\/ready/;

/** The Node flags `npm start` runs NEXO with (package.json `config.nodeFlags`): measured as run. */
export const NODE_FLAGS = (
  process.env.BENCH_NODE_FLAGS ??
  (
    JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as {
      config?: { nodeFlags?: string };
    }
  ).config?.nodeFlags ??
  ''
)
  .split(' ')
  .filter(Boolean);

export const rssMb = (pid: number | undefined): number => {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return Math.round(Number(kb) / 1024);
  } catch {
    return 0;
  }
};

/** CPU time (user + system) a process has used, in ms; 0 once it is gone. */
export const cpuMs = (pid: number | string | undefined): number => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, in clock ticks of 10 ms (USER_HZ is 100 on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
};

/** CPU time of each PostgreSQL process on the machine (its backends serve the contenders), by pid. */
function databaseCpu(): Map<string, number> {
  const byPid = new Map<string, number>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres')
        byPid.set(pid, cpuMs(pid));
    } catch {
      // Gone while listed.
    }
  }
  return byPid;
}

/**
 * PostgreSQL's CPU time since `before`, in ms, process by process: a backend that ended
 * meanwhile (an idle pooled connection closing) drops out instead of taking its whole past
 * with it, and one that started counts in full.
 */
function databaseCpuSince(before: Map<string, number>): number {
  let sum = 0;
  for (const [pid, ms] of databaseCpu()) sum += ms - (before.get(pid) ?? 0);
  return sum;
}

/** Starts counting CPU: the returned function gives the ms the process and PostgreSQL used since. */
export function cpuWindow(pid: number | undefined): () => { serverMs: number; databaseMs: number } {
  const server = cpuMs(pid);
  const database = databaseCpu();
  return () => ({ serverMs: cpuMs(pid) - server, databaseMs: databaseCpuSince(database) });
}

/** How the bench runs NEXO: on the bench database, its load users seeded, API only, quiet. */
export const nexoBenchEnv = (db: BenchDatabase): Record<string, string> => ({
  DATABASE_URL: db.adminUrl,
  NEXO_DB_APP_PASSWORD: db.appPassword,
  NEXO_DATA_DIR: path.join(BENCH_DIR, 'nexo'),
  NEXO_SEED_DEMO: 'false',
  NEXO_PUBLIC_URL: 'http://bench.nexo.test',
  LOG_LEVEL: 'warn',
  PORT: '0',
  NEXO_ACCESS_TOKEN_TTL_S: '900',
  // The API alone: the portal is not part of what is measured.
  NEXO_PORTAL: 'false',
});
