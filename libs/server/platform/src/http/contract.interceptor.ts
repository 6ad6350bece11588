import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { RouteContract } from '@nexo/contracts';
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

/**
 * Applies a route's contract: params, query and body are parsed (defaults, coercion, unknown
 * body fields refused) before the handler sees them; the handler's result is parsed through
 * the response schema, so a field the contract does not name never leaves the server, and a
 * result that breaks the contract is a server error (rolled back with the request).
 * Registered after the request transaction, so access is checked before input is judged.
 */
@Injectable()
export class ContractInterceptor implements NestInterceptor {
  constructor(@Inject(Reflector) private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const route = this.reflector.get<RouteContract | undefined>(
      ROUTE_CONTRACT,
      context.getHandler(),
    );
    if (!route) return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    if (route.params) request.params = parseInput(route.params, request.params, 'params');
    if (route.query) request.query = parseInput(route.query, request.query, 'query');
    if (route.body) request.body = parseInput(route.body, request.body ?? {}, '');
    if (route.ifMatch) expectedVersion();
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
