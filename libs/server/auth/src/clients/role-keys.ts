import { DomainError } from '@nexo/platform';

/**
 * Which role keys name no role of a company. Permissions answers (its RoleService), as it
 * depends on auth and not the other way; auth asks before it stores keys that grant a member,
 * an invitation or an API client anything (issue 23: another company's role is no role here).
 */
export interface RoleKeys {
  unknownKeys(tenantId: string, keys: readonly string[]): Promise<string[]>;
}
export const ROLE_KEYS = Symbol('ROLE_KEYS');

/** 422 on `roles` for each key that names no role of the company. */
export async function assertRoleKeys(
  roleKeys: RoleKeys,
  tenantId: string,
  keys: readonly string[],
): Promise<void> {
  const missing = await roleKeys.unknownKeys(tenantId, [...new Set(keys)]);
  if (missing.length)
    throw DomainError.unknownReference(
      missing.map((k) => ({ path: 'roles', code: 'unknown_role', message: `No role "${k}"` })),
    );
}
