import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode } from '@nexo/contracts';
import {
  ALLOWED_DURING_MFA_ENROLMENT,
  DomainError,
  IS_PUBLIC,
  requestContext,
} from '@nexo/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessTokenService, InvalidTokenError } from '../tokens/access-token.service.js';

/**
 * Every route is private unless its contract says public: a valid bearer access token is required
 * and becomes the request's principal. Whether the user, membership and session are still
 * active is checked next, inside the request's transaction (PrincipalVerifier).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(AccessTokenService) private readonly tokens: AccessTokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers.authorization;
    const match =
      typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header) : null;
    if (!match?.[1]) throw this.challenge(context, 'A bearer access token is required');
    let claims;
    try {
      claims = await this.tokens.verify(match[1]);
    } catch (error) {
      if (error instanceof InvalidTokenError)
        throw this.challenge(context, 'The access token is not valid', 'invalid_token');
      throw error;
    }
    const ctx = requestContext.get();
    if (!ctx) throw new Error('No request context');
    ctx.principal = {
      userId: claims.sub,
      tenantId: claims.tid,
      actor: claims.act,
      membershipId: claims.mid,
      ...(claims.sid ? { sessionId: claims.sid } : {}),
      ...(claims.pty ? { partyId: claims.pty } : {}),
      roles: [],
      issuedAt: claims.iat,
      ...(claims.enr ? { mfaEnrolmentRequired: true } : {}),
    };
    // From here on every log line of the request names its tenant (and who asked).
    const log = request.log.child({ tenantId: claims.tid, userId: claims.sub });
    request.log = log;
    // Fastify writes "request completed" through the reply's logger.
    context.switchToHttp().getResponse<FastifyReply>().log = log;
    if (
      claims.enr &&
      !this.reflector.get<boolean>(ALLOWED_DURING_MFA_ENROLMENT, context.getHandler())
    ) {
      throw new DomainError(
        ErrorCode.MfaEnrolmentRequired,
        'This company requires a second factor: enrol one first',
      );
    }
    return true;
  }

  private challenge(context: ExecutionContext, message: string, error?: string): DomainError {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    void reply.header(
      'www-authenticate',
      `Bearer realm="nexo"${error ? `, error="${error}"` : ''}`,
    );
    return new DomainError(ErrorCode.Unauthenticated, message);
  }
}
