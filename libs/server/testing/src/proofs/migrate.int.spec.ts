import { MIGRATIONS_FOLDER, migrate } from '@nexo/db';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { withDatabase } from '../test-database-env.js';

describe('migrate', () => {
  it('is safe when two processes start together, and a no-op the second time', async () => {
    const env = inject('nexoDb');
    // A name that needs quoting: the grants and role settings on the database quote it.
    const name = `${env.prefix}_mig "${randomBytes(4).toString('hex')}"`;
    const admin = new pg.Client({ connectionString: env.serverUrl });
    await admin.connect();
    await admin.query(`create database ${admin.escapeIdentifier(name)}`);
    try {
      const url = withDatabase(env.serverUrl, name);
      const journal = JSON.parse(
        await readFile(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'),
      ) as {
        entries: unknown[];
      };
      const results = await Promise.all([
        migrate(url, { appPassword: env.appPassword }),
        migrate(url, { appPassword: env.appPassword }),
      ]);
      expect(results.map((r) => r.total)).toEqual([journal.entries.length, journal.entries.length]);
      expect(results.map((r) => r.applied).sort()).toEqual([0, journal.entries.length]);
      expect(await migrate(url)).toEqual({
        applied: 0,
        total: journal.entries.length,
        similarityIndexed: true,
      });

      const check = new pg.Client({ connectionString: url });
      await check.connect();
      const { rows } = await check.query<{ owner: string }>(
        `select distinct pg_get_userbyid(relowner) as owner from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname in ('tenancy', 'auth') and c.relkind = 'r'`,
      );
      await check.end();
      expect(rows).toEqual([{ owner: 'nexo_owner' }]);
    } finally {
      await admin.query(`drop database if exists ${admin.escapeIdentifier(name)} with (force)`);
      await admin.end();
    }
  });
});
