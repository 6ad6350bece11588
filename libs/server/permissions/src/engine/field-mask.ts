import { permittedFieldsOf } from '@casl/ability/extra';
import { subject as asSubject } from '@casl/ability';
import type { AppAbility } from './ability.factory.js';

/** The fields of `record` the ability may see; a rule without fields grants all of them. */
export function readableFields(
  ability: AppAbility,
  action: string,
  type: string,
  record: Record<string, unknown>,
): Set<string> {
  const all = Object.keys(record);
  return new Set(
    permittedFieldsOf(ability, action, asSubject(type, { ...record }), {
      fieldsFrom: (rule) => rule.fields ?? all,
    }),
  );
}

/**
 * A masking function for records of `type`, made once for a page of them. The common case is
 * decided here, once: rules that grant the type whole (no fields, no conditions, no denies)
 * read every field of every record of it, and the record is returned as it is.
 */
export function recordMasker(
  ability: AppAbility,
  type: string,
): <T extends Record<string, unknown>>(record: T) => Partial<T> {
  const rules = ability.possibleRulesFor('read', type);
  if (rules.every((r) => !r.fields && !r.conditions && !r.inverted))
    return rules.length ? (record) => record : () => ({});
  return <T extends Record<string, unknown>>(record: T): Partial<T> => {
    const snake = Object.fromEntries(Object.entries(record).map(([k, v]) => [toSnake(k), v]));
    const allowed = readableFields(ability, 'read', type, snake);
    return Object.fromEntries(
      Object.entries(record).filter(([k]) => allowed.has(toSnake(k))),
    ) as Partial<T>;
  };
}

/** A copy of `record` without the fields the ability may not read (camelCase keys mapped to snake_case rules). */
export function maskRecord<T extends Record<string, unknown>>(
  ability: AppAbility,
  type: string,
  record: T,
): Partial<T> {
  const masked = recordMasker(ability, type)(record);
  return masked === record ? { ...record } : masked;
}

/** Record keys are column names, a small fixed set: each is converted once, not per request. */
const snakeNames = new Map<string, string>();
export const toSnake = (key: string): string => {
  let snake = snakeNames.get(key);
  if (snake === undefined) {
    snake = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    if (snakeNames.size < 10_000) snakeNames.set(key, snake);
  }
  return snake;
};

/**
 * The fields a role may read on some record of a type (conditions aside): a CSV header, a
 * column chooser. Each row is still masked on its own.
 */
export function fieldsOfType(
  ability: AppAbility,
  action: string,
  type: string,
  fields: readonly string[],
): string[] {
  const snake = fields.map(toSnake);
  const allowed = new Set(
    permittedFieldsOf(ability, action, type, { fieldsFrom: (rule) => rule.fields ?? snake }),
  );
  return fields.filter((f) => allowed.has(toSnake(f)));
}
