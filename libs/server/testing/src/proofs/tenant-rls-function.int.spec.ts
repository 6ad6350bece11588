import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { APP_ROLE, OWNER_ROLE, findTenancyViolations } from '@nexo/db';
import { adminClient, useTestDatabase } from '../test-database.js';

/**
 * Migration 0033: `nexo.enable_tenant_rls(table, grants)` gives a new tenant table forced RLS,
 * the tenant policy and the app role's grants. Each test builds a throwaway table as the owner
 * role, the way a migration would, and rolls it all back.
 */
describe('nexo.enable_tenant_rls', () => {
  const db = useTestDatabase();

  async function inOwnerTransaction(work: (client: pg.Client) => Promise<void>): Promise<void> {
    const client = await adminClient(db.current);
    try {
      await client.query('begin');
      // A clone of the template does not carry the database grant the migrator gives the owner.
      await client.query(`create schema scratch authorization ${OWNER_ROLE}`);
      await client.query(`set local role ${OWNER_ROLE}`);
      await work(client);
    } finally {
      await client.query('rollback');
      await client.end();
    }
  }

  /** Runs `sql` in a savepoint and returns the error it raised, if any. */
  async function failure(client: pg.Client, sql: string, params: unknown[] = []): Promise<string> {
    await client.query('savepoint attempt');
    try {
      await client.query(sql, params);
      return '';
    } catch (error) {
      return (error as Error).message;
    } finally {
      await client.query('rollback to savepoint attempt');
    }
  }

  const ledger = `create table scratch.ledger (tenant_id uuid not null, id uuid not null,
    amount int not null, primary key (tenant_id, id))`;

  it('passes the catalog proof for a table that only called it, and is safe to call twice', async () => {
    await inOwnerTransaction(async (client) => {
      await client.query(ledger);
      const before = await findTenancyViolations(client);
      expect(before.filter((v) => v.table === 'scratch.ledger')).toHaveLength(3);

      await client.query(`select nexo.enable_tenant_rls('scratch.ledger')`);
      await client.query(`select nexo.enable_tenant_rls('scratch.ledger')`);

      const after = await findTenancyViolations(client);
      expect(after.filter((v) => v.table.startsWith('scratch.'))).toEqual([]);
      const { rows: policies } = await client.query<{ polname: string; qual: string }>(
        `select polname, pg_get_expr(polqual, polrelid) as qual from pg_policy
          where polrelid = 'scratch.ledger'::regclass`,
      );
      expect(policies).toEqual([
        {
          polname: 'tenant_isolation',
          qual: expect.stringContaining(`current_setting('app.tenant_id'::text, true)`) as string,
        },
      ]);
      const { rows: grants } = await client.query<{ privilege_type: string }>(
        `select privilege_type from information_schema.role_table_grants
          where grantee = $1 and table_schema = 'scratch' and table_name = 'ledger'
          order by 1`,
        [APP_ROLE],
      );
      expect(grants.map((g) => g.privilege_type)).toEqual(['DELETE', 'INSERT', 'SELECT', 'UPDATE']);
    });
  });

  it('lets the app role see and write only the rows of its tenant', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await inOwnerTransaction(async (client) => {
      await client.query(ledger);
      await client.query(`select nexo.enable_tenant_rls('scratch.ledger')`);
      // Forced RLS holds for the owner too: each row goes in under its own tenant.
      for (const [tenant, amount] of [
        [a, 1],
        [a, 2],
        [b, 30],
      ] as const) {
        await client.query(`select set_config('app.tenant_id', $1, true)`, [tenant]);
        await client.query(`insert into scratch.ledger values ($1, $2, $3)`, [
          tenant,
          randomUUID(),
          amount,
        ]);
      }

      await client.query(`set local role ${APP_ROLE}`);
      await client.query(`select set_config('app.tenant_id', $1, true)`, [a]);
      const { rows } = await client.query<{ tenant_id: string; amount: number }>(
        'select tenant_id, amount from scratch.ledger order by amount',
      );
      expect(rows).toEqual([
        { tenant_id: a, amount: 1 },
        { tenant_id: a, amount: 2 },
      ]);
      const moved = await client.query(
        `update scratch.ledger set amount = 0 where tenant_id = $1`,
        [b],
      );
      expect(moved.rowCount).toBe(0);
      expect(
        await failure(client, `insert into scratch.ledger values ($1, $2, 5)`, [b, randomUUID()]),
      ).toMatch(/row-level security policy/);

      await client.query(`select set_config('app.tenant_id', '', true)`);
      const none = await client.query('select 1 from scratch.ledger');
      expect(none.rowCount).toBe(0);
    });
  });

  it('grants only what it is given: an append-only table gets no UPDATE or DELETE', async () => {
    const tenant = randomUUID();
    await inOwnerTransaction(async (client) => {
      await client.query(ledger);
      await client.query(
        `select nexo.enable_tenant_rls('scratch.ledger', array['SELECT', 'INSERT'])`,
      );
      expect(
        (await findTenancyViolations(client)).filter((v) => v.table.startsWith('scratch.')),
      ).toEqual([]);

      await client.query(`set local role ${APP_ROLE}`);
      await client.query(`select set_config('app.tenant_id', $1, true)`, [tenant]);
      await client.query(`insert into scratch.ledger values ($1, $2, 7)`, [tenant, randomUUID()]);
      expect(await failure(client, 'update scratch.ledger set amount = 8')).toMatch(
        /permission denied/,
      );
      expect(await failure(client, 'delete from scratch.ledger')).toMatch(/permission denied/);
    });
  });

  it('refuses a table without tenant_id and a grant that is not a privilege', async () => {
    await inOwnerTransaction(async (client) => {
      await client.query('create table scratch.plain (id uuid primary key)');
      await client.query(ledger);
      expect(await failure(client, `select nexo.enable_tenant_rls('scratch.plain')`)).toBe(
        'scratch.plain has no tenant_id column',
      );
      expect(
        await failure(
          client,
          `select nexo.enable_tenant_rls('scratch.ledger', array['SELECT', 'ALL; drop table x'])`,
        ),
      ).toBe('grant ALL; drop table x is none of SELECT, INSERT, UPDATE, DELETE');
      expect(
        await failure(client, `select nexo.enable_tenant_rls('scratch.ledger', array['TRUNCATE'])`),
      ).toMatch(/is none of/);
    });
  });

  it('runs with the rights of its caller, and the app role cannot call it', async () => {
    await inOwnerTransaction(async (client) => {
      const { rows } = await client.query<{ prosecdef: boolean; owner: string }>(
        `select prosecdef, pg_get_userbyid(proowner) as owner from pg_proc
          where oid = 'nexo.enable_tenant_rls(regclass, text[])'::regprocedure`,
      );
      expect(rows).toEqual([{ prosecdef: false, owner: OWNER_ROLE }]);
      await client.query(ledger);
      await client.query(`set local role ${APP_ROLE}`);
      expect(await failure(client, `select nexo.enable_tenant_rls('scratch.ledger')`)).toMatch(
        /permission denied/,
      );
    });
  });
});
