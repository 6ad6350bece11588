import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../../..');
export const CLI = path.join(root, 'apps/api/dist/cli/nexo.js');

/** Only what NEXO reads, so the outer environment (e.g. a DATABASE_URL) cannot leak in. */
export function cliEnv(vars: Record<string, string>): NodeJS.ProcessEnv {
  // The portal has its own (browser) tests in apps/e2e; these test the API's CLI.
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LOG_LEVEL: 'warn',
    NEXO_PORTAL: 'false',
    ...vars,
  };
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface RunningNexo {
  child: ChildProcess;
  baseUrl: string;
  banner: string;
  exited: Promise<number | null>;
  output(): string;
}

/** Starts `nexo start` and resolves once it has printed its URLs. */
export function startNexo(env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<RunningNexo> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'start'], { env, cwd: root });
    let out = '';
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const timer = setTimeout(
      () => reject(new Error(`nexo start did not print its URLs:\n${out}`)),
      timeoutMs,
    );
    const onData = (d: Buffer): void => {
      out += d.toString();
      const match = /Health\s+(http:\/\/[^/\s]+)\/health\/ready/.exec(out);
      if (match?.[1] && out.includes('Stop with Ctrl+C.')) {
        clearTimeout(timer);
        resolve({ child, baseUrl: match[1], banner: out, exited, output: () => out });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`nexo start exited with ${code}:\n${out}`));
    });
  });
}
