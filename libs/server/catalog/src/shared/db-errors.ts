import { ErrorCode } from '@nexo/contracts';
import { PG_FOREIGN_KEY_VIOLATION, PG_UNIQUE_VIOLATION, pgConstraint, pgErrorCode } from '@nexo/db';
import { DomainError } from '@nexo/platform';

/** What a violated constraint means to the caller: a taken value or a reference to nothing. */
export type ConstraintMeaning =
  | { kind: 'taken'; field: string; message: string }
  | { kind: 'unknown-reference'; field: string; message: string };

/**
 * Turns a unique or foreign-key violation of a known constraint into the domain error it
 * means (409 naming the field, or 400 naming the reference); anything else is rethrown.
 * Another company's id is "not found" like any id that does not exist: keys lead with
 * `tenant_id`, so they can never match a row of another company.
 */
export function translateWriteError(
  error: unknown,
  meanings: Record<string, ConstraintMeaning>,
): never {
  const code = pgErrorCode(error);
  const name = pgConstraint(error);
  const meaning = name ? meanings[name] : undefined;
  if (meaning?.kind === 'taken' && code === PG_UNIQUE_VIOLATION) {
    throw new DomainError(ErrorCode.Conflict, meaning.message, {
      issues: [{ path: meaning.field, code: 'taken', message: meaning.message }],
    });
  }
  if (meaning?.kind === 'unknown-reference' && code === PG_FOREIGN_KEY_VIOLATION) {
    throw DomainError.validation([
      { path: meaning.field, code: 'not_found', message: meaning.message },
    ]);
  }
  throw error;
}

/** A delete refused because other records still refer to the row: 409. */
export function translateDeleteError(error: unknown, what: string): never {
  if (pgErrorCode(error) === PG_FOREIGN_KEY_VIOLATION)
    throw DomainError.conflict(`${what} is still in use`);
  throw error;
}

/** The SKU and barcode constraints of items and variants, in one space (`item_codes`). */
export const CODE_CONSTRAINTS: Record<string, ConstraintMeaning> = {
  items_tenant_sku_key: { kind: 'taken', field: 'sku', message: 'The SKU is already in use' },
  item_variants_tenant_sku_key: {
    kind: 'taken',
    field: 'sku',
    message: 'The SKU is already in use',
  },
  item_codes_sku_key: { kind: 'taken', field: 'sku', message: 'The SKU is already in use' },
  items_tenant_barcode_key: {
    kind: 'taken',
    field: 'barcode',
    message: 'The barcode is already in use',
  },
  item_variants_tenant_barcode_key: {
    kind: 'taken',
    field: 'barcode',
    message: 'The barcode is already in use',
  },
  item_codes_barcode_key: {
    kind: 'taken',
    field: 'barcode',
    message: 'The barcode is already in use',
  },
};
