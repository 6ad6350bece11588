import { ErrorCode } from '@nexo/contracts';
import {
  DomainError,
  PG_FOREIGN_KEY_VIOLATION,
  PG_UNIQUE_VIOLATION,
  pgConstraint,
  pgErrorCode,
} from '@nexo/platform';

/** What a violated constraint means to the caller: a taken value or a reference to nothing. */
export type ConstraintMeaning =
  | { kind: 'taken'; field: string; message: string }
  | { kind: 'unknown-reference'; field: string; message: string };

/** Shorthand for a foreign key: the field of the request it checks, and what is missing. */
export const unknownReference = (field: string, message: string): ConstraintMeaning => ({
  kind: 'unknown-reference',
  field,
  message,
});

/**
 * Constraint name → meaning, filled by the contexts (`defineConstraints`) when their modules
 * load. A name is the constraint's own (`<table>_<what>_fk`, `<table>_<what>_key`): nothing
 * is read from PostgreSQL's message text.
 */
const registry = new Map<string, ConstraintMeaning>();

/**
 * Declares what violating these constraints means, so that a violation anywhere in a request
 * (or a call to `constraintError`) answers with the field instead of a 500. Declaring the same
 * name twice with another field is a programming error.
 */
export function defineConstraints<M extends Record<string, ConstraintMeaning>>(meanings: M): M {
  for (const [name, meaning] of Object.entries(meanings)) {
    const known = registry.get(name);
    if (known && (known.kind !== meaning.kind || known.field !== meaning.field))
      throw new Error(`Constraint ${name} is declared as ${known.field} and as ${meaning.field}`);
    registry.set(name, meaning);
  }
  return meanings;
}

/**
 * The domain error a unique or foreign-key violation of a known constraint means: 409 naming
 * the taken field, or an unknown reference (422) naming the field with code `not_found`,
 * the answer to any id that names nothing. Another company's id is such an id: keys lead with
 * `tenant_id`, so they never match a row of another company. Undefined for anything else.
 * `meanings` (a caller's own) are looked up before the declared ones.
 */
export function constraintError(
  error: unknown,
  meanings?: Record<string, ConstraintMeaning>,
): DomainError | undefined {
  const code = pgErrorCode(error);
  if (code !== PG_UNIQUE_VIOLATION && code !== PG_FOREIGN_KEY_VIOLATION) return undefined;
  const name = pgConstraint(error);
  if (!name) return undefined;
  const meaning =
    (meanings && Object.hasOwn(meanings, name) ? meanings[name] : undefined) ?? registry.get(name);
  if (meaning?.kind === 'taken' && code === PG_UNIQUE_VIOLATION) {
    return new DomainError(ErrorCode.Conflict, meaning.message, {
      issues: [{ path: meaning.field, code: 'taken', message: meaning.message }],
    });
  }
  if (meaning?.kind === 'unknown-reference' && code === PG_FOREIGN_KEY_VIOLATION) {
    return DomainError.unknownReference([
      { path: meaning.field, code: 'not_found', message: meaning.message },
    ]);
  }
  return undefined;
}

/** Throws the domain error of a known constraint violation (`constraintError`), else `error`. */
export function translateWriteError(
  error: unknown,
  meanings?: Record<string, ConstraintMeaning>,
): never {
  throw constraintError(error, meanings) ?? error;
}

/** A delete refused because other records still refer to the row: 409. */
export function translateDeleteError(error: unknown, what: string): never {
  if (pgErrorCode(error) === PG_FOREIGN_KEY_VIOLATION)
    throw DomainError.conflict(`${what} is still in use`);
  throw error;
}
