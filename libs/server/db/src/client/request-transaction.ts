import type pg from 'pg';

/** What a transaction tells PostgreSQL about the caller; RLS policies read these settings. */
export interface DbContext {
  /** Unset only for the few flows before a tenant is chosen (sign-in reads own memberships). */
  tenantId?: string;
  userId?: string;
  actor?: string;
  partyId?: string;
}

/**
 * Is the principal still allowed in (user and membership active, session not revoked)? Auth
 * provides it per request (ADR 0003).
 */
export interface PrincipalCheck {
  /**
   * When auth kept an answer for this principal and has applied it: a SQL boolean, true when
   * that answer may no longer hold, with its values as `$1`, `$2`… It is read with the
   * transaction's first statement (a prepared statement, its text the same for every
   * principal), and the check runs only when it says so. Absent: the check runs first.
   */
  stale?: Statement;
  /** The check: a SELECT whose rows `accept` reads (simple protocol, values inlined). */
  sql: string;
  /**
   * Receives the check's rows; throws to refuse the request (rolled back), or
   * `PrincipalChangedError` when the kept answer it had applied turns out outdated.
   */
  accept(rows: Record<string, unknown>[]): void;
}

/** A statement's text with `$n` placeholders, and their values. */
export interface Statement {
  text: string;
  values: readonly unknown[];
}

/**
 * Sends statements as one simple-protocol message (values as literals, or `EXECUTE` of the
 * connection's prepared statement for the text) and resolves to one result per statement.
 */
export type SendStatements = (
  statements: readonly Statement[],
  config?: { rowMode?: 'array'; types?: pg.CustomTypesConfig },
) => Promise<pg.QueryResult[]>;

const statement = (text: string): Statement => ({ text, values: [] });

/**
 * The kept answer a request started with is outdated (the principal's roles or teams changed
 * since): what the request did on it is rolled back, and it runs again, checked first.
 */
export class PrincipalChangedError extends Error {
  constructor() {
    super("The principal's roles changed while the request was starting");
    this.name = 'PrincipalChangedError';
  }
}

export interface TransactionOptions {
  /** The principal re-check of a request; none for sign-in flows, consumers and jobs' own. */
  check?: PrincipalCheck;
  /**
   * A read: no BEGIN or COMMIT; each statement goes with the settings in one message, its own
   * read-only implicit transaction (ADR 0003). A write in it fails.
   */
  readOnly?: boolean;
}

/**
 * One `withContext` call's state on its connection. Nothing is sent when it starts: BEGIN and
 * the settings (and the principal's staleness) ride with the first statement, so a request
 * makes one round trip fewer; a read sends the settings with every statement and never opens
 * a transaction block.
 */
export class RequestTransaction {
  readonly atCommit: string[] = [];
  /** BEGIN has been sent (a write): the end commits or rolls back. */
  opened = false;
  /** The principal check has run, or was not needed, or its kept answer was confirmed. */
  private verified: boolean;
  /**
   * The check's refusal, kept as thrown: when it happens under a statement, Drizzle wraps it
   * in its own error and a handler could catch that, but the request must end with this one.
   */
  refusal: Error | undefined;

  constructor(
    readonly context: DbContext,
    private readonly send: SendStatements,
    private readonly options: TransactionOptions,
  ) {
    this.verified = !options.check;
  }

  get readOnly(): boolean {
    return this.options.readOnly === true;
  }

  /**
   * The settings, as one SELECT with the values as parameters (its text is the same for every
   * request of a kind, so it runs prepared); for a read the transaction is made read-only, and
   * until the principal is verified the last column says whether its kept answer may be
   * outdated.
   */
  private settings(withStale = true): Statement {
    const { context, options } = this;
    const columns = [
      `set_config('app.tenant_id', $1, true)`,
      `set_config('app.user_id', $2, true)`,
      `set_config('app.actor', $3, true)`,
      `set_config('app.party_id', $4, true)`,
    ];
    const values: unknown[] = [
      context.tenantId ?? '',
      context.userId ?? '',
      context.actor ?? '',
      context.partyId ?? '',
    ];
    if (this.readOnly) columns.push(`set_config('transaction_read_only', 'on', true)`);
    const stale = withStale && !this.verified ? options.check?.stale : undefined;
    if (stale) {
      // The check's own `$n` follow the settings' four.
      columns.push(
        `(${stale.text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + 4}`)}) as stale`,
      );
      values.push(...stale.values);
    }
    return { text: `select ${columns.join(', ')}`, values };
  }

  /**
   * The statements the next one must follow, or none: BEGIN and the settings before a write's
   * first statement, the settings before each of a read's.
   */
  head(): Statement[] {
    if (this.readOnly) return [this.settings()];
    if (this.opened) return [];
    // Set before sending: once BEGIN has reached the server, a failure must roll back.
    this.opened = true;
    return [statement('begin'), this.settings()];
  }

  /** Takes the head's results: runs the check if the kept answer may be outdated. */
  async afterHead(settingsRow: unknown): Promise<void> {
    if (this.verified) return;
    const stale = Array.isArray(settingsRow)
      ? (settingsRow.at(-1) as unknown)
      : (settingsRow as { stale?: unknown } | undefined)?.stale;
    if (stale === false) {
      this.verified = true;
      return;
    }
    // In a write, inside the transaction just opened; a read's check carries its settings.
    await this.runCheck(this.readOnly ? [this.settings(false)] : []);
  }

  /** Before anything else: the check with the head, when there is no kept answer to go on. */
  async verifyFirst(): Promise<void> {
    if (this.options.check && this.options.check.stale === undefined)
      await this.runCheck(this.head());
  }

  /**
   * After a failure (rolled back) while the principal was not verified yet: the failure may
   * come from an outdated kept answer (a route refused on roles since changed), so the check
   * runs, and its refusal or `PrincipalChangedError` replaces the failure.
   */
  async verifyAfterFailure(): Promise<void> {
    if (!this.verified) await this.runCheck([this.settings(false)]);
  }

  /** The check, after `prefix`; a refusal throws, and is kept as `refusal`. */
  private async runCheck(prefix: Statement[]): Promise<void> {
    const check = this.options.check;
    this.verified = true;
    if (!check) return;
    const results = await this.send([...prefix, statement(check.sql)]);
    try {
      check.accept((results.at(-1)?.rows ?? []) as Record<string, unknown>[]);
    } catch (error) {
      this.refusal = error instanceof Error ? error : new Error(String(error));
      throw this.refusal;
    }
  }

  /**
   * The end of a transaction that succeeded: the principal verified if no statement did it,
   * then the statements deferred to COMMIT with it, in one round trip.
   */
  async finish(): Promise<void> {
    if (!this.verified) {
      const results = await this.send(this.head(), { rowMode: 'array' });
      await this.afterHead(results.at(-1)?.rows[0]);
    }
    if (this.readOnly) return;
    if (!this.opened && !this.atCommit.length) return;
    await this.send([...this.head(), ...this.atCommit.map(statement), statement('commit')]);
  }

  defer(statement: string): void {
    if (this.readOnly) throw new Error('A read-only request cannot write: it has no COMMIT');
    this.atCommit.push(statement);
  }
}

/** A simple-protocol query's results: one per statement. */
export const asList = <R extends pg.QueryResultRow>(
  results: pg.QueryResult<R> | pg.QueryResult<R>[],
): pg.QueryResult<R>[] => (Array.isArray(results) ? results : [results]);
