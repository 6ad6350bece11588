import { Inject, Injectable } from '@nestjs/common';
import {
  Database,
  inlinedTemplate,
  parseListQuery,
  runList,
  type ListDefinition,
  type ListPage,
} from '@nexo/db';
import { DomainError, currentPrincipal, requestContext } from '@nexo/platform';
import { newId } from '@nexo/utils';
import { and, desc, eq, sql } from 'drizzle-orm';
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

const AUDIT_LIST: ListDefinition = {
  fields: {
    resource: { column: auditLog.resource, type: 'text' },
    resourceId: { column: auditLog.resourceId, type: 'text', searchable: true },
    action: { column: auditLog.action, type: 'text', searchable: true },
    userId: { column: auditLog.userId, type: 'uuid' },
    occurredAt: { column: auditLog.occurredAt, type: 'date', sortable: true },
  },
  defaultSort: '-occurredAt',
  id: auditLog.id,
};

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
 * The mutation audit log. `record` writes in the request's transaction, so an audit row
 * exists exactly when the change it describes was committed. The row is sent with COMMIT
 * (`Database.beforeCommit`): nothing in a request reads the audit entry it has just written,
 * and a write request saves a round trip. An entry that cannot be written rolls back the
 * change with it.
 */
/** What `record` writes into a row. */
interface RecordedValues extends Record<string, unknown> {
  tenantId: string;
  id: string;
  principalId: string;
  userId: string;
  actor: string;
  action: string;
  resource: string;
  resourceId: string;
  before: object | null;
  after: object | null;
  requestId: string | null;
  ip: string | null;
}

@Injectable()
export class AuditLog {
  /** The INSERT, built by Drizzle once and filled per entry (`inlinedTemplate`). */
  private readonly insert: (values: RecordedValues) => string;

  constructor(@Inject(Database) private readonly database: Database) {
    const value = (name: keyof RecordedValues & string) => sql.placeholder(name);
    this.insert = inlinedTemplate<RecordedValues>(
      database.db.insert(auditLog).values({
        tenantId: value('tenantId'),
        id: value('id'),
        principalId: value('principalId'),
        userId: value('userId'),
        actor: value('actor'),
        action: value('action'),
        resource: value('resource'),
        resourceId: value('resourceId'),
        before: value('before'),
        after: value('after'),
        requestId: value('requestId'),
        ip: value('ip'),
      }),
    );
  }

  record(entry: AuditEntry): Promise<void> {
    const principal = currentPrincipal();
    const ctx = requestContext.get();
    const diff = changed(entry.before, entry.after);
    this.database.beforeCommit(
      this.insert({
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
      }),
    );
    return Promise.resolve();
  }

  /**
   * A record's history, newest first. A record that left no trace in this company (another
   * company's, or one that never existed) is not found: 404, as for any route taking an id.
   */
  async history(resource: string, resourceId: string, limit: number): Promise<AuditRow[]> {
    const { tenantId } = currentPrincipal();
    const rows = await this.database
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
    if (!rows.length) throw DomainError.notFound('Record');
    return rows;
  }

  /**
   * Search through the one list mechanism: filters on resource, action, person, record and
   * time, newest first by default, keyset pages, optional capped count.
   */
  async search(query: Record<string, unknown>): Promise<ListPage<AuditRow>> {
    const { tenantId } = currentPrincipal();
    const list = parseListQuery(AUDIT_LIST, query, eq(auditLog.tenantId, tenantId));
    const tx = this.database.tx();
    return runList(
      tx,
      list,
      (limit) =>
        tx
          .select({ row: auditLog, sortKey: list.sortValue })
          .from(auditLog)
          .where(list.where)
          .orderBy(...list.orderBy)
          .limit(limit),
      auditLog,
    );
  }
}
