/**
 * Stable error codes shared by the API and the portals. A code never changes meaning once
 * released; add new ones instead. The HTTP status for each lives in one place: the API's
 * problem mapper.
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
  /** No price list rule and no list price prices the item in the currency asked for. */
  NoPrice: 'no_price',
  /** A number series may not move back to a number it has already issued. */
  NumberAlreadyIssued: 'number_already_issued',
  /** A sign-in provider's issuer is on a loopback or private address, or plain http to the internet. */
  OidcIssuerNotAllowed: 'oidc_issuer_not_allowed',
  RateLimited: 'rate_limited',
  ServiceUnavailable: 'service_unavailable',
  BadRequest: 'bad_request',
  Internal: 'internal_error',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
