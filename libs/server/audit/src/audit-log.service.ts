import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@nexo/db';
import { currentPrincipal, requestContext } from '@nexo/platform';
import { newId } from '@nexo/utils';
import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { auditLog } from './db/audit.tables.js';

/** Fields never written to the audit log, whatever resource they belong to. */
const ALWAYS_MASKED = new Set([
  'passwordHash',
  'secretHash',
  'previousSecretHash',
  'clientSecret',
  'clientSecretEnc',
  'tokenHash',
  'totpSecretEnc',
  'totpPendingEnc',
  'privateKeyEnc',
]);

export interface AuditEntry {
  action: string;
  resource: string;
  resourceId: string;
  before?: Record<string, unknown> | undefined;
  after?: Record<string, unknown> | undefined;
}

export type AuditRow = typeof auditLog.$inferSelect;

/** Only what changed: on update the fields whose values differ, on create/delete all fields. */
function changed(
  before?: Record<string, unknown>,
  after?: Record<string, unknown>,
): { before: object | null; after: object | null } {
  const keep = (record: Record<string, unknown> | undefined, keys: string[]): object | null =>
    record
      ? Object.fromEntries(
          keys.filter((k) => !ALWAYS_MASKED.has(k)).map((k) => [k, record[k] ?? null]),
        )
      : null;
  if (before && after) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
      (k) =>
        JSON.stringify(before[k]) !== JSON.stringify(after[k]) &&
        k !== 'updatedAt' &&
        k !== 'version',
    );
    return { before: keep(before, keys), after: keep(after, keys) };
  }
  return {
    before: keep(before, Object.keys(before ?? {})),
    after: keep(after, Object.keys(after ?? {})),
  };
}

/**
 * The mutation audit log. `record` runs in the request's transaction, so an audit row
 * exists exactly when the change it describes was committed.
 */
@Injectable()
export class AuditLog {
  constructor(@Inject(Database) private readonly database: Database) {}

  async record(entry: AuditEntry): Promise<void> {
    const principal = currentPrincipal();
    const ctx = requestContext.get();
    const diff = changed(entry.before, entry.after);
    await this.database
      .tx()
      .insert(auditLog)
      .values({
        tenantId: principal.tenantId,
        id: newId(),
        principalId: principal.membershipId,
        userId: principal.userId,
        actor: principal.actor,
        action: entry.action,
        resource: entry.resource,
        resourceId: entry.resourceId,
        before: diff.before,
        after: diff.after,
        requestId: ctx?.requestId ?? null,
        ip: ctx?.ip ?? null,
      });
  }

  /** A record's history, newest first. */
  async history(resource: string, resourceId: string, limit: number): Promise<AuditRow[]> {
    const { tenantId } = currentPrincipal();
    return this.database
      .tx()
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.tenantId, tenantId),
          eq(auditLog.resource, resource),
          eq(auditLog.resourceId, resourceId),
        ),
      )
      .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
      .limit(limit);
  }

  /** Search by resource, action, person and time, newest first; `before` pages back. */
  async search(filter: {
    resource?: string;
    action?: string;
    userId?: string;
    from?: Date;
    before?: Date;
    limit: number;
  }): Promise<AuditRow[]> {
    const { tenantId } = currentPrincipal();
    const where: SQL[] = [eq(auditLog.tenantId, tenantId)];
    if (filter.resource) where.push(eq(auditLog.resource, filter.resource));
    if (filter.action) where.push(eq(auditLog.action, filter.action));
    if (filter.userId) where.push(eq(auditLog.userId, filter.userId));
    if (filter.from) where.push(gte(auditLog.occurredAt, filter.from));
    if (filter.before) where.push(lt(auditLog.occurredAt, filter.before));
    return this.database
      .tx()
      .select()
      .from(auditLog)
      .where(and(...where))
      .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
      .limit(filter.limit);
  }
}
