import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { RouteContract } from '@nexo/contracts';
import {
  APP_CONFIG,
  DomainError,
  requestContext,
  type AppConfig,
  type Principal,
  type RequestRunner,
} from '@nexo/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  claimIdempotencyKey,
  isValidIdempotencyKey,
  recordIdempotentAnswer,
  type IdempotentRequest,
} from '../http/idempotency.js';
import { constraintError } from './constraint-errors.js';
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
  authorize(principal: Principal, route: RouteContract): Promise<void>;
}
export const ROUTE_AUTHORIZER = Symbol('ROUTE_AUTHORIZER');

/**
 * Runs each request of a signed-in principal in one transaction that carries its tenant,
 * user, actor and party (a GET: statements that each carry them, ADR 0003). A handler that
 * throws rolls back everything it wrote (a declared constraint it broke answers as the field it
 * names, `constraintError`). Requests without a principal (public routes) get no
 * transaction: they must not read tenant data. A request that started on an outdated kept
 * answer (the principal's roles changed meanwhile) is rolled back and runs once more, checked
 * first.
 */
@Injectable()
export class RequestTransactionRunner implements RequestRunner {
  private verifier: PrincipalVerifier | undefined;
  private authorizer: RouteAuthorizer | undefined;

  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(ModuleRef) private readonly modules: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A POST with an `Idempotency-Key`: its first answer is stored and replayed for repeats. */
  private idempotentRequest(
    route: RouteContract,
    request: FastifyRequest,
    principal: Principal,
  ): IdempotentRequest | undefined {
    const key = request.headers['idempotency-key'];
    if (route.method !== 'POST' || typeof key !== 'string') return undefined;
    if (!isValidIdempotencyKey(key)) {
      throw DomainError.validation([
        { path: 'Idempotency-Key', code: 'invalid', message: '1 to 200 visible ASCII characters' },
      ]);
    }
    return {
      tenantId: principal.tenantId,
      principalId: principal.membershipId,
      key,
      method: route.method,
      path: route.path,
      body: request.body,
      ttlSeconds: this.config.NEXO_IDEMPOTENCY_TTL_S,
    };
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

  async run(
    route: RouteContract,
    request: FastifyRequest,
    reply: FastifyReply,
    handle: () => Promise<unknown>,
  ): Promise<unknown> {
    const principal = requestContext.get()?.principal;
    if (!principal) return handle();
    try {
      try {
        return await this.inTransaction(route, request, reply, handle, principal, false);
      } catch (error) {
        if (!(error instanceof PrincipalChangedError)) throw error;
        return await this.inTransaction(route, request, reply, handle, principal, true);
      }
    } catch (error) {
      // A declared unique or foreign key (`defineConstraints`) that a write broke: the field
      // it names, as a domain error, once the transaction has rolled back.
      throw constraintError(error) ?? error;
    }
  }

  private inTransaction(
    route: RouteContract,
    request: FastifyRequest,
    reply: FastifyReply,
    handle: () => Promise<unknown>,
    principal: Principal,
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
        await authorizer.authorize(principal, route);
        const idempotent = this.idempotentRequest(route, request, principal);
        if (idempotent) {
          const replay = await claimIdempotencyKey(tx, idempotent);
          if (replay) {
            void reply.status(replay.status).header('idempotent-replayed', 'true');
            return replay.body;
          }
        }
        const body = await handle();
        if (idempotent) await recordIdempotentAnswer(tx, idempotent, route.status, body);
        return body;
      },
      {
        check: verifier.check(principal, { eager }),
        readOnly: route.method === 'GET' && !route.audited,
      },
    );
  }
}
