import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate, startEmbeddedPostgres } from '@nexo/db';
import { TEST_APP_PASSWORD, withDatabase, type TestDatabaseEnv } from './test-database-env.js';

/**
 * One PostgreSQL per test run: the machine's (TEST_DATABASE_URL) or an embedded one with
 * durability off. The real migrations run once into a template database; every test file
 * then clones it, which takes a fraction of a second.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let serverUrl = process.env.TEST_DATABASE_URL;
  let stopServer = (): Promise<void> => Promise.resolve();
  let dataDir: string | undefined;
  if (!serverUrl) {
    dataDir = await mkdtemp(path.join(tmpdir(), 'nexo-test-pg-'));
    const server = await startEmbeddedPostgres({ dataDir, durable: false });
    serverUrl = withDatabase(server.adminUrl, 'postgres');
    stopServer = () => server.stop();
  }
  const prefix = `nexo_t${process.pid}_${Date.now().toString(36)}`;
  const template = `${prefix}_template`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${template}"`);
  await admin.end();
  await migrate(withDatabase(serverUrl, template), { appPassword: TEST_APP_PASSWORD });

  const env: TestDatabaseEnv = { serverUrl, template, prefix, appPassword: TEST_APP_PASSWORD };
  project.provide('nexoDb', env);

  return async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`${prefix}%`],
    );
    for (const { datname } of rows)
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await client.end();
    await stopServer();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}
