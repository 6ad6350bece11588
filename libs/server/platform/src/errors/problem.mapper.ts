import { CONTEXT_ERRORS, ErrorCode, type FieldIssue, type Problem } from '@nexo/contracts';
import { ZodError } from 'zod';
import { DomainError } from './domain-error.js';
import {
  PG_CHECK_VIOLATION,
  PG_FOREIGN_KEY_VIOLATION,
  PG_UNIQUE_VIOLATION,
  pgErrorCode,
} from './pg-errors.js';

/**
 * The single place where an error code becomes an HTTP status: the platform's codes here,
 * each context's from its contract (`CONTEXT_ERRORS`).
 */
export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  ...statusesOf(CONTEXT_ERRORS),
  [ErrorCode.BadRequest]: 400,
  [ErrorCode.MalformedJson]: 400,
  [ErrorCode.ValidationFailed]: 400,
  [ErrorCode.UnknownReference]: 422,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.InvalidCredentials]: 401,
  [ErrorCode.InvalidToken]: 400,
  [ErrorCode.MfaEnrolmentRequired]: 403,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.RouteNotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.PreconditionFailed]: 412,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.HeaderTooLarge]: 431,
  [ErrorCode.RequestTimeout]: 408,
  [ErrorCode.UnsupportedMediaType]: 415,
  [ErrorCode.PreconditionRequired]: 428,
  [ErrorCode.IdempotencyKeyReused]: 422,
  [ErrorCode.RateLimited]: 429,
  [ErrorCode.Internal]: 500,
  [ErrorCode.ServiceUnavailable]: 503,
};

const TITLE_BY_CODE: Record<ErrorCode, string> = {
  ...titlesOf(CONTEXT_ERRORS),
  [ErrorCode.BadRequest]: 'Bad request',
  [ErrorCode.MalformedJson]: 'Malformed JSON body',
  [ErrorCode.ValidationFailed]: 'Validation failed',
  [ErrorCode.UnknownReference]: 'Unknown reference',
  [ErrorCode.Unauthenticated]: 'Authentication required',
  [ErrorCode.InvalidCredentials]: 'Invalid credentials',
  [ErrorCode.InvalidToken]: 'Invalid or expired token',
  [ErrorCode.MfaEnrolmentRequired]: 'Second factor enrolment required',
  [ErrorCode.Forbidden]: 'Forbidden',
  [ErrorCode.NotFound]: 'Not found',
  [ErrorCode.RouteNotFound]: 'Route not found',
  [ErrorCode.Conflict]: 'Conflict',
  [ErrorCode.PreconditionFailed]: 'Precondition failed',
  [ErrorCode.PayloadTooLarge]: 'Payload too large',
  [ErrorCode.HeaderTooLarge]: 'Request header fields too large',
  [ErrorCode.RequestTimeout]: 'Request timeout',
  [ErrorCode.UnsupportedMediaType]: 'Unsupported media type',
  [ErrorCode.PreconditionRequired]: 'Precondition required',
  [ErrorCode.IdempotencyKeyReused]: 'Idempotency key reused with another request',
  [ErrorCode.RateLimited]: 'Too many requests',
  [ErrorCode.Internal]: 'Internal server error',
  [ErrorCode.ServiceUnavailable]: 'Service unavailable',
};

function statusesOf<C extends string>(errors: Record<C, { status: number }>): Record<C, number> {
  return Object.fromEntries(
    Object.entries(errors).map(([c, e]) => [c, (e as { status: number }).status]),
  ) as Record<C, number>;
}
function titlesOf<C extends string>(errors: Record<C, { title: string }>): Record<C, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([c, e]) => [c, (e as { title: string }).title]),
  ) as Record<C, string>;
}

/** Fastify's own error codes for failures before a route handler runs. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: ErrorCode.MalformedJson,
  FST_ERR_CTP_EMPTY_JSON_BODY: ErrorCode.MalformedJson,
  FST_ERR_CTP_BODY_TOO_LARGE: ErrorCode.PayloadTooLarge,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ErrorCode.UnsupportedMediaType,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ErrorCode.BadRequest,
  FST_ERR_NOT_FOUND: ErrorCode.RouteNotFound,
};

export interface MappedError {
  problem: Omit<Problem, 'requestId' | 'instance'>;
  /** True when the error is not one we expected: it is logged with its stack and an error id. */
  unexpected: boolean;
  /** The database refused a value the contract let through: logged, so the contract is fixed. */
  databaseState?: string;
  retryAfterSeconds?: number;
}

export function zodIssues(error: ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: issue.code,
    message: issue.message,
  }));
}

function fromCode(code: ErrorCode, detail?: string, issues?: FieldIssue[]): MappedError['problem'] {
  return {
    type: `https://nexo.dev/problems/${code.replace(/_/g, '-')}`,
    title: TITLE_BY_CODE[code],
    status: STATUS_BY_CODE[code],
    code,
    ...(detail ? { detail } : {}),
    ...(issues?.length ? { issues } : {}),
  };
}

/** The first code with this status, or a plain bad request. */
function fromStatus(status: number, detail?: string): MappedError['problem'] {
  const code =
    (Object.entries(STATUS_BY_CODE).find(([, s]) => s === status)?.[0] as ErrorCode) ??
    ErrorCode.BadRequest;
  return fromCode(code, detail);
}

/**
 * The last line of defence when the database refuses a value the contract let through: a
 * data exception (class 22: out of range, invalid text, too long) or a constraint (class
 * 23) is the caller's input, not a server fault. Contexts translate the constraints they
 * know into field issues first; what reaches here answers without naming a field.
 */
function databaseRefusal(error: unknown): MappedError['problem'] | undefined {
  const state = pgErrorCode(error);
  if (!state) return undefined;
  if (
    state.startsWith('22') ||
    state === '23502' ||
    state === PG_CHECK_VIOLATION ||
    state === '54000'
  )
    return fromCode(ErrorCode.ValidationFailed, 'A value is not valid for its field');
  if (state === PG_UNIQUE_VIOLATION)
    return fromCode(ErrorCode.Conflict, 'The record already exists');
  if (state === PG_FOREIGN_KEY_VIOLATION)
    return fromCode(ErrorCode.UnknownReference, 'A referenced record does not exist');
  return undefined;
}

/** Turns anything thrown into problem details. Unknown errors never reveal their message. */
export function mapError(error: unknown): MappedError {
  if (error instanceof DomainError) {
    return {
      problem: fromCode(error.code, error.message, error.details.issues),
      unexpected: false,
      ...(error.details.retryAfterSeconds !== undefined
        ? { retryAfterSeconds: error.details.retryAfterSeconds }
        : {}),
    };
  }
  if (error instanceof ZodError) {
    return {
      problem: fromCode(ErrorCode.ValidationFailed, 'The request is not valid', zodIssues(error)),
      unexpected: false,
    };
  }
  // Nest wraps Fastify's own errors (body parsing, size) in an HttpException with the cause.
  for (const candidate of [error, (error as { cause?: unknown } | null)?.cause]) {
    const fastifyCode = (candidate as { code?: unknown } | null)?.code;
    if (typeof fastifyCode === 'string' && fastifyCode in FASTIFY_CODES) {
      const code = FASTIFY_CODES[fastifyCode] as ErrorCode;
      return { problem: fromCode(code, (candidate as Error).message), unexpected: false };
    }
  }
  // Any other error of Fastify's own before a route runs (a bad URL, a forbidden
  // `__proto__` key in JSON, a header it refuses) says its 4xx status: keep it.
  const fastify = error as { code?: unknown; statusCode?: unknown } | null;
  if (
    typeof fastify?.code === 'string' &&
    fastify.code.startsWith('FST_') &&
    typeof fastify.statusCode === 'number' &&
    fastify.statusCode >= 400 &&
    fastify.statusCode < 500
  ) {
    return { problem: fromStatus(fastify.statusCode, (error as Error).message), unexpected: false };
  }
  const refused = databaseRefusal(error);
  if (refused) return { problem: refused, unexpected: false, databaseState: pgErrorCode(error) };
  // Nest's HttpException (e.g. its own NotFoundException for unknown routes) carries a status.
  const status = (error as { getStatus?: () => number } | null)?.getStatus?.();
  if (status === 404) {
    return { problem: fromCode(ErrorCode.RouteNotFound), unexpected: false };
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { problem: fromStatus(status, (error as Error).message), unexpected: false };
  }
  return { problem: fromCode(ErrorCode.Internal), unexpected: true };
}
