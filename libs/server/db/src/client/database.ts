import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';

export type Db = NodePgDatabase<Record<string, never>>;
/** A transaction handle: what repositories run their queries on. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

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
  private readonly current = new AsyncLocalStorage<Tx>();

  constructor(url: string, options: { max?: number; applicationName?: string } = {}) {
    this.pool = new pg.Pool({
      connectionString: url,
      max: options.max ?? 10,
      application_name: options.applicationName ?? 'nexo-api',
      idleTimeoutMillis: 30_000,
    });
    // An idle client that loses its server (restart, network) must not crash the process.
    this.pool.on('error', () => undefined);
    this.db = drizzle({ client: this.pool });
  }

  async withContext<T>(context: DbContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
    if (this.current.getStore()) throw new Error('Database.withContext() does not nest');
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`select
        set_config('app.tenant_id', ${context.tenantId ?? ''}, true),
        set_config('app.user_id', ${context.userId ?? ''}, true),
        set_config('app.actor', ${context.actor ?? ''}, true),
        set_config('app.party_id', ${context.partyId ?? ''}, true)`);
      return this.current.run(tx, () => fn(tx));
    });
  }

  /** The transaction of the request in flight. Repositories never open their own. */
  tx(): Tx {
    const tx = this.current.getStore();
    if (!tx) throw new NoTransactionError();
    return tx;
  }

  async ping(): Promise<void> {
    await this.pool.query('select 1');
  }

  /** Idempotent: the app's shutdown and a test's teardown may both call it. */
  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}
