import pg from 'pg';

/** node-postgres' own conversion of a parameter to its text form (not in @types/pg). */
const { utils } = pg as unknown as {
  utils: { prepareValue: (value: unknown) => string | Buffer | null | undefined };
};

/** A value quoted for inlining into a simple-protocol statement (or NULL). */
export const literal = (value: string | number | null | undefined): string =>
  value === null || value === undefined
    ? 'null'
    : typeof value === 'number'
      ? String(Number.isFinite(value) ? value : 0)
      : pg.escapeLiteral(value);

/** `$n` placeholders of a statement's text; Drizzle writes no other `$` followed by digits. */
const PLACEHOLDER = /\$(\d+)/g;

/**
 * A Drizzle statement as simple-protocol text, its parameters inlined with `literal()`: for
 * `beforeCommit`, built with the table's own definition. The values must reach the driver as
 * text, numbers or null (jsonb columns encode to text).
 */
export function inlined(query: { toSQL(): { sql: string; params: unknown[] } }): string {
  const { sql: text, params } = query.toSQL();
  return text.replace(PLACEHOLDER, (_, n: string) => {
    const value = params[Number(n) - 1];
    if (value !== null && typeof value !== 'string' && typeof value !== 'number')
      throw new Error(
        `inlined(): parameter $${n} is a ${typeof value}, not text, a number or null`,
      );
    return literal(value);
  });
}

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
