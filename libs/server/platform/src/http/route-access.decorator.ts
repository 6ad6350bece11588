/**
 * The access metadata `@Route` writes from a route's contract (see route.decorator.ts):
 * the auth guard, the route authorizer and the route test read it.
 */
export const REQUIRED_PERMISSION = 'nexo:required-permission';
export const SIGNED_IN_ONLY = 'nexo:signed-in-only';
/** A signed-in route a user who must still enrol in MFA may call (session, enrolment, sign-out). */
export const ALLOWED_DURING_MFA_ENROLMENT = 'nexo:allowed-during-mfa-enrolment';

export interface RequiredPermission {
  action: string;
  subject: string;
}

/**
 * Record checks and field masks for libraries the permission engine cannot be imported into
 * (it depends on them: tenancy's tables, jobs). `assertCan` answers not found when the
 * current principal may not `action` this record of `type`; `mask` leaves out the fields it
 * may not read; `assertWritable` refuses (403, naming the field) a change of a field the
 * principal may not set. The permissions module provides it.
 */
export interface RecordAccess {
  assertCan(action: string, type: string, record: Record<string, unknown>): Promise<void>;
  assertWritable(
    action: string,
    type: string,
    before: Record<string, unknown> | undefined,
    changes: Record<string, unknown>,
  ): Promise<void>;
  mask<T extends Record<string, unknown>>(type: string, record: T): Promise<Partial<T>>;
}
export const RECORD_ACCESS = Symbol('RECORD_ACCESS');
