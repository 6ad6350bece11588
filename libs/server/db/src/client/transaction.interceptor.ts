import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { requestContext } from '@nexo/platform';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { Database } from './database.js';

/**
 * Runs each request of a signed-in principal in one transaction that carries its tenant,
 * user, actor and party. A handler that throws rolls back everything it wrote. Requests
 * without a principal (public routes) get no transaction: they must not read tenant data.
 */
@Injectable()
export class RequestTransactionInterceptor implements NestInterceptor {
  constructor(@Inject(Database) private readonly database: Database) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
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
        () => lastValueFrom(next.handle(), { defaultValue: undefined }),
      ),
    );
  }
}
