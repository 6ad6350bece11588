import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode } from '@nexo/contracts';
import { Database, type PrincipalVerifier } from '@nexo/db';
import { DomainError, type Principal } from '@nexo/platform';
import { and, eq, sql } from 'drizzle-orm';
import { apiClients, memberships, sessions, users } from '../db/auth.tables.js';

const revoked = (): DomainError =>
  new DomainError(ErrorCode.Unauthenticated, 'The access token is no longer valid');
const seconds = (d: Date): number => Math.floor(d.getTime() / 1000);

/**
 * One query per request, in the request's own transaction: user and membership (or API
 * client) active, token issued after their "valid after", session not revoked. Disabling a
 * user, a membership or a session therefore takes effect on the very next request.
 */
@Injectable()
export class AuthPrincipalVerifier implements PrincipalVerifier {
  constructor(@Inject(Database) private readonly database: Database) {}

  async verify(principal: Principal): Promise<void> {
    if (principal.actor === 'integration') return this.verifyClient(principal);
    const [row] = await this.database
      .tx()
      .select({
        userStatus: users.status,
        userValidAfter: users.validAfter,
        membershipStatus: memberships.status,
        membershipValidAfter: memberships.validAfter,
        roles: memberships.roles,
        teams: memberships.teams,
        partyId: memberships.partyId,
        sessionRevokedAt: sessions.revokedAt,
        sessionExpiresAt: sessions.expiresAt,
      })
      .from(users)
      .innerJoin(
        memberships,
        and(eq(memberships.userId, users.id), eq(memberships.id, principal.membershipId)),
      )
      .leftJoin(sessions, eq(sessions.id, sql`${principal.sessionId ?? null}::uuid`))
      .where(eq(users.id, principal.userId));
    if (
      !row ||
      row.userStatus !== 'active' ||
      row.membershipStatus !== 'active' ||
      principal.issuedAt < seconds(row.userValidAfter) ||
      principal.issuedAt < seconds(row.membershipValidAfter) ||
      (row.partyId ?? undefined) !== principal.partyId ||
      (principal.sessionId &&
        (!row.sessionExpiresAt || row.sessionRevokedAt || row.sessionExpiresAt < new Date()))
    ) {
      throw revoked();
    }
    principal.roles = row.roles;
    principal.teams = row.teams;
  }

  private async verifyClient(principal: Principal): Promise<void> {
    const [row] = await this.database
      .tx()
      .select({
        status: apiClients.status,
        validAfter: apiClients.validAfter,
        roles: apiClients.roles,
      })
      .from(apiClients)
      .where(
        and(eq(apiClients.tenantId, principal.tenantId), eq(apiClients.id, principal.membershipId)),
      );
    if (!row || row.status !== 'active' || principal.issuedAt < seconds(row.validAfter))
      throw revoked();
    principal.roles = row.roles;
  }
}
