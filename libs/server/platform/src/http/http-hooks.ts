import type { RouteContract } from '@nexo/contracts';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { Logger } from 'pino';
import { ErrorCode } from '@nexo/contracts';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { DomainError } from '../errors/domain-error.js';
import { mapError } from '../errors/problem.mapper.js';
import { sendProblem } from './send-problem.js';
import { requestContext } from '../context/request-context.js';
import type { MetricsService } from '../metrics/metrics.service.js';

export const BODY_LIMIT_BYTES = 1024 * 1024;
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Fastify options NEXO needs before the server exists. */
export function fastifyOptions(
  logger: Logger,
  trustedProxies: readonly string[] = [],
): FastifyServerOptions {
  return {
    loggerInstance: logger,
    bodyLimit: BODY_LIMIT_BYTES,
    // Keep a caller's request id when it is sane, so logs correlate across services.
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      // A random UUID: Node draws it from a cached entropy pool, where a UUIDv7 asks the
      // random source anew each time; a request id needs no time order.
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // X-Forwarded-For only from the proxies named: anyone else could pick their address
    // (and dodge the per-address sign-in limits). The chain is read from the right.
    trustProxy: trustedProxies.length ? [...trustedProxies] : false,
    // Errors Fastify finds before routing (a URL that is not valid percent-encoding, an
    // over-long parameter) answer like every other error.
    frameworkErrors: (error, request, reply) => {
      void sendProblem(request, reply, error, logger);
    },
    clientErrorHandler: (error, socket) => answerClientError(error, socket, logger),
  };
}

/**
 * What Node's HTTP parser refuses before there is a request (headers too large, a request
 * that is not HTTP, one that arrived too slowly), answered as problem+json like the rest,
 * then the connection is closed: the stream is no longer in step.
 */
function answerClientError(error: Error & { code?: string }, socket: Duplex, logger: Logger): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? ErrorCode.HeaderTooLarge
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? ErrorCode.RequestTimeout
        : ErrorCode.BadRequest;
  const requestId = randomUUID();
  const { problem } = mapError(new DomainError(code, 'The server could not read the request'));
  const body = JSON.stringify({ ...problem, requestId });
  logger.debug({ code: error.code, requestId }, 'client error');
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? ''}\r\n` +
        `content-type: application/problem+json; charset=utf-8\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\nx-request-id: ${requestId}\r\n` +
        `connection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/**
 * Hooks every request passes through: the request context, the request id header and the
 * latency histogram. Errors, including Fastify's own before a route runs, reach Nest's
 * error handler and from there the one ProblemFilter.
 */
export function installHttpHooks(app: FastifyInstance, metrics: MetricsService): void {
  // While shutting down, tell keep-alive clients to hang up after their response, so the
  // server can finish closing as soon as the in-flight requests are done.
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) void reply.header('connection', 'close');
    done(null, payload);
  });
  app.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    const userAgent = request.headers['user-agent'];
    const ifMatch = request.headers['if-match'];
    requestContext.run(
      {
        requestId: String(request.id),
        ip: request.ip,
        ...(userAgent ? { userAgent } : {}),
        ...(typeof ifMatch === 'string' ? { ifMatch } : {}),
      },
      done,
    );
  });
  app.addHook('onResponse', (request, reply, done) => {
    // The route template, not the URL, keeps the label set small.
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration
      .labels(request.method, route, String(reply.statusCode))
      .observe(reply.elapsedTime / 1000);
    done();
  });
}

/**
 * Parsers for the file bodies the routes take (`binaryBody`): the bytes as a Buffer, up to
 * the largest size a route accepts for that media type; each route then checks its own.
 */
export function installBinaryBodies(app: FastifyInstance, routes: readonly RouteContract[]): void {
  const limits = new Map<string, number>();
  for (const route of routes) {
    for (const type of route.binaryBody?.mediaTypes ?? []) {
      limits.set(type, Math.max(limits.get(type) ?? 0, route.binaryBody?.maxBytes ?? 0));
    }
  }
  for (const [type, bodyLimit] of limits) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit }, (_request, body, done) =>
      done(null, body),
    );
  }
}
