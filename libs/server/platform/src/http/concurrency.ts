import { ErrorCode } from '@nexo/contracts';
import type { FastifyReply } from 'fastify';
import { DomainError } from '../errors/domain-error.js';
import { requestContext } from '../context/request-context.js';

/**
 * Optimistic concurrency over HTTP: reads send `ETag: "<version>"`, updates and deletes
 * must send it back in `If-Match`. Without it: 428; with an old one: 412.
 */
export function setEtag(reply: FastifyReply, version: number): void {
  void reply.header('etag', `"${version}"`);
}

/** The version the client last saw, from `If-Match`; 428 when it is missing or unreadable. */
export function expectedVersion(): number {
  const header = requestContext.get()?.ifMatch;
  const match = header ? /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim()) : null;
  if (!match?.[1]) {
    throw new DomainError(
      ErrorCode.PreconditionRequired,
      'Send If-Match with the ETag you read, so no one’s change is overwritten',
    );
  }
  return Number(match[1]);
}

export const stale = (): DomainError =>
  new DomainError(
    ErrorCode.PreconditionFailed,
    'Someone changed this in the meantime: read it again and retry',
  );
