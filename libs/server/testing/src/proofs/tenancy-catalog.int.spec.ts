import { describe, expect, it } from 'vitest';
import { findTenancyViolations } from '@nexo/db';
import { adminClient, useTestDatabase } from '../test-database.js';

describe('tenancy rules in pg_catalog', () => {
  const db = useTestDatabase();

  it('holds for every tenant table the migrations create', async () => {
    const client = await adminClient(db.current);
    try {
      const { rows } = await client.query<{ n: number }>(
        `select count(*)::int as n from information_schema.columns
          where column_name = 'tenant_id' and table_schema not in ('pg_catalog', 'information_schema')`,
      );
      expect(rows[0]?.n).toBeGreaterThan(0); // the check below has something to check
      expect(await findTenancyViolations(client)).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it('names a table that forgets forced RLS, its policy and a tenant-leading key', async () => {
    const client = await adminClient(db.current);
    try {
      await client.query('begin');
      await client.query(`create schema scratch`);
      await client.query(`create table scratch.careless (id uuid primary key, tenant_id uuid)`);
      await client.query(`create table scratch.half_done (tenant_id uuid not null, id uuid not null,
        code text not null, primary key (tenant_id, id))`);
      await client.query(
        `create unique index half_done_code on scratch.half_done (code, tenant_id)`,
      );
      await client.query(`alter table scratch.half_done enable row level security`);
      const found = await findTenancyViolations(client);
      await client.query('rollback');
      expect(found).toEqual(
        expect.arrayContaining([
          { table: 'scratch.careless', problem: 'row-level security is not enabled' },
          { table: 'scratch.careless', problem: 'row-level security is not forced' },
          { table: 'scratch.careless', problem: 'has no policy' },
          { table: 'scratch.careless', problem: 'tenant_id is nullable' },
          {
            table: 'scratch.careless',
            problem: 'index scratch.careless_pkey does not start with tenant_id',
          },
          { table: 'scratch.half_done', problem: 'row-level security is not forced' },
          { table: 'scratch.half_done', problem: 'has no policy' },
          {
            table: 'scratch.half_done',
            problem: 'index scratch.half_done_code does not start with tenant_id',
          },
        ]),
      );
      expect(found.filter((v) => v.table.startsWith('scratch.'))).toHaveLength(8);
    } finally {
      await client.end();
    }
  });
});
