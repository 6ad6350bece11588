import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@nexo/contracts';
import { literal, type OpeningQuery, type PrincipalVerifier } from '@nexo/db';
import { DomainError, type Principal } from '@nexo/platform';
import { KeptAnswers } from './kept-answers.js';

const revoked = (): DomainError =>
  new DomainError(ErrorCode.Unauthenticated, 'The access token is no longer valid');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface CheckRow {
  epoch: string;
  /** Whether the check had to run (no kept answer, the epoch moved or the session ended). */
  recheck: boolean;
  ok: boolean | null;
  roles: string[] | null;
  teams?: string[] | null;
  valid_until?: string | null;
}

/**
 * One statement per request, in the request's own transaction (it rides in the transaction's
 * opening round trip): user and membership (or API client) active, token issued after their
 * "valid after", session not revoked. Disabling a user, a membership or a session therefore
 * takes effect on the very next request. The decision is taken in SQL (functions of
 * migrations 0023 and 0026), so the row is a boolean and the current roles whatever way it
 * is run. A principal's last positive answer is kept with the principal epoch it was read
 * at; the statement reads the epoch and runs the check only when the epoch has moved (a
 * change to any user, membership, session or API client committed since) or the session
 * has expired, in the same snapshot: as exact as checking every time (ADR 0003).
 */
@Injectable()
export class AuthPrincipalVerifier implements PrincipalVerifier {
  private readonly kept = new KeptAnswers();

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
    const integration = principal.actor === 'integration';
    const key = KeptAnswers.keyOf(principal);
    const kept = this.kept.get(key);
    // Run the check unless the kept answer still holds (same epoch, session not expired).
    const gate = !kept
      ? 'true'
      : `e.n <> ${kept.epoch}${kept.validUntil ? ` or now() >= ${literal(kept.validUntil)}::timestamptz` : ''}`;
    const check = integration
      ? `auth.check_api_client(${literal(principal.tenantId)}, ${literal(principal.membershipId)}, ${issuedAt})`
      : `auth.check_member_until(${literal(principal.userId)}, ${literal(principal.membershipId)}, ${literal(principal.sessionId)}, ${literal(principal.partyId)}, ${issuedAt})`;
    // `offset 0` keeps the gate on the lateral subquery, where PostgreSQL evaluates it once
    // before calling the function (a one-time filter) instead of filtering its rows after.
    const columns = integration
      ? 'c.ok, c.roles'
      : 'c.ok, c.roles, c.teams, c.valid_until::text as valid_until';
    const sql = `select e.n::text as epoch, (${gate}) as recheck, ${columns} from auth.principal_epoch e left join lateral (select * from ${check} where ${gate} offset 0) c on true`;
    return {
      sql,
      accept: (rows) => {
        const row = rows[0] as CheckRow | undefined;
        if (!row) throw revoked();
        if (!row.recheck && kept) {
          principal.roles = [...kept.roles];
          if (!integration) principal.teams = [...kept.teams];
          return;
        }
        if (!row.ok) {
          this.kept.forget(key);
          throw revoked();
        }
        principal.roles = row.roles ?? [];
        if (!integration) principal.teams = row.teams ?? [];
        // The epoch is inlined into the next opening query: only ever digits.
        if (/^\d+$/.test(row.epoch))
          this.kept.keep(key, {
            epoch: row.epoch,
            roles: [...principal.roles],
            teams: [...(principal.teams ?? [])],
            validUntil: row.valid_until ?? null,
          });
      },
    };
  }
}
