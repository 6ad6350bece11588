import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { newId } from '@nexo/utils';
import { pgConstraint } from '../errors/pg-errors.js';
import { mapError } from '../errors/problem.mapper.js';

/**
 * Writes any error as `application/problem+json`. Unexpected errors get an error id that is
 * both in the response and in the log line with the stack, so support can find one from
 * the other; their message stays in the log only.
 */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  error: unknown,
  logger: Logger,
): FastifyReply {
  const { problem, unexpected, retryAfterSeconds, databaseState } = mapError(error);
  const body = { ...problem, instance: request.url.split('?')[0], requestId: String(request.id) };
  if (unexpected) {
    const errorId = newId();
    Object.assign(body, { errorId });
    logger.error({ err: error, errorId, requestId: request.id }, 'unexpected error');
  } else if (databaseState) {
    // Only the state and the constraint: the driver's detail may quote the value sent.
    const constraint = pgConstraint(error);
    logger.warn(
      { sqlState: databaseState, constraint, requestId: request.id },
      'the database refused a value the contract let through',
    );
  } else if (problem.status >= 500) {
    logger.warn({ code: problem.code, requestId: request.id }, problem.title);
  }
  if (retryAfterSeconds !== undefined) void reply.header('retry-after', String(retryAfterSeconds));
  return reply.status(problem.status).type('application/problem+json').send(body);
}
