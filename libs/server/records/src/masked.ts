/**
 * A record as it leaves the API (`<Resource>View`): what the caller may read of it, without
 * the tenant id, with its id always (`PermissionService.viewer`).
 */
export type Masked<R> = Partial<Omit<R, 'tenantId'>> & { id: string };

/**
 * A row as the audit log keeps it: every field but the tenant id (the entry is the tenant's
 * own). Unlike a `<Resource>View` nothing is masked: the log is read under its own permission.
 */
export function auditSnapshot<T extends { tenantId?: string }>(row: T): Omit<T, 'tenantId'> {
  const { tenantId: _tenant, ...rest } = row;
  return rest;
}
