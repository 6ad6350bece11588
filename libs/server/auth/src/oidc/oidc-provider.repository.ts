import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@nexo/db';
import { and, asc, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { invitations, oidcLogins, oidcProviders } from '../db/auth.tables.js';

export type OidcProviderRow = typeof oidcProviders.$inferSelect;
export type OidcLoginRow = typeof oidcLogins.$inferSelect;
type InvitationRow = typeof invitations.$inferSelect;

/** Tenant-scoped: runs with `app.tenant_id` set to the provider's company. */
@Injectable()
export class OidcProviderRepository {
  constructor(@Inject(Database) private readonly database: Database) {}

  async insert(row: typeof oidcProviders.$inferInsert): Promise<OidcProviderRow> {
    const [created] = await this.database.tx().insert(oidcProviders).values(row).returning();
    if (!created) throw new Error('insert returned no row');
    return created;
  }

  list(tenantId: string): Promise<OidcProviderRow[]> {
    return this.database
      .tx()
      .select()
      .from(oidcProviders)
      .where(eq(oidcProviders.tenantId, tenantId))
      .orderBy(asc(oidcProviders.name))
      .limit(200);
  }

  async findEnabled(tenantId: string, id: string): Promise<OidcProviderRow | undefined> {
    const [row] = await this.database
      .tx()
      .select()
      .from(oidcProviders)
      .where(
        and(
          eq(oidcProviders.tenantId, tenantId),
          eq(oidcProviders.id, id),
          eq(oidcProviders.enabled, true),
        ),
      );
    return row;
  }

  async disable(tenantId: string, id: string): Promise<boolean> {
    const rows = await this.database
      .tx()
      .update(oidcProviders)
      .set({ enabled: false, updatedAt: sql`now()`, version: sql`${oidcProviders.version} + 1` })
      .where(and(eq(oidcProviders.tenantId, tenantId), eq(oidcProviders.id, id)))
      .returning({ id: oidcProviders.id });
    return rows.length === 1;
  }

  async insertLogin(row: typeof oidcLogins.$inferInsert): Promise<void> {
    await this.database.tx().insert(oidcLogins).values(row);
  }

  /**
   * Marks a started sign-in used and returns it with its provider, if it is unused,
   * unexpired and its provider still enabled. Atomic: of two concurrent callbacks with the
   * same state, one wins.
   */
  async consumeLogin(
    tenantId: string,
    stateHash: string,
  ): Promise<{ login: OidcLoginRow; provider: OidcProviderRow } | undefined> {
    const [login] = await this.database
      .tx()
      .update(oidcLogins)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(oidcLogins.tenantId, tenantId),
          eq(oidcLogins.stateHash, stateHash),
          isNull(oidcLogins.usedAt),
          gt(oidcLogins.expiresAt, sql`now()`),
        ),
      )
      .returning();
    if (!login) return undefined;
    const provider = await this.findEnabled(tenantId, login.providerId);
    return provider && { login, provider };
  }

  /** Accepts the newest pending invitation of an email, once (a concurrent accept loses). */
  async acceptInvitationFor(tenantId: string, email: string): Promise<InvitationRow | undefined> {
    const tx = this.database.tx();
    const newest = tx
      .select({ id: invitations.id })
      .from(invitations)
      .where(
        and(
          eq(invitations.tenantId, tenantId),
          eq(sql`lower(${invitations.email})`, email.toLowerCase()),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, sql`now()`),
        ),
      )
      .orderBy(desc(invitations.createdAt))
      .limit(1);
    const [row] = await tx
      .update(invitations)
      .set({ acceptedAt: sql`now()` })
      .where(
        and(
          eq(invitations.tenantId, tenantId),
          inArray(invitations.id, newest),
          isNull(invitations.acceptedAt),
        ),
      )
      .returning();
    return row;
  }
}
