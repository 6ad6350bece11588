import { ErrorCode } from '@nexo/contracts';
import { DomainError, requestContext, type Principal } from '@nexo/platform';

/**
 * The principal of the request in flight, with one of the given roles. A stop-gap for
 * administration routes until the permission engine declares permissions per route.
 */
export function principalWithRole(...roles: string[]): Principal {
  const principal = requestContext.get()?.principal;
  if (!principal) throw new DomainError(ErrorCode.Unauthenticated, 'Sign in first');
  return requireAnyRole(principal, ...roles);
}

export function requireAnyRole(principal: Principal, ...roles: string[]): Principal {
  if (roles.length && !principal.roles.some((r) => roles.includes(r))) {
    throw new DomainError(ErrorCode.Forbidden, 'You are not allowed to do this');
  }
  return principal;
}
