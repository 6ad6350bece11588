import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call a route: anyone, any signed-in principal on their own account, or a permission. */
export type RouteAccess =
  | { kind: 'public' }
  | { kind: 'signed-in'; duringMfaEnrolment?: boolean }
  | { kind: 'permission'; action: string; subject: string };

/** A file instead of JSON: its media types and, for request bodies, the largest accepted. */
export interface BinaryContent {
  mediaTypes: readonly string[];
  maxBytes?: number;
}

/** What a handler of a route with `binaryResponse` returns: the bytes and their media type. */
export interface BinaryFile {
  contentType: string;
  data: Uint8Array;
}

/**
 * One route, written once: the API validates requests and serializes responses through these
 * schemas, the OpenAPI document is generated from them and the portals' client from that.
 * Paths use `:name` parameters (as the router does); the document turns them into `{name}`.
 */
export interface RouteContract {
  method: HttpMethod;
  path: string;
  /** The operation id in the OpenAPI document and the generated client. */
  operationId: string;
  summary: string;
  tag: string;
  access: RouteAccess;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The body's media type when it is not JSON (the OAuth token endpoint takes a form). */
  bodyType?: 'application/json' | 'application/x-www-form-urlencoded';
  status: 200 | 201 | 202 | 204;
  /**
   * The body is the raw bytes of a file (an image upload), not JSON: `body` is then absent,
   * the handler receives the bytes, and a body of another media type or larger than
   * `maxBytes` is refused (415, 413).
   */
  binaryBody?: BinaryContent & { maxBytes: number };
  /** The success body; serialized through it so fields it does not name never leave. */
  response?: z.ZodType;
  /** The success body is a file (`BinaryFile`) of one of these media types, not JSON. */
  binaryResponse?: BinaryContent;
  /** A text response (Prometheus exposition, CSV), written by the handler itself. */
  responseType?: 'application/json' | 'text/plain' | 'text/csv';
  /**
   * A GET that writes its audit row (a CSV export of company data): it runs in a read-write
   * transaction instead of a read's, so the row is committed with the answer.
   */
  audited?: boolean;
  /** The response carries an `ETag` (records with a version). */
  etag?: boolean;
  /** Requires `If-Match` with the record's ETag (428 without it, 412 when stale). */
  ifMatch?: boolean;
}

/** Identity at runtime; keeps the literal types so handlers can infer their inputs. */
export const defineRoute = <const T extends RouteContract>(route: T): T => route;

export const publicAccess = { kind: 'public' } as const;
export const signedIn = { kind: 'signed-in' } as const;
export const permission = (action: string, subject: string) =>
  ({ kind: 'permission', action, subject }) as const;

/** The parsed inputs of a route, for its handler's parameters. */
export type RouteBody<T extends RouteContract> = T['body'] extends z.ZodType
  ? z.output<T['body']>
  : T['binaryBody'] extends BinaryContent
    ? Uint8Array
    : never;
export type RouteQuery<T extends RouteContract> = T['query'] extends z.ZodType
  ? z.output<T['query']>
  : never;
export type RouteParams<T extends RouteContract> = T['params'] extends z.ZodType
  ? z.output<T['params']>
  : never;
/** What a handler returns: the response schema's input (dates as Date, before serialization). */
export type RouteResult<T extends RouteContract> = T['response'] extends z.ZodType
  ? z.input<T['response']>
  : T['binaryResponse'] extends BinaryContent
    ? BinaryFile
    : void;
