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
