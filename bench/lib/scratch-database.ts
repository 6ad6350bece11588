import { startEmbeddedPostgres } from '@nexo/db';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** The same server URL with another database. */
export const withDatabase = (url: string, database: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

export interface ScratchDatabase {
  /** A superuser URL of the server (its `postgres` database). */
  serverUrl: string;
  /** The scratch database's name, and a superuser URL of it. */
  name: string;
  adminUrl: string;
  /** Drops the database and stops an embedded server, whatever happened before. */
  drop(): Promise<void>;
}

/**
 * A scratch database for a benchmark: on the server of BENCH_DATABASE_URL or
 * TEST_DATABASE_URL (a superuser URL), or on an embedded PostgreSQL without durability in a
 * temporary folder; named `nexo_bench_<prefix>_<random>`, dropped by `drop`.
 */
export async function scratchDatabase(prefix: string): Promise<ScratchDatabase> {
  let serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  let stopServer = (): Promise<void> => Promise.resolve();
  let dataDir: string | undefined;
  if (!serverUrl) {
    dataDir = mkdtempSync(path.join(os.tmpdir(), `nexo-bench-${prefix}-`));
    const server = await startEmbeddedPostgres({ dataDir, durable: false });
    serverUrl = withDatabase(server.adminUrl, 'postgres');
    stopServer = () => server.stop();
  }
  const name = `nexo_bench_${prefix}_${randomBytes(4).toString('hex')}`;
  const maintenance = new pg.Client({ connectionString: serverUrl });
  await maintenance.connect();
  await maintenance.query(`create database "${name}"`);
  await maintenance.end();
  const server = serverUrl;
  return {
    serverUrl: server,
    name,
    adminUrl: withDatabase(server, name),
    async drop() {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
      await stopServer();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
