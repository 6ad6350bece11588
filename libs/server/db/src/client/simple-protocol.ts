import { Param, Placeholder, is } from 'drizzle-orm';
import pg from 'pg';

/** node-postgres' own conversion of a parameter to its text form (not in @types/pg). */
const { utils } = pg as unknown as {
  utils: { prepareValue: (value: unknown) => string | Buffer | null | undefined };
};

/** A value quoted for inlining into a simple-protocol statement (or NULL): auth's check. */
export const literal = (value: string | number | null | undefined): string =>
  value === null || value === undefined
    ? 'null'
    : typeof value === 'number'
      ? String(Number.isFinite(value) ? value : 0)
      : pg.escapeLiteral(value);

/** `$n` placeholders of a statement's text; Drizzle writes no other `$` followed by digits. */
const PLACEHOLDER = /\$(\d+)/g;

/**
 * A parameter as the quoted literal of the text node-postgres would send for it (dates, arrays,
 * JSON, booleans as node-postgres writes them; bytes in hex). A quoted literal is of unknown
 * type until its place in the statement gives it one, as an untyped `$n` parameter is.
 */
export function parameterLiteral(value: unknown): string {
  const text = utils.prepareValue(value);
  if (text === null || text === undefined) return 'null';
  if (Buffer.isBuffer(text)) return `'\\x${text.toString('hex')}'`;
  return pg.escapeLiteral(text);
}

/** A statement's text with each `$n` replaced by its value's literal. */
export const inlineParameters = (text: string, values: readonly unknown[]): string =>
  values.length
    ? text.replace(PLACEHOLDER, (_, n: string) => parameterLiteral(values[Number(n) - 1]))
    : text;

/** The literals of `values`, for `EXECUTE name(…)`. */
export const parameterList = (values: readonly unknown[]): string =>
  values.map(parameterLiteral).join(', ');

/**
 * A Drizzle statement built once with `sql.placeholder(name)` values, turned into simple-
 * protocol text for each set of values (for `beforeCommit`): a value goes through its column's
 * encoder, null stays NULL, as Drizzle binds them, and is quoted by `parameterLiteral`. Building
 * an INSERT with Drizzle costs more than the statement (ADR 0013); this builds it once.
 */
export function inlinedTemplate<V extends Record<string, unknown>>(query: {
  toSQL(): { sql: string; params: unknown[] };
}): (values: V) => string {
  const { sql: text, params } = query.toSQL();
  const read = params.map((param): ((values: V) => unknown) => {
    if (is(param, Placeholder)) return (values) => values[param.name];
    if (is(param, Param) && is(param.value, Placeholder)) {
      const { name } = param.value;
      return (values) => {
        const value = values[name];
        return value === null || value === undefined ? null : param.encoder.mapToDriverValue(value);
      };
    }
    return () => param;
  });
  return (values) =>
    inlineParameters(
      text,
      read.map((value) => value(values)),
    );
}
