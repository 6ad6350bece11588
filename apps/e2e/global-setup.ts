import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM } from './playwright.config';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Starts NEXO as `npm start` does — API on an embedded PostgreSQL in a throw-away folder,
 * demo company seeded, the portal built if needed and served — on free ports, and hands
 * the URLs to the journeys. Returns the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `No Chromium at ${CHROMIUM}: apt-get install chromium (or set NEXO_E2E_CHROMIUM)`,
    );
  const dataDir = await mkdtemp(path.join(tmpdir(), 'nexo-e2e-'));
  const child = spawn(process.execPath, [path.join(root, 'apps/api/dist/cli/nexo.js'), 'start'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      LOG_LEVEL: 'warn',
      NEXO_DATA_DIR: dataDir,
      PORT: '0',
      NEXO_PORTAL_PORT: '0',
      // The journeys sign in many times from one address.
      NEXO_LOGIN_LOCK_BASE_MS: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const urls = await new Promise<{ portal: string; api: string }>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`nexo start did not come up:\n${output}`)),
      300_000,
    );
    const onData = (d: Buffer) => {
      output += d.toString();
      const portal = /Portal\s+(http:\/\/\S+)/.exec(output)?.[1];
      const api = /API\s+(http:\/\/\S+)\/api\/v1/.exec(output)?.[1];
      if (output.includes('Stop with Ctrl+C.')) {
        clearTimeout(timer);
        if (portal && api) resolve({ portal, api });
        else reject(new Error(`nexo start came up without the portal:\n${output}`));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`nexo start exited with ${code}:\n${output}`)));
  });
  process.env.NEXO_PORTAL_URL = urls.portal;
  process.env.NEXO_API_URL = urls.api;
  process.env.NEXO_E2E_DATA_DIR = dataDir;
  return async () => {
    child.kill('SIGTERM');
    await exited;
    await rm(dataDir, { recursive: true, force: true });
  };
}
