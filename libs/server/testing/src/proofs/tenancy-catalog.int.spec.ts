import { describe, expect, it } from 'vitest';
import { findTenancyViolations, findUnscopedReferences } from '@nexo/db';
import { adminClient, useTestDatabase } from '../test-database.js';
import { REFERENCE_EXCEPTIONS } from './reference-exceptions.js';

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

  // Issue 23: a reference names a record of the same company, or it is a listed exception.
  it('leaves no reference of a tenant table able to point into another company', async () => {
    const client = await adminClient(db.current);
    try {
      expect(await findUnscopedReferences(client, REFERENCE_EXCEPTIONS)).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it('names a reference without a tenant-leading key, and an exception that is stale', async () => {
    const client = await adminClient(db.current);
    try {
      await client.query('begin');
      // The mutation: one of the real keys gone, as if a migration had forgotten it.
      await client.query(`alter table crm.parties drop constraint parties_owner_fk`);
      await client.query(`create schema scratch`);
      await client.query(`create table scratch.notes (tenant_id uuid not null, id uuid not null,
        party_id uuid, team_id uuid, author uuid, watchers uuid[], approved_by uuid,
        primary key (tenant_id, id))`);
      // Tenant-leading but not validated: it vouches for new rows only.
      await client.query(`alter table scratch.notes add constraint notes_party_fk
        foreign key (tenant_id, party_id) references crm.parties (tenant_id, id) not valid`);
      // Tenant-leading and validated: covered.
      await client.query(`alter table scratch.notes add constraint notes_team_fk
        foreign key (tenant_id, team_id) references crm.teams (tenant_id, id)`);
      const found = await findUnscopedReferences(client, {
        ...REFERENCE_EXCEPTIONS,
        'scratch.notes.team_id': 'stale: it has a key',
        'scratch.notes.gone_id': 'stale: no such column',
      });
      await client.query('rollback');
      expect(found).toEqual([
        { table: 'crm.parties', problem: 'owner_id has no foreign key that leads with tenant_id' },
        {
          table: 'scratch.notes',
          problem: 'approved_by has no foreign key that leads with tenant_id',
        },
        { table: 'scratch.notes', problem: 'author has no foreign key that leads with tenant_id' },
        {
          table: 'scratch.notes',
          problem: 'gone_id is listed as an exception but is no reference column',
        },
        {
          table: 'scratch.notes',
          problem: 'party_id: foreign key notes_party_fk is not validated',
        },
        {
          table: 'scratch.notes',
          problem: 'team_id is listed as an exception but has a tenant-leading foreign key',
        },
        {
          table: 'scratch.notes',
          problem: 'watchers has no foreign key that leads with tenant_id',
        },
      ]);
    } finally {
      await client.end();
    }
  });
});
