import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface NexoServer {
  baseUrl: string;
  /** The embedded PostgreSQL's folder (its superuser secret and postmaster.pid are there). */
  dataDir: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Runs NEXO as it is deployed — the built CLI's `start`, its own process — so the load
 * generator in this process does not share an event loop with the server. Embedded
 * PostgreSQL in a fresh folder, or BENCH_DATABASE_URL.
 */
export function startNexo(env: Record<string, string> = {}): Promise<NexoServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'nexo-bench-'));
  const child = spawn(process.execPath, [path.join(root, 'apps/api/dist/cli/nexo.js'), 'start'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NEXO_DATA_DIR: dataDir,
      PORT: '0',
      LOG_LEVEL: 'warn',
      NEXO_PORTAL: 'false',
      ...(process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer): void => {
      out += d.toString();
      const match = /Health\s+(http:\/\/[^/\s]+)\/health\/ready/.exec(out);
      if (match?.[1]) {
        resolve({
          baseUrl: match[1],
          dataDir,
          child,
          stop: () =>
            new Promise((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`nexo start exited with ${code}:\n${out}`)));
  });
}
