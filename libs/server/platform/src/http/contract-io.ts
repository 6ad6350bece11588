import {
  ErrorCode,
  type BinaryContent,
  type BinaryFile,
  type RouteContract,
} from '@nexo/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodType } from 'zod';
import { DomainError } from '../errors/domain-error.js';
import { zodIssues } from '../errors/problem.mapper.js';
import { setEtag } from './concurrency.js';
import { textIssues } from './input-text.js';
import { OUTSIDE, shapeOf } from './response-shape.js';

/**
 * Input parsed through its schema: defaults, coercion, unknown fields refused (400 naming them).
 * Text the database cannot store (NUL, unpaired surrogates) is refused first, for every route.
 */
export function parseInput<T>(schema: ZodType<T>, value: unknown, prefix: string): T {
  refuseBadText(value, prefix);
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw DomainError.validation(
    zodIssues(result.error).map((issue) =>
      prefix ? { ...issue, path: issue.path ? `${prefix}.${issue.path}` : prefix } : issue,
    ),
  );
}

/** Refuses (400, a field issue each) input holding text the database cannot store. */
export function refuseBadText(value: unknown, prefix: string): void {
  const bad = textIssues(value, prefix);
  if (bad.length) throw DomainError.validation(bad);
}

/** The media type without parameters, lower case: `Image/PNG; x=1` → `image/png`. */
const mediaType = (header: unknown): string =>
  typeof header === 'string' ? (header.split(';')[0] ?? '').trim().toLowerCase() : '';

/** A file body: one of the route's media types, parsed to bytes, not empty, not too large. */
export function parseBinaryBody(
  content: BinaryContent & { maxBytes: number },
  request: FastifyRequest,
) {
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
 * A handler's result as the route's contract says it leaves: through the response schema's
 * shape (`shapeOf`, what zod's parse returns), so a field the contract does not name never
 * leaves the server, and a result that breaks the contract is a server error (rolled back
 * with the request); the ETag of a versioned record; a file's bytes with its own media type.
 * `undefined` for a route whose handler writes its answer itself (text, CSV).
 */
export function serializeResponse(
  route: RouteContract,
  result: unknown,
  reply: FastifyReply,
): unknown {
  if (route.binaryResponse) return sendBinary(route.binaryResponse, result as BinaryFile, reply);
  if (!route.response || (route.responseType && route.responseType !== 'application/json'))
    return undefined;
  let data = shapeOf(route.response)(result);
  if (data === OUTSIDE) {
    // Zod says why; should it accept what the shape refused, its answer stands.
    const parsed = route.response.safeParse(result);
    if (!parsed.success) {
      throw new Error(
        `${route.operationId} answered outside its contract: ${JSON.stringify(zodIssues(parsed.error))}`,
      );
    }
    data = parsed.data;
  }
  const version = (data as { version?: unknown } | null)?.version;
  if (route.etag && typeof version === 'number') setEtag(reply, version);
  return data;
}
