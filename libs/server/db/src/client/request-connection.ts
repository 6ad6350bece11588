import type pg from 'pg';
import {
  asList,
  type RequestTransaction,
  type SendStatements,
  type Statement,
} from './request-transaction.js';
import { inlineParameters, parameterList } from './simple-protocol.js';
import { MAX_PREPARED_PER_CONNECTION, type StatementNames } from './statement-names.js';

/** What Drizzle's node-postgres session hands the driver. */
interface QueryConfig {
  text: string;
  name?: string;
  rowMode?: 'array';
  types?: pg.CustomTypesConfig;
}

/** Statements `PREPARE` accepts (one, and of these kinds); anything else runs inlined. */
const PREPARABLE = /^\s*(select|insert|update|delete|with|values)\b[^;]*$/i;

/**
 * Drizzle's client for one pooled connection. A statement that must carry the transaction's
 * opening (BEGIN and the settings, or a read's settings) goes with it in one simple-protocol
 * message; the rest go as node-postgres sends them. Either way a statement sent before is run
 * from a prepared statement of this connection, so it is parsed and planned once here
 * (`StatementNames`): `EXECUTE` with the values as literals in a message, node-postgres' named
 * statement otherwise.
 */
export class RequestConnection {
  /** The `withContext` call using this connection now. */
  transaction: RequestTransaction | undefined;
  /**
   * Statements `PREPARE`d (simple protocol) on this connection: true, or false when a message
   * that prepared one failed. PREPARE is not undone with the transaction, and whether it ran
   * before the failure is unknown, so that text runs inlined here from then on.
   */
  private readonly prepared = new Map<number, boolean>();
  /** Statements node-postgres prepared here by name (extended protocol). */
  private readonly parsed = new Set<number>();

  constructor(
    readonly client: pg.PoolClient,
    private readonly names: StatementNames,
  ) {}

  async query(config: QueryConfig, values: unknown[] = []): Promise<pg.QueryResult> {
    const head = this.transaction?.head() ?? [];
    if (!head.length) return this.client.query(this.named(config), values);
    const results = await this.send([...head, { text: config.text, values }], config);
    await this.transaction?.afterHead(results[head.length - 1]?.rows[0]);
    const last = results.at(-1);
    if (!last) throw new Error('PostgreSQL answered no result');
    return last;
  }

  /** One simple-protocol message; one result per statement given. */
  readonly send: SendStatements = async (statements, config = {}) => {
    const rendered = statements.map((s) => this.render(s));
    let sent = false;
    try {
      const results = asList(
        await this.client.query({
          text: rendered.flatMap((r) => r.statements).join(';\n'),
          ...(config.rowMode ? { rowMode: config.rowMode } : {}),
          ...(config.types ? { types: config.types } : {}),
        }),
      );
      sent = true;
      // A statement prepared in this message answers twice (PREPARE, then EXECUTE): its last.
      let at = -1;
      return rendered.map((r) => {
        at += r.statements.length;
        return results[at] as pg.QueryResult;
      });
    } finally {
      for (const r of rendered) if (r.preparing !== undefined) this.prepared.set(r.preparing, sent);
    }
  };

  /** Extended protocol: named once its text has been seen before (node-postgres parses it once). */
  private named(config: QueryConfig): QueryConfig {
    const { name: _own, ...rest } = config;
    const number = this.names.numberOf(config.text);
    if (number === undefined) return rest;
    if (!this.parsed.has(number)) {
      if (this.parsed.size >= MAX_PREPARED_PER_CONNECTION) return rest;
      this.parsed.add(number);
    }
    return { ...rest, name: `nexo_p${number}` };
  }

  /**
   * Simple protocol: a statement with its values inlined, or `EXECUTE` of the prepared
   * statement for its text (`PREPARE`d in the same message the first time here).
   */
  private render({ text, values }: Statement): { statements: string[]; preparing?: number } {
    if (!values.length || !PREPARABLE.test(text)) return { statements: [text] };
    const number = this.names.numberOf(text);
    const state = number === undefined ? undefined : this.prepared.get(number);
    if (
      number === undefined ||
      state === false ||
      (state === undefined && this.prepared.size >= MAX_PREPARED_PER_CONNECTION)
    )
      return { statements: [inlineParameters(text, values)] };
    const execute = `execute nexo_q${number}(${parameterList(values)})`;
    if (state) return { statements: [execute] };
    // Marked before the message goes: node-postgres sends a connection's messages one after
    // another, so a message rendered now (a query awaited together with this one) runs after
    // this PREPARE and only EXECUTEs. Should this message fail, `send` marks the text false.
    this.prepared.set(number, true);
    return { statements: [`prepare nexo_q${number} as ${text}`, execute], preparing: number };
  }
}
