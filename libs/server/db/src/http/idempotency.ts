import { ErrorCode } from '@nexo/contracts';
import { DomainError, sha256 } from '@nexo/platform';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Tx } from '../client/database.js';
import { idempotencyKeys } from '../db/platform.tables.js';

export interface IdempotentRequest {
  tenantId: string;
  principalId: string;
  key: string;
  method: string;
  path: string;
  body: unknown;
  ttlSeconds: number;
}

const KEY = /^[\x21-\x7e]{1,200}$/;

export function isValidIdempotencyKey(key: string): boolean {
  return KEY.test(key);
}

/**
 * Claims the key in the request's transaction. Returns the stored first answer to replay,
 * or undefined when this request is the first and must run. A concurrent first request
 * holds the key's index entry until it commits; this insert waits for it, then sees its row.
 */
export async function claimIdempotencyKey(
  tx: Tx,
  request: IdempotentRequest,
): Promise<{ status: number; body: unknown } | undefined> {
  const requestHash = sha256(JSON.stringify(request.body ?? null));
  const keyOf = and(
    eq(idempotencyKeys.tenantId, request.tenantId),
    eq(idempotencyKeys.principalId, request.principalId),
    eq(idempotencyKeys.key, request.key),
  );
  await tx.delete(idempotencyKeys).where(and(keyOf, lt(idempotencyKeys.expiresAt, sql`now()`)));
  const inserted = await tx
    .insert(idempotencyKeys)
    .values({
      tenantId: request.tenantId,
      principalId: request.principalId,
      key: request.key,
      method: request.method,
      path: request.path,
      requestHash,
      expiresAt: sql`now() + make_interval(secs => ${request.ttlSeconds})`,
    })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length) return undefined;
  const [first] = await tx.select().from(idempotencyKeys).where(keyOf);
  if (!first || first.status === null) {
    throw new DomainError(
      ErrorCode.Conflict,
      'A request with this Idempotency-Key is still running',
    );
  }
  if (
    first.requestHash !== requestHash ||
    first.method !== request.method ||
    first.path !== request.path
  ) {
    throw new DomainError(
      ErrorCode.IdempotencyKeyReused,
      'This Idempotency-Key was used for a different request',
    );
  }
  return { status: first.status, body: first.body };
}

/** Stores the answer with the key, in the same transaction as the work it describes. */
export async function recordIdempotentAnswer(
  tx: Tx,
  request: IdempotentRequest,
  status: number,
  body: unknown,
): Promise<void> {
  await tx
    .update(idempotencyKeys)
    .set({ status, body: body ?? null })
    .where(
      and(
        eq(idempotencyKeys.tenantId, request.tenantId),
        eq(idempotencyKeys.principalId, request.principalId),
        eq(idempotencyKeys.key, request.key),
      ),
    );
}
