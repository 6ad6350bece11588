import { AsyncLocalStorage } from 'node:async_hooks';
import type { NodePgDatabase, NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { drizzleWithCompiledRows } from './row-mapper.js';

export type Db = NodePgDatabase<Record<string, never>>;
/**
 * A transaction handle: what repositories run their queries on. Inside `withContext` it is
 * Drizzle bound to the transaction's own connection; `db.transaction()` gives one too. It
 * has no `transaction()`: the request's transaction is the only one.
 */
export type Tx = Omit<PgDatabase<NodePgQueryResultHKT, Record<string, never>>, 'transaction'>;

/**
 * One more SELECT to run in the transaction's first round trip, after its settings (the
 * principal re-check). Simple protocol: its values are inlined, quoted with `literal()`.
 */
export interface OpeningQuery {
  sql: string;
  /** Receives the rows; throws to refuse the request (the transaction is rolled back). */
  accept(rows: Record<string, unknown>[]): void;
}

/** A value quoted for inlining into an `OpeningQuery` (or NULL). */
export const literal = (value: string | number | null | undefined): string =>
  value === null || value === undefined
    ? 'null'
    : typeof value === 'number'
      ? String(Number.isFinite(value) ? value : 0)
      : pg.escapeLiteral(value);

/**
 * A Drizzle statement as simple-protocol text, its parameters inlined with `literal()`: for
 * `beforeCommit` and opening queries, built with the table's own definition. The values must
 * reach the driver as text, numbers or null (jsonb columns encode to text).
 */
export function inlined(query: { toSQL(): { sql: string; params: unknown[] } }): string {
  const { sql: text, params } = query.toSQL();
  return text.replace(/\$(\d+)/g, (_, n: string) => {
    const value = params[Number(n) - 1];
    if (value !== null && typeof value !== 'string' && typeof value !== 'number')
      throw new Error(
        `inlined(): parameter $${n} is a ${typeof value}, not text, a number or null`,
      );
    return literal(value);
  });
}

/** What a transaction tells PostgreSQL about the caller; RLS policies read these settings. */
export interface DbContext {
  /** Unset only for the few flows before a tenant is chosen (sign-in reads own memberships). */
  tenantId?: string;
  userId?: string;
  actor?: string;
  partyId?: string;
}

export class NoTransactionError extends Error {
  constructor() {
    super('No transaction in context: repositories run inside Database.withContext()');
    this.name = 'NoTransactionError';
  }
}

/**
 * The app role's connection pool. Every tenant query runs inside `withContext`, which opens
 * one transaction, sets the tenant settings with `set_config(…, true)` (local to that
 * transaction, so a pooled connection never carries them into the next request), and makes
 * the transaction available to repositories through `tx()`.
 */
export class Database {
  readonly pool: pg.Pool;
  readonly db: Db;
  private readonly current = new AsyncLocalStorage<{
    tx: Tx;
    bound: Tx;
    context: DbContext;
    /** Statements sent with COMMIT (`beforeCommit`). */
    atCommit: string[];
  }>();
  /** Drizzle over each pooled connection, made once per connection. */
  private readonly bound = new WeakMap<pg.PoolClient, Tx>();
  /** Prepared statements of each connection's Drizzle, by name. */
  private readonly statements = new WeakMap<Tx, Map<string, unknown>>();

  constructor(url: string, options: { max?: number; applicationName?: string } = {}) {
    this.pool = new pg.Pool({
      connectionString: url,
      max: options.max ?? 10,
      application_name: options.applicationName ?? 'nexo-api',
      idleTimeoutMillis: 30_000,
    });
    // An idle client that loses its server (restart, network) must not crash the process.
    this.pool.on('error', () => undefined);
    this.db = drizzleWithCompiledRows(this.pool);
  }

  /**
   * BEGIN, the settings and the optional opening query go to PostgreSQL as one simple-protocol
   * batch: one round trip instead of three before the handler's first query (ADR 0003). The
   * settings' values are quoted literals, never interpolated raw.
   */
  async withContext<T>(
    context: DbContext,
    fn: (tx: Tx) => Promise<T>,
    opening?: OpeningQuery,
  ): Promise<T> {
    if (this.current.getStore()) throw new Error('Database.withContext() does not nest');
    const client = await this.pool.connect();
    // A connection whose ROLLBACK failed is broken: destroyed, not given back to the pool.
    let broken: Error | undefined;
    try {
      const results = (await client.query(
        `begin; select set_config('app.tenant_id', ${literal(context.tenantId ?? '')}, true),
          set_config('app.user_id', ${literal(context.userId ?? '')}, true),
          set_config('app.actor', ${literal(context.actor ?? '')}, true),
          set_config('app.party_id', ${literal(context.partyId ?? '')}, true)${opening ? `; ${opening.sql}` : ''}`,
      )) as unknown as pg.QueryResult<Record<string, unknown>>[];
      opening?.accept(results[2]?.rows ?? []);
      const bound = this.boundTo(client);
      // A handle of its own per transaction: caches keyed by the transaction must not
      // outlive it, while Drizzle itself is made once per connection.
      const tx = Object.create(bound) as Tx;
      const atCommit: string[] = [];
      const result = await this.current.run({ tx, bound, context, atCommit }, () => fn(tx));
      // Statements deferred to the end ride with COMMIT (simple protocol, one round trip); one
      // that fails skips the COMMIT after it, and the transaction is rolled back below.
      await client.query(atCommit.length ? `${atCommit.join(';\n')};\ncommit` : 'commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch((e: unknown) => {
        broken = e instanceof Error ? e : new Error(String(e));
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  private boundTo(client: pg.PoolClient): Tx {
    let bound = this.bound.get(client);
    if (!bound) {
      bound = drizzleWithCompiledRows(client);
      this.bound.set(client, bound);
    }
    return bound;
  }

  /**
   * A fixed-shape query prepared on the current transaction's connection as the named
   * statement `name`: Drizzle builds its SQL once per connection and PostgreSQL parses it
   * once per connection. For the hottest queries (a record by id); values are passed as
   * `sql.placeholder`s to `execute`. A name stands for one query text.
   */
  prepared<Q>(name: string, build: (db: Tx, name: string) => Q): Q {
    const store = this.inFlight();
    let byName = this.statements.get(store.bound);
    if (!byName) {
      byName = new Map();
      this.statements.set(store.bound, byName);
    }
    let query = byName.get(name) as Q | undefined;
    if (!query) {
      query = build(store.bound, name);
      byName.set(name, query);
    }
    return query;
  }

  private inFlight() {
    const store = this.current.getStore();
    if (!store) throw new NoTransactionError();
    return store;
  }

  /** The transaction of the request in flight. Repositories never open their own. */
  tx(): Tx {
    const store = this.inFlight();
    return store.tx;
  }

  /**
   * Runs `statement` at the end of the transaction in flight, in COMMIT's round trip: for
   * writes that nothing later in the transaction reads (the audit log), one round trip fewer.
   * Simple protocol: build the statement with Drizzle and pass it through `inlined()`. A
   * failure rolls back the whole transaction, as if the statement had run at once.
   */
  beforeCommit(statement: string): void {
    const store = this.inFlight();
    store.atCommit.push(statement);
  }

  /**
   * The settings the transaction in flight was opened with (what its RLS policies read), known
   * without asking PostgreSQL for `current_setting`.
   */
  settings(): Readonly<DbContext> {
    const store = this.inFlight();
    return store.context;
  }

  async ping(): Promise<void> {
    await this.pool.query('select 1');
  }

  /** Idempotent: the app's shutdown and a test's teardown may both call it. */
  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}

/** Runs an opening query on its own, inside a transaction already open (a job re-checks its author). */
export async function runOpeningQuery(tx: Tx, query: OpeningQuery): Promise<void> {
  query.accept((await tx.execute<Record<string, unknown>>(sql.raw(query.sql))).rows);
}
