import * as drizzleOrm from 'drizzle-orm';
import {
  Column,
  SQL,
  Subquery,
  getTableName,
  is,
  type DriverValueDecoder,
  type Query,
} from 'drizzle-orm';
import { NodePgDatabase, NodePgSession, type NodePgClient } from 'drizzle-orm/node-postgres';
import {
  PgDialect,
  type PgPreparedQuery,
  type PreparedQueryConfig,
  type SelectedFieldsOrdered,
} from 'drizzle-orm/pg-core';

type Fields = SelectedFieldsOrdered;
type Decoder = DriverValueDecoder<unknown, unknown>;
type Rows = unknown[][];
type Session = NodePgSession<Record<string, never>, Record<string, never>>;

/**
 * Drizzle's own row mapper, for the queries the compiled one leaves to it (nullable joins).
 * Exported by the package at run time but typed internal; checked here so an upgrade that
 * drops it fails at start, not on the first such query.
 */
const drizzleMapRow = (
  drizzleOrm as unknown as {
    mapResultRow?: (fields: Fields, row: unknown[], joins?: Record<string, boolean>) => unknown;
  }
).mapResultRow;
if (typeof drizzleMapRow !== 'function')
  throw new Error('drizzle-orm no longer exports mapResultRow');
const mapResultRow = drizzleMapRow;

/** A selection's row builder: the same objects Drizzle's `mapResultRow` builds. */
type Build = (rows: Rows, decoders: Decoder[]) => Record<string, unknown>[];

/** The decoder Drizzle's `mapResultRow` picks for a selected field. */
function decoderOf(field: Fields[number]['field']): Decoder {
  type WithDecoder = { decoder: Decoder };
  if (is(field, Column)) return field;
  if (is(field, SQL)) return (field as unknown as WithDecoder).decoder;
  if (is(field, Subquery)) return (field as unknown as { _: { sql: WithDecoder } })._.sql.decoder;
  return (field.sql as unknown as WithDecoder).decoder;
}

type Tree = Map<string, Tree | number>;

/**
 * JavaScript source for one object literal per row, nested as the selection's paths are and in
 * their order, so rows get Drizzle's shape and key order. Keys are JSON-quoted; the values
 * are `r[i]` through decoder `i`. Built from code-defined selections, never from input.
 */
function source(fields: Fields): string {
  const tree: Tree = new Map();
  fields.forEach(({ path }, index) => {
    let node = tree;
    path.forEach((chunk, depth) => {
      if (depth === path.length - 1) {
        node.set(chunk, index);
        return;
      }
      let child = node.get(chunk);
      if (!(child instanceof Map)) {
        child = new Map();
        node.set(chunk, child);
      }
      node = child;
    });
  });
  const literal = (node: Tree): string =>
    `{${[...node]
      .map(
        ([key, value]) =>
          `${JSON.stringify(key)}: ${
            value instanceof Map
              ? literal(value)
              : `(v = r[${value}]) === null ? null : d[${value}].mapFromDriverValue(v)`
          }`,
      )
      .join(', ')}}`;
  return `const out = new Array(rows.length);
for (let i = 0; i < rows.length; i++) { const r = rows[i]; let v; out[i] = ${literal(tree)}; }
return out;`;
}

/** Builders by selection shape (its paths): selections come from code, so there are few. */
const builders = new Map<string, Build>();
const MAX_BUILDERS = 2_000;

/**
 * A row mapper for one selection, equal in output to Drizzle's `mapResultRow` but compiled once
 * per selection shape into a function that builds each row as an object literal: Drizzle's
 * walks each cell's path with an iterator and checks the field's class per cell, about 160 µs
 * for a page of 50 parties against 20 µs (ADR 0013). `undefined` when the shape is new and
 * the cache is full (the caller then maps with Drizzle's own function).
 */
export function compileRowMapper(fields: Fields): ((rows: Rows) => unknown[]) | undefined {
  const shape = JSON.stringify(fields.map(({ path }) => path));
  let build = builders.get(shape);
  if (!build) {
    if (builders.size >= MAX_BUILDERS) return undefined;
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- code from the selection's own paths (see source())
    build = new Function('rows', 'd', source(fields)) as Build;
    builders.set(shape, build);
  }
  const decoders = fields.map(({ field }) => decoderOf(field));
  const compiled = build;
  return (rows) => compiled(rows, decoders);
}

/**
 * Tables whose all-null nested object Drizzle turns into `null` (a left join's missing row):
 * the nested objects' columns, by table. The compiled mapper does not do that; a query whose
 * joins make any of them nullable keeps Drizzle's mapper.
 */
function nestedTables(fields: Fields): string[] {
  const names = new Set<string>();
  for (const { path, field } of fields)
    if (path.length === 2 && is(field, Column)) names.add(getTableName(field.table));
  return [...names];
}

/**
 * Drizzle's node-postgres session with the compiled row mapper: queries, parameters, type
 * parsing and execution stay Drizzle's; only turning a result's arrays into objects changes.
 * It hands the mapper to Drizzle's own hook for it (`customResultMapper`).
 */
class MappedRowsSession extends NodePgSession<Record<string, never>, Record<string, never>> {
  override prepareQuery<T extends PreparedQueryConfig = PreparedQueryConfig>(
    query: Query,
    fields: Fields | undefined,
    name: string | undefined,
    isResponseInArrayMode: boolean,
    customResultMapper?: (rows: Rows) => T['execute'],
    queryMetadata?: Parameters<Session['prepareQuery']>[5],
    cacheConfig?: Parameters<Session['prepareQuery']>[6],
  ): PgPreparedQuery<T> {
    const compiled = fields && !customResultMapper ? compileRowMapper(fields) : undefined;
    if (!fields || !compiled)
      return super.prepareQuery<T>(
        query,
        fields,
        name,
        isResponseInArrayMode,
        customResultMapper,
        queryMetadata,
        cacheConfig,
      );
    const tables = nestedTables(fields);
    const mapRows = (rows: Rows): T['execute'] => {
      // Drizzle sets a select's join nullability on the prepared query after creating it.
      const joins = prepared.joinsNotNullableMap;
      return joins && tables.some((table) => joins[table] !== true)
        ? rows.map((row) => mapResultRow(fields, row, joins))
        : compiled(rows);
    };
    const prepared: PgPreparedQuery<T> & { joinsNotNullableMap?: Record<string, boolean> } =
      super.prepareQuery<T>(
        query,
        fields,
        name,
        isResponseInArrayMode,
        mapRows,
        queryMetadata,
        cacheConfig,
      );
    return prepared;
  }
}

/** Drizzle over a pool or a connection, as `drizzle({ client })` makes it, with compiled row mapping. */
export function drizzleWithCompiledRows(
  client: NodePgClient,
): NodePgDatabase<Record<string, never>> {
  const dialect = new PgDialect();
  const session = new MappedRowsSession(client, dialect, undefined);
  const db = new NodePgDatabase(dialect, session, undefined) as NodePgDatabase<
    Record<string, never>
  > & { $client: NodePgClient };
  db.$client = client;
  return db;
}
