import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@nexo/contracts';
import {
  PrincipalChangedError,
  literal,
  type PrincipalCheck,
  type PrincipalVerifier,
} from '@nexo/db';
import { DomainError, type Principal } from '@nexo/platform';
import { KeptAnswers } from './kept-answers.js';

const revoked = (): DomainError =>
  new DomainError(ErrorCode.Unauthenticated, 'The access token is no longer valid');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface CheckRow {
  epoch: string;
  ok: boolean | null;
  roles: string[] | null;
  teams?: string[] | null;
  valid_until?: string | null;
}

const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined): boolean =>
  (a ?? []).length === (b ?? []).length && (a ?? []).every((x, i) => x === b?.[i]);

/**
 * One check per request, in the request's own transaction: user and membership (or API
 * client) active, token issued after their "valid after", session not revoked. Disabling a
 * user, a membership or a session therefore takes effect on the very next request. The
 * decision is taken in SQL (functions of migrations 0023 and 0026), so the row is a boolean
 * and the current roles whatever way it is run.
 *
 * A principal's last positive answer is kept with the principal epoch it was read at (any
 * change to a user, membership, session or API client committed since moves the epoch). With
 * a kept answer the request starts on its roles at once, and the epoch, read with the
 * request's first statement, says whether to check after all (the epoch moved, or the session
 * has expired): as exact as checking every time, one statement cheaper (ADR 0003). If the
 * check then finds other roles or teams, the request runs again on the new ones.
 */
@Injectable()
export class AuthPrincipalVerifier implements PrincipalVerifier {
  private readonly kept = new KeptAnswers();

  check(principal: Principal, options: { eager?: boolean } = {}): PrincipalCheck {
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
    const integration = principal.actor === 'integration';
    const key = KeptAnswers.keyOf(principal);
    const kept = options.eager ? undefined : this.kept.get(key);
    if (kept) {
      principal.roles = [...kept.roles];
      if (!integration) principal.teams = [...kept.teams];
    }
    const check = integration
      ? `auth.check_api_client(${literal(principal.tenantId)}, ${literal(principal.membershipId)}, ${issuedAt})`
      : `auth.check_member_until(${literal(principal.userId)}, ${literal(principal.membershipId)}, ${literal(principal.sessionId)}, ${literal(principal.partyId)}, ${issuedAt})`;
    const columns = integration
      ? 'c.ok, c.roles'
      : 'c.ok, c.roles, c.teams, c.valid_until::text as valid_until';
    return {
      // One text for every principal (the head runs prepared): the epoch moved, or the session
      // has ended since the answer was kept.
      ...(kept
        ? {
            stale: {
              text: '(select n <> $1::bigint from auth.principal_epoch) or coalesce(now() >= $2::timestamptz, false)',
              values: [kept.epoch, kept.validUntil],
            },
          }
        : {}),
      sql: `select e.n::text as epoch, ${columns} from auth.principal_epoch e, ${check} c`,
      accept: (rows) => {
        const row = rows[0] as CheckRow | undefined;
        if (!row?.ok) {
          this.kept.forget(key);
          throw revoked();
        }
        const roles = row.roles ?? [];
        const teams = integration ? undefined : (row.teams ?? []);
        // The epoch goes back to PostgreSQL as a bigint: only ever digits are kept.
        if (/^\d+$/.test(row.epoch))
          this.kept.keep(key, {
            epoch: row.epoch,
            roles: [...roles],
            teams: [...(teams ?? [])],
            validUntil: row.valid_until ?? null,
          });
        if (kept && (!sameList(roles, principal.roles) || !sameList(teams, principal.teams)))
          throw new PrincipalChangedError();
        principal.roles = roles;
        if (teams) principal.teams = teams;
      },
    };
  }
}
