import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, type RouteContract } from '@nexo/contracts';
import {
  DomainError,
  requestContext,
  type Logger,
  type RequestAuthenticator,
} from '@nexo/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessTokenService, InvalidTokenError } from '../tokens/access-token.service.js';

/**
 * Every route is private unless its contract says public: a valid bearer access token is required
 * and becomes the request's principal. Whether the user, membership and session are still
 * active is checked next, inside the request's transaction (PrincipalVerifier).
 */
@Injectable()
export class BearerAuthenticator implements RequestAuthenticator {
  constructor(@Inject(AccessTokenService) private readonly tokens: AccessTokenService) {}

  async authenticate(
    route: RouteContract,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<void> {
    if (route.access.kind === 'public') return;
    const header = request.headers.authorization;
    const match =
      typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header) : null;
    if (!match?.[1]) throw challenge(reply, 'A bearer access token is required');
    let claims;
    try {
      claims = await this.tokens.verify(match[1]);
    } catch (error) {
      if (error instanceof InvalidTokenError)
        throw challenge(reply, 'The access token is not valid', 'invalid_token');
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
    // From here on every log line of the request names its tenant (and who asked), "request
    // completed" included (the reply shares the request's logger). The bindings go on that
    // logger, Fastify's child of NEXO's pino logger (`fastifyOptions`), not on a child of it:
    // a child of a child costs a request about 5 µs (docs/benchmarks.md, Findings).
    (request.log as Logger).setBindings({ tenantId: claims.tid, userId: claims.sub });
    if (
      claims.enr &&
      !(route.access.kind === 'signed-in' && route.access.duringMfaEnrolment === true)
    ) {
      throw new DomainError(
        ErrorCode.MfaEnrolmentRequired,
        'This company requires a second factor: enrol one first',
      );
    }
  }
}

function challenge(reply: FastifyReply, message: string, error?: string): DomainError {
  void reply.header('www-authenticate', `Bearer realm="nexo"${error ? `, error="${error}"` : ''}`);
  return new DomainError(ErrorCode.Unauthenticated, message);
}
