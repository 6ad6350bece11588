import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@nexo/db';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { refreshTokens, sessions } from '../db/auth.tables.js';

export type SessionRow = typeof sessions.$inferSelect;

/** Sessions and their refresh tokens: global tables, always looked up by user or token hash. */
@Injectable()
export class SessionRepository {
  constructor(@Inject(Database) private readonly database: Database) {}

  async insertSession(row: typeof sessions.$inferInsert): Promise<void> {
    await this.database.tx().insert(sessions).values(row);
  }

  async insertRefreshToken(row: typeof refreshTokens.$inferInsert): Promise<void> {
    await this.database.tx().insert(refreshTokens).values(row);
  }

  async findRefreshToken(
    tokenHash: string,
  ): Promise<{ token: typeof refreshTokens.$inferSelect; session: SessionRow } | undefined> {
    const [row] = await this.database
      .tx()
      .select({ token: refreshTokens, session: sessions })
      .from(refreshTokens)
      .innerJoin(sessions, eq(sessions.id, refreshTokens.sessionId))
      .where(eq(refreshTokens.tokenHash, tokenHash));
    return row;
  }

  /** Marks a refresh token used; false when it already was (a concurrent or replayed use). */
  async markUsed(id: string): Promise<boolean> {
    const rows = await this.database
      .tx()
      .update(refreshTokens)
      .set({ usedAt: sql`now()` })
      .where(and(eq(refreshTokens.id, id), isNull(refreshTokens.usedAt)))
      .returning({ id: refreshTokens.id });
    return rows.length === 1;
  }

  /** Retires every unused refresh token of a session (tenant switch issues a new one). */
  async retireUnused(sessionId: string): Promise<void> {
    await this.database
      .tx()
      .update(refreshTokens)
      .set({ usedAt: sql`now()` })
      .where(and(eq(refreshTokens.sessionId, sessionId), isNull(refreshTokens.usedAt)));
  }

  async revoke(sessionId: string, reason: string, userId?: string): Promise<boolean> {
    const rows = await this.database
      .tx()
      .update(sessions)
      .set({ revokedAt: sql`now()`, revokeReason: reason })
      .where(
        and(
          eq(sessions.id, sessionId),
          isNull(sessions.revokedAt),
          ...(userId ? [eq(sessions.userId, userId)] : []),
        ),
      )
      .returning({ id: sessions.id });
    return rows.length === 1;
  }

  /**
   * Revokes in a transaction of its own, committed whatever happens to the caller's: used
   * when a replayed refresh token is detected, just before the request fails.
   */
  async revokeAlone(sessionId: string, reason: string): Promise<void> {
    await this.database.db
      .update(sessions)
      .set({ revokedAt: sql`now()`, revokeReason: reason })
      .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
  }

  async revokeAllOfUser(userId: string, reason: string): Promise<void> {
    await this.database
      .tx()
      .update(sessions)
      .set({ revokedAt: sql`now()`, revokeReason: reason })
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
  }

  async touch(
    sessionId: string,
    values: Partial<typeof sessions.$inferInsert> = {},
  ): Promise<void> {
    await this.database
      .tx()
      .update(sessions)
      .set({ lastSeenAt: sql`now()`, ...values })
      .where(eq(sessions.id, sessionId));
  }

  async findActive(sessionId: string, userId: string): Promise<SessionRow | undefined> {
    const [row] = await this.database
      .tx()
      .select()
      .from(sessions)
      .where(
        and(
          eq(sessions.id, sessionId),
          eq(sessions.userId, userId),
          isNull(sessions.revokedAt),
          gt(sessions.expiresAt, sql`now()`),
        ),
      );
    return row;
  }

  async listActive(userId: string): Promise<SessionRow[]> {
    return this.database
      .tx()
      .select()
      .from(sessions)
      .where(
        and(
          eq(sessions.userId, userId),
          isNull(sessions.revokedAt),
          gt(sessions.expiresAt, sql`now()`),
        ),
      )
      .orderBy(desc(sessions.lastSeenAt))
      .limit(100);
  }
}
