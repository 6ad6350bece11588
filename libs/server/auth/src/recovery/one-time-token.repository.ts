import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@nexo/db';
import { newId } from '@nexo/utils';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { oneTimeTokens } from '../db/auth.tables.js';

export type OneTimePurpose = 'password_reset' | 'email_verification';

@Injectable()
export class OneTimeTokenRepository {
  constructor(@Inject(Database) private readonly database: Database) {}

  async insert(
    userId: string,
    purpose: OneTimePurpose,
    tokenHash: string,
    ttlSeconds: number,
  ): Promise<void> {
    await this.database
      .tx()
      .insert(oneTimeTokens)
      .values({
        id: newId(),
        userId,
        purpose,
        tokenHash,
        expiresAt: new Date(Date.now() + ttlSeconds * 1000),
      });
  }

  /** Spends a token: returns its user when it was valid, unused and unexpired; single use. */
  async consume(purpose: OneTimePurpose, tokenHash: string): Promise<string | undefined> {
    const [row] = await this.database
      .tx()
      .update(oneTimeTokens)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(oneTimeTokens.tokenHash, tokenHash),
          eq(oneTimeTokens.purpose, purpose),
          isNull(oneTimeTokens.usedAt),
          gt(oneTimeTokens.expiresAt, sql`now()`),
        ),
      )
      .returning({ userId: oneTimeTokens.userId });
    return row?.userId;
  }
}
