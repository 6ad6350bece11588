import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@nexo/contracts';
import { literal, type OpeningQuery, type PrincipalVerifier } from '@nexo/db';
import { DomainError, type Principal } from '@nexo/platform';

const revoked = (): DomainError =>
  new DomainError(ErrorCode.Unauthenticated, 'The access token is no longer valid');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface CheckRow {
  ok: boolean;
  roles: string[] | null;
  teams?: string[] | null;
}

/**
 * One SELECT per request, in the request's own transaction (it rides in the transaction's
 * opening round trip): user and membership (or API client) active, token issued after their
 * "valid after", session not revoked. Disabling a user, a membership or a session therefore
 * takes effect on the very next request. The decision is taken in SQL (functions of
 * migration 0023), so the row is a boolean and the current roles whatever way it is run.
 */
@Injectable()
export class AuthPrincipalVerifier implements PrincipalVerifier {
  check(principal: Principal): OpeningQuery {
    // Values are inlined (simple protocol); ids that are not UUIDs never reach the SQL.
    if (
      !UUID.test(principal.userId) ||
      !UUID.test(principal.membershipId) ||
      !UUID.test(principal.tenantId) ||
      (principal.sessionId !== undefined && !UUID.test(principal.sessionId)) ||
      (principal.partyId !== undefined && !UUID.test(principal.partyId)) ||
      !Number.isFinite(principal.issuedAt)
    )
      throw revoked();
    const issuedAt = Math.floor(principal.issuedAt);
    // The functions of migration 0023: planned once per connection (PL/pgSQL), not per request.
    const sql =
      principal.actor === 'integration'
        ? `select ok, roles from auth.check_api_client(${literal(principal.tenantId)}, ${literal(principal.membershipId)}, ${issuedAt})`
        : `select ok, roles, teams from auth.check_member(${literal(principal.userId)}, ${literal(principal.membershipId)}, ${literal(principal.sessionId)}, ${literal(principal.partyId)}, ${issuedAt})`;
    return {
      sql,
      accept: (rows) => {
        const row = rows[0] as CheckRow | undefined;
        if (!row?.ok) throw revoked();
        principal.roles = row.roles ?? [];
        if (principal.actor !== 'integration') principal.teams = row.teams ?? [];
      },
    };
  }
}
