import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, runCli, startNexo } from './helpers/cli.js';

/** `nexo start` as a newcomer runs it: embedded PostgreSQL in a fresh data folder. */
describe('nexo start', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'nexo-start-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const env = (): NodeJS.ProcessEnv => cliEnv({ NEXO_DATA_DIR: dataDir, PORT: '0' });

  async function countDemoRows(): Promise<{
    tenants: number;
    users: number;
    memberships: number;
    items: number;
  }> {
    const pid = readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n');
    const password = readFileSync(path.join(dataDir, 'pg-superuser.secret'), 'utf8').trim();
    const client = new pg.Client({
      host: '127.0.0.1',
      port: Number(pid[3]),
      user: 'postgres',
      password,
      database: 'nexo',
    });
    await client.connect();
    const { rows } = await client.query<{
      tenants: number;
      users: number;
      memberships: number;
      items: number;
    }>(
      `select (select count(*)::int from tenancy.tenants) as tenants, (select count(*)::int from auth.users) as users,
              (select count(*)::int from auth.memberships) as memberships,
              (select count(*)::int from catalog.items) as items`,
    );
    await client.end();
    return rows[0] as { tenants: number; users: number; memberships: number; items: number };
  }

  it('starts on a fresh folder, is ready, prints the URLs and demo logins, and stops cleanly', async () => {
    const nexo = await startNexo(env());
    try {
      expect(nexo.banner).toContain('(created now)');
      expect(nexo.banner).toMatch(/admin\s+admin@demo\.nexo\.test \/ \S+/);
      const ready = await fetch(`${nexo.baseUrl}/health/ready`);
      expect(ready.status).toBe(200);
      expect(await countDemoRows()).toEqual({ tenants: 1, users: 2, memberships: 2, items: 105 });
    } finally {
      nexo.child.kill('SIGTERM');
    }
    expect(await nexo.exited).toBe(0);
    // The embedded server stopped with it: its lock file is gone.
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  });

  it('reuses the data on the next start: no second seed, nothing lost', async () => {
    const nexo = await startNexo(env());
    try {
      expect(nexo.banner).not.toContain('(created now)');
      expect((await fetch(`${nexo.baseUrl}/health/ready`)).status).toBe(200);
      expect(await countDemoRows()).toEqual({ tenants: 1, users: 2, memberships: 2, items: 105 });
    } finally {
      nexo.child.kill('SIGINT');
    }
    expect(await nexo.exited).toBe(0);
  });

  it('refuses to start with bad configuration, naming each bad variable', async () => {
    const result = await runCli(
      ['start'],
      cliEnv({ NEXO_DATA_DIR: dataDir, PORT: 'eighty', NEXO_MODULES: 'crm,nope' }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PORT');
    expect(result.stderr).toContain('NEXO_MODULES');
  });
});
