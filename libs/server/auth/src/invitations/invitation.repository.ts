import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@nexo/db';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { invitations } from '../db/auth.tables.js';

export type InvitationRow = typeof invitations.$inferSelect;

/** Tenant-scoped: runs with `app.tenant_id` set to the inviting company. */
@Injectable()
export class InvitationRepository {
  constructor(@Inject(Database) private readonly database: Database) {}

  async insert(row: typeof invitations.$inferInsert): Promise<InvitationRow> {
    const [created] = await this.database.tx().insert(invitations).values(row).returning();
    if (!created) throw new Error('insert returned no row');
    return created;
  }

  async listPending(tenantId: string): Promise<InvitationRow[]> {
    return this.database
      .tx()
      .select()
      .from(invitations)
      .where(
        and(
          eq(invitations.tenantId, tenantId),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .orderBy(desc(invitations.createdAt))
      .limit(200);
  }

  /** Accepts atomically: only one of two concurrent uses of the link wins. */
  async accept(tenantId: string, tokenHash: string): Promise<InvitationRow | undefined> {
    const [row] = await this.database
      .tx()
      .update(invitations)
      .set({ acceptedAt: sql`now()` })
      .where(
        and(
          eq(invitations.tenantId, tenantId),
          eq(invitations.tokenHash, tokenHash),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, sql`now()`),
        ),
      )
      .returning();
    return row;
  }

  async revoke(tenantId: string, id: string): Promise<boolean> {
    const rows = await this.database
      .tx()
      .update(invitations)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(invitations.tenantId, tenantId),
          eq(invitations.id, id),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning({ id: invitations.id });
    return rows.length === 1;
  }
}
