import { DomainError, pgConstraint, pgErrorCode, PG_CHECK_VIOLATION } from '@nexo/platform';

/**
 * The kit's database refusals as the domain errors they mean: the guard on issued documents
 * (`document_issued`) and the source line's `<lines>_done_check` (a derivation taking more
 * than remains). Anything else is thrown on.
 */
export function translateDocumentError(error: unknown): never {
  if (pgErrorCode(error) === PG_CHECK_VIOLATION) {
    const name = pgConstraint(error) ?? '';
    if (name === 'document_issued')
      throw new DomainError('document_issued', 'The document is issued and cannot change');
    if (name.endsWith('_done_check'))
      throw new DomainError('quantity_exceeded', 'More than remains of the source line');
  }
  throw error;
}
