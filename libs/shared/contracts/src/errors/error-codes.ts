import type { ContextErrorCodeName } from '../contexts.js';

/**
 * Stable error codes shared by the API and the portals. A code never changes meaning once
 * released; add new ones instead. These are the platform's, with their HTTP status in the
 * API's problem mapper; a context declares its own (`errors` in its `<context>.context.ts`,
 * with status and messages).
 */
export const ErrorCode = {
  NotFound: 'not_found',
  RouteNotFound: 'route_not_found',
  MalformedJson: 'malformed_json',
  UnsupportedMediaType: 'unsupported_media_type',
  PayloadTooLarge: 'payload_too_large',
  /** The request's headers (cookies, URL) are larger than the server reads. */
  HeaderTooLarge: 'header_too_large',
  /** The client did not finish sending its request in time. */
  RequestTimeout: 'request_timeout',
  ValidationFailed: 'validation_failed',
  /** A field names a record that is not one of the company's (absent, or another company's). */
  UnknownReference: 'unknown_reference',
  Unauthenticated: 'unauthenticated',
  InvalidCredentials: 'invalid_credentials',
  InvalidToken: 'invalid_token',
  MfaEnrolmentRequired: 'mfa_enrolment_required',
  Forbidden: 'forbidden',
  Conflict: 'conflict',
  PreconditionFailed: 'precondition_failed',
  PreconditionRequired: 'precondition_required',
  IdempotencyKeyReused: 'idempotency_key_reused',
  RateLimited: 'rate_limited',
  ServiceUnavailable: 'service_unavailable',
  BadRequest: 'bad_request',
  Internal: 'internal_error',
} as const;

export type PlatformErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
/** Any code a problem may carry: the platform's or a context's. */
export type ErrorCode = PlatformErrorCode | ContextErrorCodeName;
