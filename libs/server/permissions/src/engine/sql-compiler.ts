import { rulesToAST } from '@casl/ability/extra';
import {
  and,
  eq,
  getTableColumns,
  gt,
  gte,
  inArray,
  isNull,
  lt,
  lte,
  ne,
  not,
  notInArray,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { AppAbility } from './ability.factory.js';

/** The database columns a subject's rules may name, by their snake_case field names. */
export type ColumnMap = Record<string, AnyPgColumn>;

interface AstNode {
  operator: string;
  field?: string;
  value: unknown;
}

export class UncompilableRuleError extends Error {
  constructor(detail: string) {
    super(`A permission rule cannot be applied to the database query: ${detail}`);
    this.name = 'UncompilableRuleError';
  }
}

function compile(node: AstNode, columns: ColumnMap): SQL {
  if (node.operator === 'and' || node.operator === 'or') {
    const parts = (node.value as AstNode[]).map((n) => compile(n, columns));
    if (!parts.length) return node.operator === 'and' ? sql`true` : sql`false`;
    return (node.operator === 'and' ? and(...parts) : or(...parts)) ?? sql`true`;
  }
  if (node.operator === 'not') {
    // ucast wraps the negated condition in an array; accept a bare node too.
    const inner = Array.isArray(node.value) ? (node.value as AstNode[]) : [node.value as AstNode];
    return not(and(...inner.map((n) => compile(n, columns))) ?? sql`true`);
  }
  const column = node.field ? columns[node.field] : undefined;
  // An unknown field must not be dropped: that would widen the query.
  if (!column) throw new UncompilableRuleError(`unknown field "${node.field ?? ''}"`);
  const v = node.value;
  switch (node.operator) {
    case 'eq':
      return v === null ? isNull(column) : eq(column, v);
    case 'ne':
      return v === null ? sql`${column} is not null` : ne(column, v);
    case 'in':
      return (v as unknown[]).length ? inArray(column, v as unknown[]) : sql`false`;
    case 'nin':
      return (v as unknown[]).length ? notInArray(column, v as unknown[]) : sql`true`;
    case 'lt':
      return lt(column, v);
    case 'lte':
      return lte(column, v);
    case 'gt':
      return gt(column, v);
    case 'gte':
      return gte(column, v);
    default:
      throw new UncompilableRuleError(`operator "${node.operator}"`);
  }
}

/**
 * The SQL `WHERE` fragment equal to what the ability allows for `action` on `subject`, so
 * lists, counts and exports honour the rules in the database. `false` when nothing is allowed.
 */
export function accessibleWhere(
  ability: AppAbility,
  action: string,
  subject: string,
  columns: ColumnMap,
): SQL {
  const ast = rulesToAST(ability, action, subject) as AstNode | null;
  if (!ast) return sql`false`;
  return compile(ast, columns);
}

/** Every column of a table by its SQL name: what rules' conditions refer to. */
export const columnsOf = (table: PgTable): ColumnMap =>
  Object.fromEntries(Object.values(getTableColumns(table)).map((c) => [c.name, c]));
