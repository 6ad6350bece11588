import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  ErrorCode,
  type BinaryContent,
  type BinaryFile,
  type RouteContract,
} from '@nexo/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import type { ZodType } from 'zod';
import { DomainError } from '../errors/domain-error.js';
import { zodIssues } from '../errors/problem.mapper.js';
import { expectedVersion, setEtag } from './concurrency.js';
import { ROUTE_CONTRACT } from './route.decorator.js';

function parseInput<T>(schema: ZodType<T>, value: unknown, prefix: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw DomainError.validation(
    zodIssues(result.error).map((issue) =>
      prefix ? { ...issue, path: issue.path ? `${prefix}.${issue.path}` : prefix } : issue,
    ),
  );
}

/** The media type without parameters, lower case: `Image/PNG; x=1` → `image/png`. */
const mediaType = (header: unknown): string =>
  typeof header === 'string' ? (header.split(';')[0] ?? '').trim().toLowerCase() : '';

/** A file body: one of the route's media types, parsed to bytes, not empty, not too large. */
function parseBinaryBody(content: BinaryContent & { maxBytes: number }, request: FastifyRequest) {
  const type = mediaType(request.headers['content-type']);
  if (!content.mediaTypes.includes(type) || !(request.body instanceof Uint8Array)) {
    throw new DomainError(
      ErrorCode.UnsupportedMediaType,
      `Send the file's bytes as ${content.mediaTypes.join(', ')}`,
    );
  }
  if (request.body.length === 0)
    throw DomainError.validation([{ path: 'body', code: 'empty', message: 'The file is empty' }]);
  if (request.body.length > content.maxBytes)
    throw new DomainError(ErrorCode.PayloadTooLarge, `At most ${content.maxBytes} bytes`);
  return request.body;
}

/** A file answer: its own media type, never sniffed by the browser as something else. */
function sendBinary(content: BinaryContent, file: BinaryFile, reply: FastifyReply): Buffer {
  if (!content.mediaTypes.includes(file.contentType))
    throw new Error(`A file of type ${file.contentType} is outside the route's contract`);
  void reply.type(file.contentType).header('x-content-type-options', 'nosniff');
  return Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength);
}

/**
 * Applies a route's contract: params, query and body are parsed (defaults, coercion, unknown
 * body fields refused) before the handler sees them; the handler's result is parsed through
 * the response schema, so a field the contract does not name never leaves the server, and a
 * result that breaks the contract is a server error (rolled back with the request).
 * Registered after the request transaction, so access is checked before input is judged.
 */
@Injectable()
export class ContractInterceptor implements NestInterceptor {
  /**
   * Each request's input as it arrived: a request that runs again (its principal changed while
   * it started) is parsed from that, not from its own parsed output.
   */
  private readonly raw = new WeakMap<
    FastifyRequest,
    Pick<FastifyRequest, 'params' | 'query' | 'body'>
  >();

  constructor(@Inject(Reflector) private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const route = this.reflector.get<RouteContract | undefined>(
      ROUTE_CONTRACT,
      context.getHandler(),
    );
    if (!route) return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    let raw = this.raw.get(request);
    if (!raw) {
      raw = { params: request.params, query: request.query, body: request.body };
      this.raw.set(request, raw);
    }
    if (route.params) request.params = parseInput(route.params, raw.params, 'params');
    if (route.query) request.query = parseInput(route.query, raw.query, 'query');
    if (route.body) request.body = parseInput(route.body, raw.body ?? {}, '');
    if (route.binaryBody) request.body = parseBinaryBody(route.binaryBody, request);
    if (route.ifMatch) expectedVersion();
    if (route.binaryResponse) {
      const content = route.binaryResponse;
      return next
        .handle()
        .pipe(
          map((file: BinaryFile) => sendBinary(content, file, http.getResponse<FastifyReply>())),
        );
    }
    if (!route.response || (route.responseType && route.responseType !== 'application/json')) {
      return next.handle().pipe(map(() => undefined));
    }
    const schema = route.response;
    return next.handle().pipe(
      map((result: unknown) => {
        const parsed = schema.safeParse(result);
        if (!parsed.success) {
          throw new Error(
            `${route.operationId} answered outside its contract: ${JSON.stringify(zodIssues(parsed.error))}`,
          );
        }
        const version = (parsed.data as { version?: unknown } | null)?.version;
        if (route.etag && typeof version === 'number') {
          setEtag(http.getResponse<FastifyReply>(), version);
        }
        return parsed.data;
      }),
    );
  }
}
