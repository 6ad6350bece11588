import type { Principal } from '@nexo/platform';

/** A principal check's positive answer, kept with the epoch it was read at (migration 0026). */
export interface KeptAnswer {
  epoch: string;
  roles: string[];
  /** Empty for API clients, which have no teams. */
  teams: string[];
  /** The session's expiry as PostgreSQL wrote it; the check runs again once it has passed. */
  validUntil: string | null;
}

/** Enough for the busiest installs; beyond it the oldest answers go and are checked again. */
const MAX_KEPT = 20_000;

/**
 * The last positive answer of each principal (one access token of one person or client).
 * Only a hint: each request still reads the epoch and checks again when it has moved, so a
 * stale entry can only cost a check (and a request run twice), never let anyone in.
 */
export class KeptAnswers {
  private readonly answers = new Map<string, KeptAnswer>();

  static keyOf(p: Principal): string {
    return `${p.actor}|${p.tenantId}|${p.userId}|${p.membershipId}|${p.sessionId ?? ''}|${p.partyId ?? ''}|${p.issuedAt}`;
  }

  get(key: string): KeptAnswer | undefined {
    return this.answers.get(key);
  }

  keep(key: string, answer: KeptAnswer): void {
    this.answers.delete(key);
    if (this.answers.size >= MAX_KEPT) {
      const oldest = this.answers.keys().next().value;
      if (oldest !== undefined) this.answers.delete(oldest);
    }
    this.answers.set(key, answer);
  }

  forget(key: string): void {
    this.answers.delete(key);
  }
}
