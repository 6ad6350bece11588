import { DomainError, stale } from '@nexo/platform';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';

/** Drops the tenant id: every response is about the caller's tenant. */
export function withoutTenant<T extends { tenantId: string }>(row: T): Omit<T, 'tenantId'> {
  const { tenantId: _tenant, ...rest } = row;
  return rest;
}

interface Versioned extends PgTable {
  tenantId: PgColumn;
  id: PgColumn;
  version: PgColumn;
  updatedAt: PgColumn;
}

/** `WHERE tenant_id = $1 AND id = $2` for a tenant table. */
export const byId = (table: Versioned, tenantId: string, id: string): SQL =>
  and(eq(table.tenantId, tenantId), eq(table.id, id)) as SQL;

/** The SET of an optimistic update: bump the version and the timestamp with the changes. */
export const bump = (table: Versioned) => ({
  updatedAt: sql`now()`,
  version: sql`${table.version} + 1`,
});

/** An update that matched no row at the expected version: stale (412) or gone (404). */
export function noRowUpdated(exists: boolean): never {
  if (!exists) throw DomainError.notFound();
  throw stale();
}
