import { ErrorCode, type FieldIssue } from '@nexo/contracts';
import { DomainError, badText } from '@nexo/platform';
import {
  and,
  asc,
  desc,
  eq,
  gt,
  gte,
  ilike,
  inArray,
  lt,
  lte,
  ne,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

export const LIST_LIMIT_DEFAULT = 50;
export const LIST_LIMIT_MAX = 200;
export const COUNT_CAP = 10_000;

type FieldType = 'text' | 'number' | 'date' | 'uuid' | 'boolean';
type Operator = 'eq' | 'ne' | 'in' | 'lt' | 'lte' | 'gt' | 'gte' | 'like';

const OPERATORS: Record<FieldType, Operator[]> = {
  text: ['eq', 'ne', 'in', 'like'],
  uuid: ['eq', 'ne', 'in'],
  number: ['eq', 'ne', 'in', 'lt', 'lte', 'gt', 'gte'],
  date: ['eq', 'lt', 'lte', 'gt', 'gte'],
  boolean: ['eq'],
};

export interface ListField {
  /** A column, or an expression (a custom field: `(custom->>'key')::numeric`). */
  column: AnyPgColumn | SQL;
  type: FieldType;
  /** Only indexed fields may be sorted on: deep pages must stay as cheap as the first. */
  sortable?: boolean;
  /** Included in `q` text search. */
  searchable?: boolean;
}

/** What a list route offers: its fields, a default sort and the unique tiebreaker column. */
export interface ListDefinition {
  fields: Record<string, ListField>;
  defaultSort: string;
  id: AnyPgColumn;
  /**
   * A stored, lower-cased column holding every searchable field (separated by newlines):
   * `q` is then one `LIKE` on it instead of an `ILIKE` per field, several times cheaper per
   * row. Row-level security keeps trigram indexes out of these queries (ADR 0013), so the
   * per-row cost is what a search costs.
   */
  searchColumn?: SQL;
}

export interface ListRequest {
  where: SQL;
  /** Select this as the row's sort key: exact, for the next cursor. */
  sortValue: SQL;
  orderBy: SQL[];
  limit: number;
  count: boolean;
  /** Turns the fetched rows (limit + 1) into the page and the next cursor. */
  page<T extends Record<string, unknown>>(
    rows: T[],
    sortKey: (row: T) => unknown,
    idKey: (row: T) => unknown,
  ): { items: T[]; nextCursor: string | null };
}

const RESERVED = new Set(['sort', 'limit', 'cursor', 'q', 'count']);

function parseValue(type: FieldType, raw: string, path: string, issues: FieldIssue[]): unknown {
  switch (type) {
    case 'number': {
      const n = Number(raw);
      if (!Number.isFinite(n))
        issues.push({ path, code: 'invalid_number', message: 'Not a number' });
      return n;
    }
    case 'date': {
      const d = new Date(raw);
      if (!inDateRange(d)) issues.push({ path, code: 'invalid_date', message: 'Not a date' });
      return d;
    }
    case 'boolean':
      if (raw !== 'true' && raw !== 'false')
        issues.push({ path, code: 'invalid_boolean', message: 'true or false' });
      return raw === 'true';
    case 'uuid':
      if (!UUID.test(raw)) {
        issues.push({ path, code: 'invalid_uuid', message: 'Not a UUID' });
      }
      return raw;
    case 'text':
      return raw;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DECIMAL = /^-?\d{1,30}(\.\d{1,30})?$/;
/** Years 1–9999: what every client can show, well inside PostgreSQL's `timestamptz`. */
const inDateRange = (d: Date): boolean =>
  !Number.isNaN(d.getTime()) && d.getUTCFullYear() >= 1 && d.getUTCFullYear() <= 9999;

/**
 * A cursor's sort value as the sort field's type wrote it (`encodeCursor` of the row's own
 * value): anything else is a cursor this server did not make, refused before it reaches SQL.
 */
type SortValue = string | number | boolean | null;

function cursorValueFits(type: FieldType, value: unknown): value is SortValue {
  if (value === null) return true;
  switch (type) {
    case 'number':
      return (
        (typeof value === 'number' && Number.isFinite(value)) ||
        (typeof value === 'string' && DECIMAL.test(value))
      );
    case 'date':
      return typeof value === 'string' && value.length <= 40 && inDateRange(new Date(value));
    case 'boolean':
      return typeof value === 'boolean';
    case 'uuid':
      return typeof value === 'string' && UUID.test(value);
    case 'text':
      return typeof value === 'string' && value.length <= 10_000 && !badText(value);
  }
}

/** `[sortValue, id]` from a cursor, or undefined when it is not one this server made. */
function decodeCursor(cursor: string, type: FieldType): [SortValue, string] | undefined {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(decoded) || decoded.length !== 2) return undefined;
  const [sortValue, id] = decoded as [unknown, unknown];
  if (typeof id !== 'string' || !UUID.test(id) || !cursorValueFits(type, sortValue))
    return undefined;
  return [sortValue, id];
}

function condition(target: AnyPgColumn | SQL, op: Operator, value: unknown): SQL {
  // The operators are overloaded per kind; an expression reads the same as a column here.
  const column = target as AnyPgColumn;
  switch (op) {
    case 'eq':
      return eq(column, value);
    case 'ne':
      return ne(column, value);
    case 'in':
      return inArray(column, value as unknown[]);
    case 'lt':
      return lt(column, value);
    case 'lte':
      return lte(column, value);
    case 'gt':
      return gt(column, value);
    case 'gte':
      return gte(column, value);
    case 'like':
      return ilike(column, `%${String(value).replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
}

const encodeCursor = (sortValue: unknown, id: unknown): string =>
  Buffer.from(JSON.stringify([sortValue, id])).toString('base64url');

/**
 * One mechanism for every list route. Query string: `field=value` or `field.op=value`
 * (`in` takes commas), `sort=field` or `sort=-field`, `limit` (≤ 200, default 50),
 * `cursor` (from the previous page), `q` (text search), `count=true` (capped at 10,000).
 * Keyset pagination on (sort field, id): a deep page costs what the first does.
 */
export function parseListQuery(
  definition: ListDefinition,
  query: Record<string, unknown>,
  permissionWhere?: SQL,
): ListRequest {
  const issues: FieldIssue[] = [];
  const filters: SQL[] = [];
  for (const [key, rawValue] of Object.entries(query)) {
    if (RESERVED.has(key)) continue;
    // `field.op`, or `custom.<key>.op` for a tenant's custom field.
    const parts = key.split('.');
    const custom = parts[0] === 'custom';
    const name = custom ? `custom.${parts[1] ?? ''}` : (parts[0] ?? '');
    const op = (custom ? parts[2] : parts[1]) ?? 'eq';
    // Own keys only: `__proto__.eq` or `constructor.eq` name no field.
    const field = Object.hasOwn(definition.fields, name) ? definition.fields[name] : undefined;
    if (!field) {
      issues.push({
        path: key,
        code: 'unknown_filter',
        message: `Fields: ${Object.keys(definition.fields).join(', ')}`,
      });
      continue;
    }
    if (!OPERATORS[field.type].includes(op as Operator)) {
      issues.push({
        path: key,
        code: 'unknown_operator',
        message: `Operators: ${OPERATORS[field.type].join(', ')}`,
      });
      continue;
    }
    const raw = String(rawValue);
    const value =
      op === 'in'
        ? raw.split(',').map((v) => parseValue(field.type, v, key, issues))
        : parseValue(field.type, raw, key, issues);
    filters.push(condition(field.column, op as Operator, value));
  }

  const sortParam = typeof query.sort === 'string' ? query.sort : definition.defaultSort;
  const descending = sortParam.startsWith('-');
  const sortName = sortParam.replace(/^-/, '');
  const sortField = Object.hasOwn(definition.fields, sortName)
    ? definition.fields[sortName]
    : undefined;
  if (!sortField?.sortable)
    issues.push({
      path: 'sort',
      code: 'not_sortable',
      message: `Sort by: ${Object.entries(definition.fields)
        .filter(([, f]) => f.sortable)
        .map(([n]) => n)
        .join(', ')}`,
    });

  const limit = query.limit === undefined ? LIST_LIMIT_DEFAULT : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > LIST_LIMIT_MAX)
    issues.push({ path: 'limit', code: 'invalid_limit', message: `1 to ${LIST_LIMIT_MAX}` });

  if (typeof query.q === 'string' && query.q.trim()) {
    const searchable = Object.values(definition.fields).filter((f) => f.searchable);
    const term = `%${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    if (definition.searchColumn) filters.push(sql`${definition.searchColumn} like lower(${term})`);
    else if (searchable.length)
      filters.push(or(...searchable.map((f) => ilike(f.column, term))) ?? sql`true`);
  }

  if (typeof query.cursor === 'string' && sortField) {
    const decoded = decodeCursor(query.cursor, sortField.type);
    if (decoded) {
      const [sortValue, id] = decoded;
      // Dates travel as PostgreSQL's own text (microseconds): a JS Date would round them.
      const v =
        sortField.type === 'date' && sortValue !== null
          ? sql`${String(sortValue)}::timestamptz`
          : sortValue;
      // Row comparison keeps the index usable: (sort, id) > (v, id) in one range scan.
      filters.push(
        descending
          ? sql`(${sortField.column}, ${definition.id}) < (${v}, ${id})`
          : sql`(${sortField.column}, ${definition.id}) > (${v}, ${id})`,
      );
    } else {
      issues.push({
        path: 'cursor',
        code: 'invalid_cursor',
        message: 'Use the nextCursor of the previous page',
      });
    }
  }
  if (issues.length)
    throw new DomainError(ErrorCode.ValidationFailed, 'The list query is not valid', { issues });

  const direction = descending ? desc : asc;
  const column = (sortField as ListField).column;
  return {
    where: and(...filters, ...(permissionWhere ? [permissionWhere] : [])) ?? sql`true`,
    sortValue: (sortField as ListField).type === 'date' ? sql`${column}::text` : sql`${column}`,
    orderBy: [direction(column), direction(definition.id)],
    limit,
    count: query.count === 'true',
    page(rows, sortKey, idKey) {
      const items = rows.slice(0, limit);
      const last = items[items.length - 1];
      return {
        items,
        nextCursor: rows.length > limit && last ? encodeCursor(sortKey(last), idKey(last)) : null,
      };
    },
  };
}
