import { ErrorCode, type FieldIssue } from '@nexo/contracts';

/**
 * The one error type services throw. It says what went wrong in domain terms (`code`) and
 * never an HTTP status: the problem mapper turns codes into statuses in one place.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { issues?: FieldIssue[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static notFound(what = 'Resource'): DomainError {
    return new DomainError(ErrorCode.NotFound, `${what} not found`);
  }

  static validation(issues: FieldIssue[], message = 'The request is not valid'): DomainError {
    return new DomainError(ErrorCode.ValidationFailed, message, { issues });
  }

  /**
   * A field names a record that is not one of the company's: absent, or another company's
   * (the two are not told apart). 422, with one issue per field.
   */
  static unknownReference(
    issues: FieldIssue[],
    message = 'A referenced record does not exist',
  ): DomainError {
    return new DomainError(ErrorCode.UnknownReference, message, { issues });
  }

  static conflict(message: string): DomainError {
    return new DomainError(ErrorCode.Conflict, message);
  }
}
