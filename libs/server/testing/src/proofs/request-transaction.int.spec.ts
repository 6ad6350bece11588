import { memberships, users } from '@nexo/auth';
import { Database, inlined, literal, type Tx } from '@nexo/db';
import { newId } from '@nexo/utils';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from '../tenants.factory.js';
import { adminClient, useTestDatabase } from '../test-database.js';

/**
 * `Database.withContext` opens each transaction with one simple-protocol batch (BEGIN, the
 * settings, the principal check): these are the promises that batch must keep.
 */
describe('the request transaction', () => {
  const db = useTestDatabase();
  // One connection: every transaction below reuses the same pooled connection.
  let single: Database;
  beforeAll(() => {
    single = new Database(db.current.appUrl, { max: 1, applicationName: 'nexo-test-single' });
  });
  afterAll(() => single.close());

  const settings = (tx: Tx) =>
    tx.execute<{ tenant: string; actor: string; party: string }>(sql`select
      current_setting('app.tenant_id', true) as tenant, current_setting('app.actor', true) as actor,
      current_setting('app.party_id', true) as party`);

  it('carries values with quotes and backslashes exactly, as data', async () => {
    const actor = `o'brien\\'); select 1; --`;
    const { rows } = await single.withContext({ actor }, settings);
    expect(rows).toEqual([{ tenant: '', actor, party: '' }]);
    expect(literal(null)).toBe('null');
    expect(literal(12.5)).toBe('12.5');
    // A Drizzle statement inlined for simple protocol quotes its values the same way.
    const inline = inlined(
      single.db
        .select({ n: sql<number>`1` })
        .from(users)
        .where(sql`${users.name} = ${actor}`),
    );
    expect(inline).toContain(literal(actor));
    expect(inline).not.toMatch(/\$\d/);
    const { rows: found } = await single.withContext({}, (tx) => tx.execute(sql.raw(inline)));
    expect(found).toEqual([]);
    expect(() => inlined({ toSQL: () => ({ sql: 'select $1', params: [true] }) })).toThrow(
      'not text, a number or null',
    );
  });

  it('hands the opening query its rows, and a refusal rolls everything back', async () => {
    const { id: tenantId } = await createTenant(db.current.database);
    const seen: unknown[] = [];
    const answer = await single.withContext(
      { tenantId },
      (tx) => settings(tx).then((r) => r.rows[0]?.tenant),
      { sql: `select 41 + 1 as n, 'x''y' as s`, accept: (rows) => seen.push(...rows) },
    );
    expect(answer).toBe(tenantId);
    expect(seen).toEqual([{ n: 42, s: "x'y" }]);

    const userId = newId();
    const refused = await single
      .withContext(
        { tenantId },
        async (tx) => {
          await tx.insert(users).values({ id: userId, email: `${userId}@x.test`, name: 'No' });
        },
        {
          sql: 'select false as ok',
          accept: () => {
            throw new Error('principal refused');
          },
        },
      )
      .catch((e: unknown) => e);
    expect(refused).toEqual(new Error('principal refused'));

    // The same (only) connection is usable afterwards and outside any transaction (a statement
    // in a transaction left open would see that transaction's older now()), settings gone.
    const after = await single.pool.query<{ own: boolean; tenant: string | null }>(
      `select now() = statement_timestamp() as own,
              nullif(current_setting('app.tenant_id', true), '') as tenant`,
    );
    expect(after.rows).toEqual([{ own: true, tenant: null }]);
    const admin = await adminClient(db.current);
    const left = await admin.query('select count(*)::int as n from auth.users where id = $1', [
      userId,
    ]);
    await admin.end();
    expect(left.rows).toEqual([{ n: 0 }]);
  });

  it('sends statements deferred to COMMIT with it, and one that fails rolls everything back', async () => {
    const { id: tenantId } = await createTenant(db.current.database);
    const kept = newId();
    await single.withContext({ tenantId }, async (tx) => {
      single.beforeCommit(
        `insert into auth.users (id, email, name) values (${literal(kept)}, ${literal(`${kept}@x.test`)}, 'Kept')`,
      );
      // Deferred: not there yet while the transaction runs.
      const { rows } = await tx.execute(sql`select 1 from auth.users where id = ${kept}`);
      expect(rows).toHaveLength(0);
    });

    const written = newId();
    const failed = await single
      .withContext({ tenantId }, async (tx) => {
        await tx.insert(users).values({ id: written, email: `${written}@x.test`, name: 'Lost' });
        // The same id again: the deferred insert fails at commit time.
        single.beforeCommit(
          `insert into auth.users (id, email, name) values (${literal(kept)}, 'other@x.test', 'Twice')`,
        );
      })
      .catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: '23505' });
    expect(() => single.beforeCommit('select 1')).toThrow('No transaction in context');

    const admin = await adminClient(db.current);
    const { rows } = await admin.query<{ id: string }>(
      'select id from auth.users where id = any($1::uuid[]) order by id',
      [[kept, written]],
    );
    await admin.end();
    expect(rows.map((r) => r.id)).toEqual([kept]);
  });

  it('gives every transaction a handle of its own, even on the same connection', async () => {
    const handles: Tx[] = [];
    for (let i = 0; i < 3; i++)
      await single.withContext({}, (tx) => Promise.resolve(handles.push(tx)));
    expect(new Set(handles).size).toBe(3);
    await expect(
      single.withContext({}, (tx) => tx.execute(sql`select 1 as one`).then((r) => r.rows)),
    ).resolves.toEqual([{ one: 1 }]);
  });

  it('prepares a named statement once per connection and runs it in each transaction', async () => {
    const { id: a } = await createTenant(db.current.database);
    const { id: b } = await createTenant(db.current.database);
    let built = 0;
    const run = (tenantId: string, probe: string) =>
      single.withContext({ tenantId }, async (tx) => {
        const query = single.prepared('test_tenant_probe', (bound, name) => {
          built++;
          return bound
            .select({
              tenant: sql<string>`current_setting('app.tenant_id', true)`,
              probe: sql<string>`${sql.placeholder('probe')}::text`,
            })
            .from(sql`(select 1) as one`)
            .prepare(name);
        });
        const [row] = await query.execute({ probe });
        const statements = await tx.execute<{ n: number }>(
          sql`select count(*)::int as n from pg_prepared_statements where name = 'test_tenant_probe'`,
        );
        return { ...row, prepared: statements.rows[0]?.n };
      });
    expect(await run(a, 'first')).toEqual({ tenant: a, probe: 'first', prepared: 1 });
    expect(await run(b, 'second')).toEqual({ tenant: b, probe: 'second', prepared: 1 });
    expect(built).toBe(1);
    expect(() => single.prepared('outside', () => 1)).toThrow(/No transaction/);
  });

  it('rolls back after a database error and keeps the connection usable', async () => {
    const { id: tenantId } = await createTenant(db.current.database);
    const membershipId = newId();
    const failed = await single
      .withContext({ tenantId }, async (tx) => {
        await tx.insert(memberships).values({
          tenantId,
          id: membershipId,
          userId: newId(), // no such user: the foreign key refuses it
          actor: 'employee',
        });
      })
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(Error);
    const { rows } = await single.withContext({ tenantId }, (tx) =>
      tx.execute<{ n: number }>(
        sql`select count(*)::int as n from auth.memberships where id = ${membershipId}`,
      ),
    );
    expect(rows).toEqual([{ n: 0 }]);
  });
});
