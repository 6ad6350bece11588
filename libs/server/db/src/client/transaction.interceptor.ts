import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { requestContext, type Principal } from '@nexo/platform';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { Database } from './database.js';

/**
 * Checked first thing in the request's transaction: is the principal still allowed in
 * (user and membership active, session not revoked)? Auth provides it; it may fill in
 * details (roles) from the same rows.
 */
export interface PrincipalVerifier {
  verify(principal: Principal): Promise<void>;
}
export const PRINCIPAL_VERIFIER = Symbol('PRINCIPAL_VERIFIER');

/** Then: may this principal use this route at all? The permission engine provides it. */
export interface RouteAuthorizer {
  authorize(principal: Principal, context: ExecutionContext): Promise<void>;
}
export const ROUTE_AUTHORIZER = Symbol('ROUTE_AUTHORIZER');

/**
 * Runs each request of a signed-in principal in one transaction that carries its tenant,
 * user, actor and party. A handler that throws rolls back everything it wrote. Requests
 * without a principal (public routes) get no transaction: they must not read tenant data.
 */
@Injectable()
export class RequestTransactionInterceptor implements NestInterceptor {
  private verifier: PrincipalVerifier | undefined;
  private authorizer: RouteAuthorizer | undefined;

  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(ModuleRef) private readonly modules: ModuleRef,
  ) {}

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
    return from(
      this.database.withContext(
        {
          tenantId: principal.tenantId,
          userId: principal.userId,
          actor: principal.actor,
          ...(principal.partyId ? { partyId: principal.partyId } : {}),
        },
        async () => {
          const [verifier, authorizer] = this.hooks();
          await verifier.verify(principal);
          await authorizer.authorize(principal, context);
          return lastValueFrom<unknown, undefined>(next.handle(), { defaultValue: undefined });
        },
      ),
    );
  }
}
