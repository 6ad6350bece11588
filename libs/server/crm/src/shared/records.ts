import { DomainError, stale } from '@nexo/platform';

// The shared record helpers live in @nexo/db; re-exported for the CRM's services.
export { bump, byId, updateAtVersion } from '@nexo/db';

/** Drops the tenant id: every response is about the caller's tenant. */
export function withoutTenant<T extends { tenantId: string }>(row: T): Omit<T, 'tenantId'> {
  const { tenantId: _tenant, ...rest } = row;
  return rest;
}

/** An update that matched no row at the expected version: stale (412) or gone (404). */
export function noRowUpdated(exists: boolean): never {
  if (!exists) throw DomainError.notFound();
  throw stale();
}
