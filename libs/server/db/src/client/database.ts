import { AsyncLocalStorage } from 'node:async_hooks';
import type { NodePgDatabase, NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { RequestConnection } from './request-connection.js';
import {
  RequestTransaction,
  type DbContext,
  type PrincipalCheck,
  type TransactionOptions,
} from './request-transaction.js';
import { drizzleWithCompiledRows } from './row-mapper.js';
import { StatementNames } from './statement-names.js';

export type Db = NodePgDatabase<Record<string, never>>;
/**
 * A transaction handle: what repositories run their queries on. Inside `withContext` it is
 * Drizzle bound to the transaction's own connection; `db.transaction()` gives one too. It
 * has no `transaction()`: the request's transaction is the only one.
 */
export type Tx = Omit<PgDatabase<NodePgQueryResultHKT, Record<string, never>>, 'transaction'>;

export class NoTransactionError extends Error {
  constructor() {
    super('No transaction in context: repositories run inside Database.withContext()');
    this.name = 'NoTransactionError';
  }
}

/**
 * The app role's connection pool. Every tenant query runs inside `withContext`, which gives
 * the statements of one request the tenant settings (`set_config(…, true)`, local to the
 * transaction, so a pooled connection never carries them into the next request) and makes the
 * transaction available to repositories through `tx()`. BEGIN and the settings travel with the
 * first statement, and a read-only request has no BEGIN or COMMIT at all (ADR 0003).
 */
export class Database {
  readonly pool: pg.Pool;
  readonly db: Db;
  private readonly current = new AsyncLocalStorage<{
    tx: Tx;
    bound: Tx;
    transaction: RequestTransaction;
  }>();
  /** Drizzle's client and Drizzle itself over each pooled connection, made once per connection. */
  private readonly connections = new WeakMap<
    pg.PoolClient,
    { connection: RequestConnection; bound: Tx }
  >();
  /** Queries built once per connection (`prepared`), by name. */
  private readonly statements = new WeakMap<Tx, Map<string, unknown>>();
  private readonly names = new StatementNames();

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
   * Runs `fn` with the context's settings on one pooled connection. A write is one transaction,
   * committed when `fn` resolves and rolled back when it throws; a read (`readOnly`) sends each
   * statement with the settings as its own read-only implicit transaction. `check` is the
   * principal re-check: it runs first, or, on a kept answer, only when that answer may be
   * outdated, read with the first statement.
   */
  async withContext<T>(
    context: DbContext,
    fn: (tx: Tx) => Promise<T>,
    options: TransactionOptions = {},
  ): Promise<T> {
    if (this.current.getStore()) throw new Error('Database.withContext() does not nest');
    const client = await this.pool.connect();
    const { connection, bound } = this.connectionOf(client);
    const transaction = new RequestTransaction(context, connection.send, options);
    connection.transaction = transaction;
    // A connection whose ROLLBACK failed is broken: destroyed, not given back to the pool.
    let broken: Error | undefined;
    try {
      await transaction.verifyFirst();
      // A handle of its own per transaction: caches keyed by the transaction must not
      // outlive it, while Drizzle itself is made once per connection.
      const tx = Object.create(bound) as Tx;
      const result = await this.current.run({ tx, bound, transaction }, () => fn(tx));
      if (transaction.refusal !== undefined) throw transaction.refusal;
      await transaction.finish();
      return result;
    } catch (error) {
      if (transaction.opened)
        await client.query('rollback').catch((e: unknown) => {
          broken = e instanceof Error ? e : new Error(String(e));
        });
      if (!broken) await transaction.verifyAfterFailure().catch(() => undefined);
      throw transaction.refusal ?? error;
    } finally {
      connection.transaction = undefined;
      client.release(broken);
    }
  }

  private connectionOf(client: pg.PoolClient): { connection: RequestConnection; bound: Tx } {
    let made = this.connections.get(client);
    if (!made) {
      const connection = new RequestConnection(client, this.names);
      made = { connection, bound: drizzleWithCompiledRows(connection as unknown as pg.PoolClient) };
      this.connections.set(client, made);
    }
    return made;
  }

  /**
   * A fixed-shape query built once per connection: Drizzle builds its SQL once, and PostgreSQL
   * plans it once per connection like any statement sent again (`StatementNames`). For the
   * hottest queries (a record by id); values are passed as `sql.placeholder`s to `execute`. A
   * name stands for one query text.
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
   * failure rolls back the whole transaction, as if the statement had run at once. A
   * read-only request has no COMMIT: it refuses.
   */
  beforeCommit(statement: string): void {
    const store = this.inFlight();
    store.transaction.defer(statement);
  }

  /**
   * The settings the transaction in flight was opened with (what its RLS policies read), known
   * without asking PostgreSQL for `current_setting`.
   */
  settings(): Readonly<DbContext> {
    const store = this.inFlight();
    return store.transaction.context;
  }

  async ping(): Promise<void> {
    await this.pool.query('select 1');
  }

  /** Idempotent: the app's shutdown and a test's teardown may both call it. */
  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}

/** Runs a principal check in a transaction already open (a job re-checks its author). */
export async function runPrincipalCheck(tx: Tx, check: PrincipalCheck): Promise<void> {
  check.accept((await tx.execute<Record<string, unknown>>(sql.raw(check.sql))).rows);
}
