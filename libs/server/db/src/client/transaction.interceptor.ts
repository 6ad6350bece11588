import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import {
  APP_CONFIG,
  DomainError,
  requestContext,
  type AppConfig,
  type Principal,
} from '@nexo/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  claimIdempotencyKey,
  isValidIdempotencyKey,
  recordIdempotentAnswer,
  type IdempotentRequest,
} from '../http/idempotency.js';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { Database } from './database.js';
import { PrincipalChangedError, type PrincipalCheck } from './request-transaction.js';

/**
 * Is the principal still allowed in (user and membership active, session not revoked)? Auth
 * provides the check; its `accept` fills in the principal's roles. With a kept answer it may
 * apply that answer at once and leave the check to run only when the answer may be outdated;
 * `eager` asks for the check before anything else.
 */
export interface PrincipalVerifier {
  check(principal: Principal, options?: { eager?: boolean }): PrincipalCheck;
}
export const PRINCIPAL_VERIFIER = Symbol('PRINCIPAL_VERIFIER');

/** Then: may this principal use this route at all? The permission engine provides it. */
export interface RouteAuthorizer {
  authorize(principal: Principal, context: ExecutionContext): Promise<void>;
}
export const ROUTE_AUTHORIZER = Symbol('ROUTE_AUTHORIZER');

/** Reads: no statement of theirs writes, so they need no transaction block (ADR 0003). */
const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * Runs each request of a signed-in principal in one transaction that carries its tenant,
 * user, actor and party (a read: statements that each carry them). A handler that throws
 * rolls back everything it wrote. Requests without a principal (public routes) get no
 * transaction: they must not read tenant data. A request that started on an outdated kept
 * answer (the principal's roles changed meanwhile) is rolled back and runs once more, checked
 * first.
 */
@Injectable()
export class RequestTransactionInterceptor implements NestInterceptor {
  private verifier: PrincipalVerifier | undefined;
  private authorizer: RouteAuthorizer | undefined;

  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(ModuleRef) private readonly modules: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A POST with an `Idempotency-Key`: its first answer is stored and replayed for repeats. */
  private idempotentRequest(
    context: ExecutionContext,
    principal: Principal,
  ): IdempotentRequest | undefined {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || typeof key !== 'string') return undefined;
    if (!isValidIdempotencyKey(key)) {
      throw DomainError.validation([
        { path: 'Idempotency-Key', code: 'invalid', message: '1 to 200 visible ASCII characters' },
      ]);
    }
    return {
      tenantId: principal.tenantId,
      principalId: principal.membershipId,
      key,
      method: request.method,
      path: request.routeOptions.url ?? request.url,
      body: request.body,
      ttlSeconds: this.config.NEXO_IDEMPOTENCY_TTL_S,
    };
  }

  /** The status Nest will answer with: the route's `@HttpCode`, else 201 for POST. */
  private successStatus(context: ExecutionContext): number {
    return (
      (Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined) ?? 201
    );
  }

  /**
   * Auth registers the verifier and permissions the authorizer, each in its own module;
   * without them a principal's request fails rather than run unchecked.
   */
  private hooks(): [PrincipalVerifier, RouteAuthorizer] {
    this.verifier ??= this.modules.get<PrincipalVerifier>(PRINCIPAL_VERIFIER, { strict: false });
    this.authorizer ??= this.modules.get<RouteAuthorizer>(ROUTE_AUTHORIZER, { strict: false });
    return [this.verifier, this.authorizer];
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const principal = requestContext.get()?.principal;
    if (!principal) return next.handle();
    const readOnly = READ_METHODS.has(context.switchToHttp().getRequest<FastifyRequest>().method);
    return from(
      this.run(context, next, principal, readOnly, false).catch((error: unknown) => {
        if (!(error instanceof PrincipalChangedError)) throw error;
        return this.run(context, next, principal, readOnly, true);
      }),
    );
  }

  private run(
    context: ExecutionContext,
    next: CallHandler,
    principal: Principal,
    readOnly: boolean,
    eager: boolean,
  ): Promise<unknown> {
    const [verifier, authorizer] = this.hooks();
    return this.database.withContext(
      {
        tenantId: principal.tenantId,
        userId: principal.userId,
        actor: principal.actor,
        ...(principal.partyId ? { partyId: principal.partyId } : {}),
      },
      async (tx) => {
        await authorizer.authorize(principal, context);
        const idempotent = this.idempotentRequest(context, principal);
        if (idempotent) {
          const replay = await claimIdempotencyKey(tx, idempotent);
          if (replay) {
            void context
              .switchToHttp()
              .getResponse<FastifyReply>()
              .status(replay.status)
              .header('idempotent-replayed', 'true');
            return replay.body;
          }
        }
        const body = await lastValueFrom<unknown, undefined>(next.handle(), {
          defaultValue: undefined,
        });
        if (idempotent)
          await recordIdempotentAnswer(tx, idempotent, this.successStatus(context), body);
        return body;
      },
      { check: verifier.check(principal, { eager }), readOnly },
    );
  }
}
