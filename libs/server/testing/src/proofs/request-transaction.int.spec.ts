import { memberships, users } from '@nexo/auth/tables';
import { Database, PrincipalChangedError, inlinedTemplate, literal, type Tx } from '@nexo/db';
import { newId } from '@nexo/utils';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from '../tenants.factory.js';
import { adminClient, useTestDatabase } from '../test-database.js';

/**
 * `Database.withContext` sends BEGIN and the settings with a transaction's first statement (a
 * read sends the settings with each of its statements and no BEGIN), reads whether a kept
 * principal answer still holds with that statement, and plans a statement sent again once per
 * connection: these are the promises that way of talking to PostgreSQL must keep.
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
    // A Drizzle statement built once and filled per use (`beforeCommit`'s audit rows) quotes
    // its values the same way; null stays NULL, objects go through the column's encoder.
    const template = inlinedTemplate<{ name: string | null }>(
      single.db
        .select({ n: sql<number>`1` })
        .from(users)
        .where(sql`${users.name} = ${sql.placeholder('name')}`),
    );
    const inline = template({ name: actor });
    expect(inline).toContain(literal(actor));
    expect(inline).not.toMatch(/\$\d/);
    expect(template({ name: null })).toMatch(/= null$/);
    const { rows: found } = await single.withContext({}, (tx) => tx.execute(sql.raw(inline)));
    expect(found).toEqual([]);
  });

  const SETTINGS_FIRST =
    /^begin;\n(select set_config\('app.tenant_id'|(prepare nexo_q\d+ as select set_config\('app.tenant_id', \$1.*;\n)?execute nexo_q\d+\(')/s;

  /** Messages sent to PostgreSQL while `run` runs (each one a round trip). */
  const roundTrips = async (run: () => Promise<unknown>): Promise<string[]> => {
    const sent: string[] = [];
    const client = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
    const original = client.query;
    client.query = function (this: pg.Client, ...args: unknown[]) {
      const first = args[0];
      sent.push(typeof first === 'string' ? first : String((first as { text?: string }).text));
      return original.apply(this, args);
    };
    try {
      await run();
    } finally {
      client.query = original;
    }
    return sent;
  };

  const usersNamed = async (ids: string[]) => {
    const admin = await adminClient(db.current);
    const { rows } = await admin.query<{ id: string }>(
      'select id from auth.users where id = any($1::uuid[]) order by id',
      [ids],
    );
    await admin.end();
    return rows.map((r) => r.id);
  };

  const insertUser = (tx: Tx, id: string) =>
    tx.insert(users).values({ id, email: `${id}@x.test`, name: 'Someone' });

  it('sends BEGIN and the settings with the first statement, and a read in one message', async () => {
    const { id: tenantId } = await createTenant(db.current.database);
    const written = newId();
    const write = await roundTrips(() =>
      single.withContext({ tenantId }, async (tx) => {
        await insertUser(tx, written);
        expect((await settings(tx)).rows[0]?.tenant).toBe(tenantId);
      }),
    );
    expect(write).toHaveLength(3);
    // The settings: inlined the first time, then the connection's prepared statement.
    expect(write[0]).toMatch(SETTINGS_FIRST);
    expect(write[2]).toBe('commit');
    expect(await usersNamed([written])).toEqual([written]);

    const read = await roundTrips(() =>
      single.withContext({ tenantId }, (tx) => settings(tx), { readOnly: true }),
    );
    expect(read).toHaveLength(1);
    expect(read[0]).not.toMatch(/begin|commit/);
    // No transaction block is left open: a new statement gets its own timestamp.
    const after = await single.pool.query<{ own: boolean }>(
      'select now() = statement_timestamp() as own',
    );
    expect(after.rows).toEqual([{ own: true }]);
  });

  it('gives a read the settings with every statement and lets it write nothing', async () => {
    const { id: tenantId } = await createTenant(db.current.database);
    const read = (fn: (tx: Tx) => Promise<unknown>) =>
      single.withContext({ tenantId, actor: 'employee' }, fn, { readOnly: true });
    const twice = await read(async (tx) => [
      (await settings(tx)).rows[0],
      (await settings(tx)).rows[0],
    ]);
    expect(twice).toEqual([
      { tenant: tenantId, actor: 'employee', party: '' },
      { tenant: tenantId, actor: 'employee', party: '' },
    ]);
    const id = newId();
    const refused = await read((tx) => insertUser(tx, id)).catch((e: unknown) => e);
    expect(refused).toMatchObject({ cause: { code: '25006' } }); // read_only_sql_transaction
    expect(await usersNamed([id])).toEqual([]);
    await expect(read(() => Promise.resolve(single.beforeCommit('select 1')))).rejects.toThrow(
      'cannot write',
    );
  });

  it('inlines values into a first statement exactly as they would be bound', async () => {
    const { id: tenantId } = await createTenant(db.current.database);
    const values = {
      text: `o'brien\\'); select 1; --`,
      number: 12.5,
      flag: true,
      nothing: null,
      when: new Date('2026-12-03T10:20:30.456Z'),
      list: ['a', 'b"c', "d'e"],
      json: { k: "v'1", n: [1, 2] },
      bytes: Buffer.from([0, 1, 254, 255]),
    };
    const query = (tx: Tx) =>
      tx.execute<Record<string, unknown>>(sql`select ${values.text}::text as text,
        ${values.number}::numeric as number, ${values.flag}::boolean as flag,
        ${values.nothing}::text as nothing, ${values.when}::timestamptz as when,
        ${sql.param(values.list)}::text[] as list, ${JSON.stringify(values.json)}::jsonb as json,
        ${values.bytes}::bytea as bytes`);
    // The first statement of a write and each of a read go as simple protocol, values inlined;
    // the second of a write goes bound, as node-postgres sends it.
    const [first, second] = await single.withContext({ tenantId }, async (tx) => [
      (await query(tx)).rows[0],
      (await query(tx)).rows[0],
    ]);
    const read = await single.withContext({ tenantId }, (tx) => query(tx), { readOnly: true });
    expect(first).toEqual(second);
    expect(read.rows[0]).toEqual(second);
    expect(first).toMatchObject({
      text: values.text,
      flag: true,
      nothing: null,
      list: values.list,
      json: values.json,
      bytes: values.bytes,
    });
    expect(Number(first?.number)).toBe(12.5);
    expect(new Date(String(first?.when)).toISOString()).toBe(values.when.toISOString());
  });

  it('runs a check without a kept answer before anything else, and a refusal rolls back', async () => {
    const { id: tenantId } = await createTenant(db.current.database);
    const seen: unknown[] = [];
    const sent = await roundTrips(() =>
      single.withContext({ tenantId }, (tx) => settings(tx).then((r) => r.rows[0]?.tenant), {
        check: { sql: `select 41 + 1 as n, 'x''y' as s`, accept: (rows) => seen.push(...rows) },
      }),
    );
    expect(seen).toEqual([{ n: 42, s: "x'y" }]);
    expect(sent[0]).toMatch(SETTINGS_FIRST);
    expect(sent[0]).toMatch(/;\nselect 41 \+ 1 as n, 'x''y' as s$/);

    const userId = newId();
    const refused = await single
      .withContext({ tenantId }, (tx) => insertUser(tx, userId), {
        check: {
          sql: 'select false as ok',
          accept: () => {
            throw new Error('principal refused');
          },
        },
      })
      .catch((e: unknown) => e);
    expect(refused).toEqual(new Error('principal refused'));
    expect(await usersNamed([userId])).toEqual([]);
  });

  it('on a kept answer, checks only when the first statement says it may be outdated', async () => {
    const { id: tenantId } = await createTenant(db.current.database);
    let checks = 0;
    const kept = (stale: string, refuse = false) => ({
      stale: { text: stale, values: [] },
      sql: 'select true as ok',
      accept: () => {
        checks++;
        if (refuse) throw new Error('principal refused');
      },
    });
    const first = newId();
    const held = await roundTrips(() =>
      single.withContext({ tenantId }, (tx) => insertUser(tx, first), { check: kept('false') }),
    );
    expect(checks).toBe(0);
    expect(held).toHaveLength(2); // the first statement with BEGIN, then COMMIT
    expect(await usersNamed([first])).toEqual([first]);

    const second = newId();
    const outdated = await roundTrips(() =>
      single.withContext({ tenantId }, (tx) => insertUser(tx, second), { check: kept('true') }),
    );
    expect(checks).toBe(1);
    expect(outdated).toHaveLength(3);
    expect(outdated[1]).toBe('select true as ok');

    // Refused after the first statement ran: what it wrote is rolled back.
    const third = newId();
    await expect(
      single.withContext({ tenantId }, (tx) => insertUser(tx, third), {
        check: kept('1 = 1', true),
      }),
    ).rejects.toThrow('principal refused');
    expect(await usersNamed([second, third])).toEqual([second]);

    // A request that sends no statement still asks, and a read checks with its settings.
    await single.withContext({ tenantId }, () => Promise.resolve(), { check: kept('true') });
    await single.withContext({ tenantId }, (tx) => settings(tx), {
      check: kept('true'),
      readOnly: true,
    });
    expect(checks).toBe(4);
    // The verifier's way of saying the roles changed reaches the caller as such.
    const rolesChanged = {
      stale: { text: 'true', values: [] },
      sql: 'select 1',
      accept: () => {
        throw new PrincipalChangedError();
      },
    };
    const changed = await single
      .withContext({ tenantId }, (tx) => settings(tx), {
        check: rolesChanged,
      })
      .catch((e: unknown) => e);
    expect(changed).toBeInstanceOf(PrincipalChangedError);

    // A failure before any statement (a route refused on the kept roles) is checked first, and
    // the check's verdict replaces it; an answer that still holds leaves the failure as it was.
    const outdatedRefusal = await single
      .withContext({ tenantId }, () => Promise.reject(new Error('refused on the kept roles')), {
        check: rolesChanged,
      })
      .catch((e: unknown) => e);
    expect(outdatedRefusal).toBeInstanceOf(PrincipalChangedError);
    const plain = await single
      .withContext({ tenantId }, () => Promise.reject(new Error('not found')), {
        check: kept('true'),
      })
      .catch((e: unknown) => e);
    expect(plain).toEqual(new Error('not found'));
    expect(checks).toBe(5);
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

  it('plans a statement sent again once per connection, in reads and in writes', async () => {
    const { id: a } = await createTenant(db.current.database);
    const { id: b } = await createTenant(db.current.database);
    let built = 0;
    const query = () =>
      single.prepared('test_tenant_probe', (bound, name) => {
        built++;
        return bound
          .select({
            tenant: sql<string>`current_setting('app.tenant_id', true)`,
            probe: sql<string>`${sql.placeholder('probe')}::text`,
          })
          .from(sql`(select 1) as one`)
          .prepare(name);
      });
    const read = (tenantId: string, probe: string) =>
      single.withContext({ tenantId }, () => query().execute({ probe }), { readOnly: true });
    // In a write, after its first statement: bound parameters (extended protocol).
    const write = (tenantId: string, probe: string) =>
      single.withContext({ tenantId }, async (tx) => {
        await settings(tx);
        return query().execute({ probe });
      });
    for (const [i, tenant] of [a, b, a].entries()) {
      expect(await read(tenant, `r'${i}`)).toEqual([{ tenant, probe: `r'${i}` }]);
      expect(await write(tenant, `w${i}`)).toEqual([{ tenant, probe: `w${i}` }]);
    }
    expect(built).toBe(1);
    const { rows } = await single.pool.query<{ name: string; statement: string }>(
      `select name, statement from pg_prepared_statements where statement like '%from (select 1) as one%'`,
    );
    expect(rows.map((r) => r.name.replace(/\d+$/, '')).sort()).toEqual(['nexo_p', 'nexo_q']);
    expect(() => single.prepared('outside', () => 1)).toThrow(/No transaction/);
  });

  it('keeps a connection usable when a message that prepared a statement fails', async () => {
    const divide = (tx: Tx, by: number) =>
      tx.execute<{ q: number }>(sql`select 10 / ${by}::int as q`);
    const read = (by: number) =>
      single.withContext({}, (tx) => divide(tx, by).then((r) => r.rows[0]?.q), { readOnly: true });
    expect(await read(5)).toBe(2); // first sighting: inlined
    await expect(read(0)).rejects.toMatchObject({ cause: { code: '22012' } }); // prepared, then failed
    // Whether PREPARE ran before the failure is unknown: the text runs inlined from now on.
    expect(await read(2)).toBe(5);
    expect(await read(1)).toBe(10);
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
